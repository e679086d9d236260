import { parseArgs } from "node:util";
import { EnvError, getEnv } from "../env";
import { storageOf } from "../storage";
import { moveFiles } from "../storage/migrate";

// `npm run storage:migrate -- --to postgres|disk`: moves the evidence and report files from
// the other store into this one (checksums verified; re-run after a stop to finish).
const usage = "usage: npm run storage:migrate -- --to postgres|disk";

try {
  const { values } = parseArgs({ options: { to: { type: "string" } } });
  if (values.to !== "postgres" && values.to !== "disk") throw new EnvError(usage);
  const env = getEnv();
  const from = storageOf({ kind: values.to === "postgres" ? "disk" : "postgres", env });
  const to = storageOf({ kind: values.to, env });
  console.log(`[storage] moving files from ${from.kind} to ${to.kind}`);
  const { moved, skipped } = await moveFiles({
    from,
    to,
    log: (l) => console.log(`[storage] ${l}`),
  });
  console.log(`[storage] done: ${moved} moved, ${skipped} already there`);
  if (env.STORAGE !== values.to)
    console.log(`[storage] now set STORAGE=${values.to} for the app (it reads ${env.STORAGE} now)`);
  process.exit(0);
} catch (e) {
  console.error(`[storage] ${e instanceof EnvError ? e.message : ((e as Error).stack ?? e)}`);
  process.exit(1);
}
