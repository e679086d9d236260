import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDatabaseUrlSync } from "../db/url";
import { getEnv } from "../env";
import { RestoreError } from "../ops/load";
import { RestoreRefusedError, restoreBackup } from "../ops/restore";
import { describeContents, formatSeconds } from "../ops/summary";
import { BackupVerifyError } from "../ops/verify";

// npm run restore -- FILE [--database-url URL | --into NAME] [--uploads DIR]
// Restores into a FRESH database only: verifies every checksum first (a corrupt or truncated
// backup is refused before anything is written), then creates and fills the database.
const USAGE =
  "usage: npm run restore -- FILE [--database-url postgresql://…/newdb | --into NAME] [--uploads DIR]";

const masked = (url: string) => {
  const u = new URL(url);
  if (u.password) u.password = "PASSWORD";
  return u.toString();
};

function parse() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "database-url": { type: "string" },
      into: { type: "string" },
      uploads: { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1 || (values["database-url"] && values.into)) {
    throw new RestoreRefusedError(USAGE);
  }
  return { file: path.resolve(file), ...values };
}

async function main() {
  const args = parse();
  let serverUrl: string;
  let database: string;
  if (args["database-url"]) {
    serverUrl = args["database-url"];
    database = decodeURIComponent(new URL(serverUrl).pathname.slice(1));
    if (!database) throw new RestoreRefusedError("--database-url must name a database");
  } else {
    serverUrl = resolveDatabaseUrlSync();
    const stamp = new Date().toISOString().slice(0, 19).replace(/\D/g, "");
    database = args.into ?? `bcdr_restore_${stamp}`;
  }
  const dataDir = path.join(getEnv().DATA_DIR, "restores", database);
  const uploadsDir = path.resolve(args.uploads ?? path.join(dataDir, "uploads"));
  console.log(`verifying ${args.file} …`);
  const r = await restoreBackup({
    file: args.file,
    serverUrl,
    database,
    uploadsDir,
    log: console.log,
  });
  console.log(`backup verified: every checksum matches (${describeContents(r)})`);
  console.log(
    `restored into database "${database}" on ${new URL(r.url).host} in ${formatSeconds(r.ms)}`,
  );
  console.log(`evidence files: ${uploadsDir}`);
  for (const w of r.manifest.warnings) console.log(`warning recorded at backup time: ${w}`);
  const appDataDir = path.basename(uploadsDir) === "uploads" ? path.dirname(uploadsDir) : "DIR";
  console.log(
    "\nNext: start the app on the restored copy (its PostgreSQL server must be running):",
  );
  console.log(`  DATABASE_URL='${masked(r.url)}' DATA_DIR='${appDataDir}' PORT=3001 npm start`);
  console.log(
    "  PASSWORD is the one in your DATABASE_URL (embedded server: DATA_DIR/pg-superuser-password).",
  );
  if (appDataDir === "DIR")
    console.log(`  DIR is a folder whose uploads/ holds the files from ${uploadsDir}.`);
  console.log("  Check it, then point the app's DATABASE_URL (and DATA_DIR) at it to switch over.");
}

main().catch((e) => {
  if (e instanceof BackupVerifyError)
    console.error(`restore REFUSED, nothing was written.\n${e.message}`);
  else if (e instanceof RestoreRefusedError)
    console.error(`restore REFUSED, nothing was written: ${e.message}`);
  else if (e instanceof RestoreError)
    console.error(`restore FAILED and was rolled back: ${e.message}`);
  else console.error(`restore FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
