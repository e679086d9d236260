import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { getEnv } from "../env";
import {
  embeddedUrl,
  readPidFile,
  startEmbeddedPostgres,
  stopEmbeddedPostgres,
} from "../pg/embedded";
import { poolConfigFromUrl } from "./pg-config";
import { embeddedPgDir } from "./url";

/**
 * The server a command should use: DATABASE_URL, else the app's running embedded server,
 * else a throwaway embedded server under the temp dir (stopped and removed afterwards).
 */
export async function withServer<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const env = getEnv();
  if (env.DATABASE_URL) return fn(env.DATABASE_URL);
  const running = readPidFile({ pgDir: embeddedPgDir() });
  if (running) return fn(embeddedUrl({ pgDir: embeddedPgDir(), port: running.port }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-scratch-"));
  fs.chmodSync(dir, 0o755);
  const pgDir = path.join(dir, "pg");
  const server = await startEmbeddedPostgres({ pgDir });
  try {
    return await fn(server.url);
  } finally {
    stopEmbeddedPostgres({ pgDir });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Creates an empty database next to `url`'s and returns its URL. */
export async function createDatabase({
  url,
  name,
  template,
}: {
  url: string;
  name: string;
  template?: string;
}) {
  const admin = new pg.Client({ ...poolConfigFromUrl({ url }), database: "postgres" });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase({ url, name }: { url: string; name: string }) {
  const admin = new pg.Client({ ...poolConfigFromUrl({ url }), database: "postgres" });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
