import fs from "node:fs";
import path from "node:path";
import { recordOpsRun } from "../data/ops";
import { resolveDatabaseUrlSync } from "../db/url";
import { defaultBackupDir, getEnv, type TEnv } from "../env";
import { registerJob } from "../jobs/scheduler";
import { createBackup } from "./backup";
import { listBackupFiles } from "./manifest";
import { describeBackup } from "./summary";

// The app's own scheduled backups (registered by instrumentation.ts).

/** Deletes scheduled backups beyond the newest `retention`; manual and drill ones stay. */
export function pruneBackups({ dir, retention }: { dir: string; retention: number }): string[] {
  const doomed = listBackupFiles({ dir })
    .filter((f) => f.kind === "scheduled")
    .slice(retention);
  for (const f of doomed) fs.rmSync(f.file, { force: true });
  return doomed.map((f) => f.name);
}

export type TRunScheduledBackup = {
  dataDir: string;
  /** BACKUP_DIR (default DATA_DIR/backups). */
  backupDir?: string;
  retention: number;
  everyMs: number;
  url?: string;
  log?: (line: string) => void;
  signal?: AbortSignal;
};

export async function runScheduledBackup({
  dataDir,
  backupDir = defaultBackupDir(dataDir),
  retention,
  everyMs,
  url,
  log = (l) => console.log(`[backup] ${l}`),
  signal,
}: TRunScheduledBackup) {
  const dir = backupDir;
  // After a restart the newest backup may be minutes old: wait for its interval to pass.
  const newest = listBackupFiles({ dir }).find((f) => f.kind === "scheduled");
  if (newest && Date.now() - fs.statSync(newest.file).mtimeMs < everyMs * 0.9) {
    return { skipped: true as const };
  }
  const startedAt = new Date();
  try {
    const r = await createBackup({
      url: url ?? resolveDatabaseUrlSync(),
      dataDir,
      backupDir,
      kind: "scheduled",
      signal,
    });
    const detail = describeBackup(r);
    await recordOpsRun({ kind: "backup", ok: true, file: r.file, detail, startedAt });
    const deleted = pruneBackups({ dir, retention });
    log(
      `${path.basename(r.file)}: ${detail}${deleted.length ? `; ${deleted.length} old deleted` : ""}`,
    );
    return { skipped: false as const, file: r.file, deleted };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log(`FAILED: ${message}`);
    await recordOpsRun({ kind: "backup", ok: false, detail: message, startedAt }).catch((err) =>
      log(`could not record the failed run: ${err instanceof Error ? err.message : err}`),
    );
    throw e;
  }
}

/** Every BACKUP_INTERVAL_MINUTES (0 = off), keeping BACKUP_RETENTION scheduled files. */
export function registerBackupJob({ env = getEnv() }: { env?: TEnv } = {}) {
  if (env.BACKUP_INTERVAL_MINUTES === 0) {
    console.log("[backup] scheduled backups are off (BACKUP_INTERVAL_MINUTES=0)");
    return undefined;
  }
  const everyMs = env.BACKUP_INTERVAL_MINUTES * 60_000;
  return registerJob({
    name: "backup",
    everyMs,
    runOnStart: true,
    acrossInstances: true, // one backup per interval, whichever instance takes it
    // A failed run (disk full …) is recorded and logged; the next tick tries again.
    run: async ({ signal }) => {
      await runScheduledBackup({
        dataDir: env.DATA_DIR,
        backupDir: env.BACKUP_DIR,
        retention: env.BACKUP_RETENTION,
        everyMs,
        signal,
      });
    },
  });
}
