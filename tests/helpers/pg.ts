import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "@/lib/db/migrations";
import { startEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/pg/embedded";

// One real PostgreSQL server per test run, under the temp dir (the `postgres` OS user must
// reach it when tests run as root), with a migrated template that each test file copies.
export const TEMPLATE_DB = "bcdr_template";

export async function startTestServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-test-"));
  fs.chmodSync(dir, 0o755);
  const pgDir = path.join(dir, "pg");
  const server = await startEmbeddedPostgres({ pgDir });
  const { createDatabase } = await import("@/lib/db/scratch-db");
  const templateUrl = await createDatabase({ url: server.url, name: TEMPLATE_DB });
  await applyMigrations({ url: templateUrl });
  return {
    url: server.url,
    dir,
    stop() {
      stopEmbeddedPostgres({ pgDir });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
