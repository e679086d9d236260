import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { claimLease, releaseLease } from "@/lib/jobs/lease";
import {
  DRILL_LEASE,
  runDrillHere,
  settleAbandonedDrills,
  startDrillJob,
} from "@/lib/ops/drill-job";
import { loadDeploymentFacts } from "@/lib/ops/self-assessment";
import { createOrgWithUsers, setupFreshDatabase } from "../db";

// Guards against a second restore drill starting while one runs on another instance, a drill
// whose instance died showing as running forever, and the ops page misjudging where the
// backups are (the filesystems are compared for real, by device id).

const { prisma } = await setupFreshDatabase();
const { org, admin } = await createOrgWithUsers(prisma, "drill-job");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-drill-job-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("a drill started from the ops page", () => {
  it("does not start while another instance holds the drill lease, and names the running one", async () => {
    expect(await claimLease({ name: DRILL_LEASE, everyMs: 0, holder: "instance-b" })).toBe(true);
    const running = await prisma.opsRun.create({
      data: {
        kind: "drill",
        ok: false,
        running: true,
        startedAt: new Date(),
        heartbeatAt: new Date(),
      },
    });
    try {
      const r = await startDrillJob({ orgId: org.id, actorId: admin.id });
      expect(r).toEqual({ started: false, runId: running.id });
      expect(await prisma.opsRun.count({ where: { kind: "drill" } })).toBe(1);
      expect(await prisma.auditEvent.count({ where: { action: "ops.drill_started" } })).toBe(0);
    } finally {
      await releaseLease({ name: DRILL_LEASE, holder: "instance-b", done: true });
      await prisma.opsRun.delete({ where: { id: running.id } });
    }
  });

  it("npm run drill is refused while a drill runs elsewhere, and starts nothing", async () => {
    expect(await claimLease({ name: DRILL_LEASE, everyMs: 0, holder: "instance-b" })).toBe(true);
    const lines: string[] = [];
    try {
      const r = await runDrillHere({ log: (l) => lines.push(l) });
      expect(r.ok).toBe(false);
      expect(r.line).toMatch(/drill not started: another restore drill is running/);
      expect(lines).toEqual([]);
      expect(await prisma.opsRun.count({ where: { kind: "drill" } })).toBe(0);
      expect(await prisma.auditEvent.count({ where: { action: "ops.drill_started" } })).toBe(0);
    } finally {
      await releaseLease({ name: DRILL_LEASE, holder: "instance-b", done: true });
    }
  });

  it("settles a running drill whose instance stopped beating as interrupted, not a fresh one", async () => {
    const now = new Date();
    const dead = await prisma.opsRun.create({
      data: {
        kind: "drill",
        ok: false,
        running: true,
        startedAt: new Date(+now - 10 * 60_000),
        heartbeatAt: new Date(+now - 5 * 60_000),
      },
    });
    const alive = await prisma.opsRun.create({
      data: { kind: "drill", ok: false, running: true, startedAt: now, heartbeatAt: now },
    });
    expect(await settleAbandonedDrills({ now })).toEqual({ settled: 1 });
    const [d, a] = await Promise.all([
      prisma.opsRun.findUniqueOrThrow({ where: { id: dead.id } }),
      prisma.opsRun.findUniqueOrThrow({ where: { id: alive.id } }),
    ]);
    expect(d).toMatchObject({ running: false, ok: false });
    expect(d.detail).toMatch(/interrupted/);
    expect(a.running).toBe(true);
    await prisma.opsRun.deleteMany({ where: { id: { in: [dead.id, alive.id] } } });
  });
});

describe("loadDeploymentFacts", () => {
  const envWith = (extra: Record<string, string>) =>
    parseEnv({
      source: { DATA_DIR: path.join(scratch, "data"), ...extra } as unknown as NodeJS.ProcessEnv,
    });

  it("sees BACKUP_DIR on the database folder's filesystem as the same one", async () => {
    fs.mkdirSync(path.join(scratch, "data", "pg"), { recursive: true });
    const facts = await loadDeploymentFacts({ env: envWith({}) });
    expect(facts).toMatchObject({ externalDatabase: false, sameFilesystem: true });
  });

  it("sees a BACKUP_DIR on another filesystem (tmpfs, else procfs) as another one", async () => {
    // /dev/shm is a tmpfs on most Linux machines; /proc is another filesystem on every one.
    const other = ["/dev/shm", "/proc"].find(
      (d) => fs.existsSync(d) && fs.statSync(d).dev !== fs.statSync(scratch).dev,
    );
    expect(other, "a folder on another filesystem than the temp dir").toBeDefined();
    const facts = await loadDeploymentFacts({
      env: envWith({ BACKUP_DIR: path.join(other!, "bcdr-drill-job-backups") }),
    });
    expect(facts.sameFilesystem).toBe(false);
  });

  it("takes a DATABASE_URL that is not the embedded server as an external database", async () => {
    const facts = await loadDeploymentFacts({
      env: envWith({
        DATABASE_URL: "postgresql://app@db.example:5432/ledger",
        AUTH_SECRET: "x".repeat(32),
      }),
    });
    expect(facts).toMatchObject({
      externalDatabase: true,
      databaseDir: null,
      sameFilesystem: null,
    });
  });
});
