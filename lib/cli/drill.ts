import { recordOpsRun } from "../data/ops";
import { db } from "../db";
import { resolveDatabaseUrlSync } from "../db/url";
import { getEnv } from "../env";
import { DrillFailure, runDrill } from "../ops/drill";

// npm run drill — proves a backup can be restored and used: backup, restore into a scratch
// database, compare with the live snapshot, boot the built app on the copy and sign in over
// HTTP. Ends with a line containing "drill passed", or exits 1 saying what differed.
// Records an OpsRun (kind drill) either way.

async function main() {
  const startedAt = new Date();
  const env = getEnv();
  const url = resolveDatabaseUrlSync();
  const log = (line: string) => console.log(`[drill] ${line}`);
  try {
    const r = await runDrill({ url, dataDir: env.DATA_DIR, backupDir: env.BACKUP_DIR, log });
    await recordOpsRun({ kind: "drill", ok: true, file: r.file, detail: r.line, startedAt });
    console.log(r.line);
  } catch (e) {
    const step = e instanceof DrillFailure ? e.step : "drill";
    const message = `drill FAILED at ${step}: ${e instanceof Error ? e.message : String(e)}`;
    console.error(message);
    const file = e instanceof DrillFailure ? e.file : undefined;
    await recordOpsRun({ kind: "drill", ok: false, file, detail: message, startedAt }).catch(
      (err) =>
        console.error(`(could not record the run: ${err instanceof Error ? err.message : err})`),
    );
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(`drill FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
