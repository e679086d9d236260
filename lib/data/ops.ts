import fs from "node:fs";
import { db } from "../db";
import { settleAbandonedDrills } from "../ops/drill-job";

// Backup and drill runs. Instance-wide rows (not organisation data): only admins see them,
// through the ops:read permission on the page.

export const DRILL_MAX_AGE_DAYS = 30;

export type TRecordOpsRun = {
  kind: "backup" | "drill";
  ok: boolean;
  file?: string | null;
  detail?: string | null;
  startedAt: Date;
};

export function recordOpsRun({ kind, ok, file, detail, startedAt }: TRecordOpsRun) {
  return db.opsRun.create({
    data: { kind, ok, file: file ?? null, detail: detail?.slice(0, 4000) ?? null, startedAt },
  });
}

export type TDrillFreshness = { overdue: boolean; ageDays: number | null };

/** A restore drill counts for 30 days; none at all is overdue too. */
export function assessDrillFreshness({
  lastPassedAt,
  now,
}: {
  lastPassedAt: Date | null;
  now: Date;
}): TDrillFreshness {
  if (!lastPassedAt) return { overdue: true, ageDays: null };
  const ageDays = Math.floor((now.getTime() - lastPassedAt.getTime()) / 86_400_000);
  return { overdue: ageDays > DRILL_MAX_AGE_DAYS, ageDays };
}

function fileSize(file: string | null): number | null {
  if (!file) return null;
  try {
    return fs.statSync(file).size;
  } catch {
    return null; // deleted by retention, or on another machine
  }
}

export async function getOpsOverview({
  now = new Date(),
  recent = 20,
}: {
  now?: Date;
  recent?: number;
} = {}) {
  await settleAbandonedDrills({ now });
  const [lastBackup, lastOkBackup, lastPassedDrill, latestDrill, runs] = await Promise.all([
    db.opsRun.findFirst({ where: { kind: "backup" }, orderBy: { finishedAt: "desc" } }),
    db.opsRun.findFirst({ where: { kind: "backup", ok: true }, orderBy: { finishedAt: "desc" } }),
    db.opsRun.findFirst({ where: { kind: "drill", ok: true }, orderBy: { finishedAt: "desc" } }),
    // The newest drill, running or finished: the page follows it and keeps its result.
    db.opsRun.findFirst({ where: { kind: "drill" }, orderBy: { startedAt: "desc" } }),
    db.opsRun.findMany({ orderBy: { finishedAt: "desc" }, take: recent }),
  ]);
  return {
    lastBackup: lastBackup && { ...lastBackup, bytes: fileSize(lastBackup.file) },
    lastOkBackup,
    lastPassedDrill,
    latestDrill,
    drill: assessDrillFreshness({ lastPassedAt: lastPassedDrill?.finishedAt ?? null, now }),
    runs,
  };
}
export type TOpsOverview = Awaited<ReturnType<typeof getOpsOverview>>;
