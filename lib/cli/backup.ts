import { recordOpsRun } from "../data/ops";
import { db } from "../db";
import { resolveDatabaseUrlSync } from "../db/url";
import { getEnv } from "../env";
import { createBackup } from "../ops/backup";
import { countOf, describeBackup, formatBytes, formatSeconds } from "../ops/summary";

// npm run backup — one consistent online backup of the database and the evidence files
// into BACKUP_DIR, default DATA_DIR/backups (see lib/ops/backup-file.ts for the file format). Records an OpsRun.
// A full disk or a step without progress fails it with a message and exit code 1; Ctrl-C
// stops it the same way (the partial file is removed either way).

async function main() {
  const startedAt = new Date();
  const env = getEnv();
  const url = resolveDatabaseUrlSync();
  const stop = new AbortController();
  for (const sig of ["SIGINT", "SIGTERM"] as const)
    process.once(sig, () => stop.abort(new Error(`interrupted (${sig})`)));
  try {
    const r = await createBackup({
      url,
      dataDir: env.DATA_DIR,
      backupDir: env.BACKUP_DIR,
      signal: stop.signal,
    });
    console.log(`backup written: ${r.file}`);
    console.log(`  size ${formatBytes(r.bytes)} (${r.bytes} bytes), took ${formatSeconds(r.ms)}`);
    const rows = r.manifest.tables.map((t) => `${t.name} ${t.rows}`).join(", ");
    console.log(`  ${r.manifest.tables.length} tables: ${rows}`);
    const fileBytes = r.manifest.files.reduce((n, f) => n + f.bytes, 0);
    console.log(
      `  ${countOf(r.manifest.files.length, "evidence file")}, ${formatBytes(fileBytes)}`,
    );
    for (const w of r.manifest.warnings) console.log(`  warning: ${w}`);
    await recordOpsRun({
      kind: "backup",
      ok: true,
      file: r.file,
      detail: describeBackup(r),
      startedAt,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`backup FAILED: ${message}`);
    await recordOpsRun({ kind: "backup", ok: false, detail: message, startedAt }).catch(() => {});
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  // Exit now: a connection the failure left half-closed must not keep the command waiting.
  () => process.exit(),
  (e) => {
    console.error(`backup FAILED: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
