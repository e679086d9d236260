import fs from "node:fs";
import path from "node:path";
import { stopEmbeddedPostgres } from "@/lib/pg/embedded";

// The app stops its database on SIGTERM; this also covers a server that was killed harder.
export default async function teardown() {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) return;
  try {
    stopEmbeddedPostgres({ pgDir: path.join(dir, "pg") });
  } catch {}
  if (!process.env.E2E_KEEP_DATA) fs.rmSync(dir, { recursive: true, force: true });
}
