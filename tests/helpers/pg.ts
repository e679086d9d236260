import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrations";
import { poolConfigFromUrl } from "@/lib/db/pg-config";
import { createDatabase, dropDatabase } from "@/lib/db/scratch-db";
import { startEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/pg/embedded";

// One real PostgreSQL server per test run with a migrated template that each test file copies:
// an embedded server under the temp dir (the `postgres` OS user must reach it when tests run as
// root), or, for the second pass (tests/run.ts), the server at TEST_POSTGRES_URL — there the
// template has a name of its own, so runs sharing that server do not meet, and it is dropped
// after, with every database of the run (tests/integration/db.ts names them after it): a file
// whose own clean-up did not run must not leave its database on a server that stays.
export async function startTestServer({ externalUrl }: { externalUrl?: string } = {}) {
  if (externalUrl) {
    const template = `bcdr_template_${crypto.randomBytes(4).toString("hex")}`;
    const templateUrl = await createDatabase({ url: externalUrl, name: template });
    await applyMigrations({ url: templateUrl });
    return {
      url: externalUrl,
      template,
      async stop() {
        for (const name of await databasesOfRun({ url: externalUrl, template }))
          await dropDatabase({ url: externalUrl, name });
        await dropDatabase({ url: externalUrl, name: template });
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-test-"));
  fs.chmodSync(dir, 0o755);
  const pgDir = path.join(dir, "pg");
  const server = await startEmbeddedPostgres({ pgDir });
  const template = "bcdr_template";
  const templateUrl = await createDatabase({ url: server.url, name: template });
  await applyMigrations({ url: templateUrl });
  return {
    url: server.url,
    template,
    async stop() {
      stopEmbeddedPostgres({ pgDir });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function databasesOfRun({ url, template }: { url: string; template: string }) {
  const admin = new pg.Client({ ...poolConfigFromUrl({ url }), database: "postgres" });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [`${template}_t_`],
    );
    return rows.map((r) => r.datname);
  } finally {
    await admin.end();
  }
}
