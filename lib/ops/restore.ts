import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations, listMigrations } from "../db/migrations";
import { poolConfigFromUrl } from "../db/pg-config";
import { dropDatabase } from "../db/scratch-db";
import { loadBackup } from "./load";
import { type TManifest, totalRows } from "./manifest";
import { countUserObjects, qi } from "./pg-meta";
import { verifyBackup } from "./verify";

/** Refused before anything was written (a non-empty target, unknown migrations …). */
export class RestoreRefusedError extends Error {}

export const DATABASE_NAME = /^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/;

export function databaseUrl({ serverUrl, database }: { serverUrl: string; database: string }) {
  const u = new URL(serverUrl);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** A temp folder with exactly the backup's migrations, taken from prisma/migrations. */
function stageMigrations({ manifest, log }: { manifest: TManifest; log: (l: string) => void }) {
  if (!manifest.migrations.length) {
    throw new RestoreRefusedError(
      "the backup records no applied migrations: its schema cannot be rebuilt",
    );
  }
  const local = new Map(listMigrations().map((m) => [m.name, m]));
  const missing = manifest.migrations.filter((m) => !local.has(m.name)).map((m) => m.name);
  if (missing.length) {
    throw new RestoreRefusedError(
      `the backup needs migration(s) missing from prisma/migrations: ${missing.join(", ")}. Restore with the app version that made it (${manifest.app.version}) or newer.`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-restore-migrations-"));
  for (const m of manifest.migrations) {
    const l = local.get(m.name)!;
    if (l.checksum !== m.checksum) log(`warning: migration ${m.name} was edited after the backup`);
    fs.mkdirSync(path.join(dir, m.name));
    fs.writeFileSync(path.join(dir, m.name, "migration.sql"), l.sql);
  }
  return dir;
}

/** Creates the database, or accepts an existing one only when it is completely empty. */
async function prepareTarget({ serverUrl, database }: { serverUrl: string; database: string }) {
  const url = databaseUrl({ serverUrl, database });
  const admin = new pg.Client({ ...poolConfigFromUrl({ url: serverUrl }), database: "postgres" });
  await admin.connect();
  try {
    const r = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!r.rowCount) {
      await admin.query(`CREATE DATABASE ${qi(database)}`);
      return { url, created: true };
    }
  } finally {
    await admin.end();
  }
  const client = new pg.Client(poolConfigFromUrl({ url }));
  await client.connect();
  const n = await countUserObjects({ client }).finally(() => client.end());
  if (n > 0) {
    throw new RestoreRefusedError(
      `database "${database}" is not empty (${n} tables, indexes, sequences or types): a restore only goes into a fresh database, never over existing data`,
    );
  }
  return { url, created: false };
}

export type TRestoreBackup = {
  file: string;
  /** Any URL on the target server; `database` is created there (or must be empty). */
  serverUrl: string;
  database: string;
  /** Where the evidence files go; must not exist yet, or be empty. */
  uploadsDir: string;
  log?: (line: string) => void;
};

/**
 * Verifies the whole backup first (nothing is written when any checksum fails), then
 * creates the database, applies the backup's own migrations, loads and checks the data
 * (load.ts) and moves the evidence files into place. On failure the new database is dropped.
 */
export async function restoreBackup({
  file,
  serverUrl,
  database,
  uploadsDir,
  log = () => {},
}: TRestoreBackup) {
  const started = Date.now();
  if (!DATABASE_NAME.test(database))
    throw new RestoreRefusedError(`"${database}" is not a usable database name`);
  const { manifest } = await verifyBackup({ file });
  const migrationsDir = stageMigrations({ manifest, log });
  try {
    if (fs.existsSync(uploadsDir) && fs.readdirSync(uploadsDir).length) {
      throw new RestoreRefusedError(
        `the uploads folder ${uploadsDir} is not empty: choose a new one`,
      );
    }
    const { url, created } = await prepareTarget({ serverUrl, database });
    const staging = `${uploadsDir}.partial-${crypto.randomBytes(4).toString("hex")}`;
    try {
      await applyMigrations({ url, dir: migrationsDir });
      const loaded = await loadBackup({ file, url, manifest, uploadsStaging: staging });
      if (fs.existsSync(uploadsDir)) fs.rmdirSync(uploadsDir);
      fs.renameSync(staging, uploadsDir);
      const rows = totalRows(manifest);
      return { url, database, uploadsDir, manifest, rows, ...loaded, ms: Date.now() - started };
    } catch (e) {
      fs.rmSync(staging, { recursive: true, force: true });
      if (created) await dropDatabase({ url: serverUrl, name: database }).catch(() => {});
      throw e;
    }
  } finally {
    fs.rmSync(migrationsDir, { recursive: true, force: true });
  }
}
