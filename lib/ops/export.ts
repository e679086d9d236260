import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { ContainerWriter } from "./backup-file";
import { isSafeStoredName, type TManifest } from "./manifest";
import {
  listColumns,
  listForeignKeys,
  listTables,
  orderTables,
  qi,
  setCopySession,
  tableChecksum,
} from "./pg-meta";

type TSnapshot = Pick<TManifest, "tables" | "migrations" | "source"> & {
  evidence: { storedName: string; sha256: string }[];
};

/**
 * Every table of the public schema, exported inside ONE repeatable-read, read-only
 * transaction: the COPYs, the row checksums and the evidence list all see the same instant,
 * whatever the app writes meanwhile. Tables go out in foreign-key order so a restore can
 * load them front to back.
 */
export async function exportSnapshot({
  client,
  writer,
  onStep = () => {},
}: {
  client: pg.Client;
  writer: ContainerWriter;
  /** Called as each step starts (for the backup's stall limit and its messages). */
  onStep?: (step: string) => void;
}): Promise<TSnapshot> {
  onStep("starting the snapshot");
  await setCopySession({ client });
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  // No ROLLBACK on failure: a write that failed mid-COPY leaves the COPY half-read, and a
  // ROLLBACK would queue behind it forever. The caller ends the connection instead, and the
  // server rolls the snapshot back with it (createBackup does).
  const names = await listTables({ client });
  const { order } = orderTables({ tables: names, fks: await listForeignKeys({ client }) });
  const tables: TManifest["tables"] = [];
  for (const name of order) {
    onStep(`exporting table ${name}`);
    const columns = await listColumns({ client, table: name });
    const sql = `COPY public.${qi(name)} (${columns.map(qi).join(", ")}) TO STDOUT`;
    const copy = client.query(copyTo(sql));
    // Errors reach writeEntry through its for-await. One that comes later — the connection
    // closed under a COPY that a failed write stopped reading — must not be an unhandled
    // 'error' event, which would crash the process (the app's, for a scheduled backup). The
    // for-await adds its own listener, so this one hides nothing from writeEntry.
    copy.on("error", () => {});
    const stats = await writer.writeEntry({ header: { kind: "table", name }, body: copy });
    const sum = await tableChecksum({ client, table: name });
    if (sum.rows !== stats.lines) {
      throw new Error(`table ${name}: COPY gave ${stats.lines} rows, count(*) ${sum.rows}`);
    }
    tables.push({
      name,
      columns,
      rows: sum.rows,
      bytes: stats.bytes,
      sha256: stats.sha256,
      md5: sum.md5,
    });
  }
  const migrations = names.includes("_prisma_migrations")
    ? (
        await client.query<{ name: string; checksum: string }>(
          `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
             WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
        )
      ).rows
    : [];
  // Files kept in the database (STORAGE=postgres) went out with the StoredFileChunk table;
  // the ones on disk are copied after the snapshot.
  const inDatabase = names.includes("StoredFile")
    ? `WHERE NOT EXISTS (SELECT 1 FROM "StoredFile" s WHERE s."key" = e."storedName" AND s."complete")`
    : "";
  const evidence = names.includes("EvidenceFile")
    ? (
        await client.query<{ storedName: string; sha256: string }>(
          `SELECT "storedName", "sha256" FROM "EvidenceFile" e ${inDatabase} ORDER BY "storedName"`,
        )
      ).rows
    : [];
  const info = await client.query<{ db: string; v: string }>(
    "SELECT current_database() AS db, current_setting('server_version') AS v",
  );
  await client.query("COMMIT");
  const source = { database: info.rows[0]!.db, serverVersion: info.rows[0]!.v };
  return { tables, migrations, evidence, source };
}

/**
 * The evidence files the snapshot's EvidenceFile rows name (files uploaded after the
 * snapshot belong to rows the backup does not have). A missing file is a warning, not a
 * failure: the rest of the backup is still worth having.
 */
export async function exportEvidenceFiles({
  writer,
  uploadsDir,
  evidence,
  onStep = () => {},
}: {
  writer: ContainerWriter;
  uploadsDir: string;
  evidence: TSnapshot["evidence"];
  onStep?: (step: string) => void;
}) {
  const files: TManifest["files"] = [];
  const warnings: string[] = [];
  for (const { storedName, sha256 } of evidence) {
    if (!isSafeStoredName(storedName)) {
      warnings.push(
        `evidence file name ${JSON.stringify(storedName)} is not a bare file name; skipped`,
      );
      continue;
    }
    onStep(`copying evidence file ${storedName}`);
    const file = path.join(uploadsDir, storedName);
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(file, "r");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      warnings.push(`evidence file ${storedName} is missing from ${uploadsDir}`);
      continue;
    }
    const stats = await writer.writeEntry({
      header: { kind: "file", name: storedName },
      body: handle.createReadStream(),
    });
    if (sha256 && stats.sha256 !== sha256.toLowerCase()) {
      warnings.push(`evidence file ${storedName} differs from the SHA-256 recorded at upload`);
    }
    files.push({ name: storedName, bytes: stats.bytes, sha256: stats.sha256 });
  }
  return { files, warnings };
}
