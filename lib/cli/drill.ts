import { db } from "../db";
import { runDrillHere } from "../ops/drill-job";

// npm run drill — proves a backup can be restored and used: backup, restore into a scratch
// database, compare with the live snapshot, boot the built app on the copy and sign in over
// HTTP. Ends with a line containing "drill passed", or exits 1 saying what differed.
// Runs under the same "drill" lease as a drill started from the ops page and is recorded the
// same way (an OpsRun row, kind drill, whose steps the page shows while it runs): refused,
// exit 1, while another drill runs.

async function main() {
  try {
    const r = await runDrillHere({ log: (line) => console.log(`[drill] ${line}`) });
    if (r.ok) console.log(r.line);
    else {
      console.error(r.line);
      process.exitCode = 1;
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(`drill FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
