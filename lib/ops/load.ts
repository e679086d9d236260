import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { poolConfigFromUrl } from "../db/pg-config";
import { EntryHasher } from "./backup-file";
import { isSafeStoredName, type TManifest } from "./manifest";
import {
  findForeignKeyViolations,
  isDependencyOrder,
  listColumns,
  listForeignKeys,
  listTables,
  qi,
  resetSequences,
  setCopySession,
  tableChecksum,
} from "./pg-meta";
import { readContainer } from "./reader";

export class RestoreError extends Error {}

async function checkTargetSchema({ client, manifest }: { client: pg.Client; manifest: TManifest }) {
  const present = await listTables({ client });
  for (const t of manifest.tables) {
    if (!present.includes(t.name)) {
      throw new RestoreError(`table ${t.name} is in the backup but not in the migrated database`);
    }
    const cols = await listColumns({ client, table: t.name });
    const missing = t.columns.filter((c) => !cols.includes(c));
    if (missing.length) {
      throw new RestoreError(
        `table ${t.name}: column(s) ${missing.join(", ")} do not exist after migrating`,
      );
    }
  }
  return present;
}

/**
 * Loads a VERIFIED backup into a freshly migrated database in one transaction: every table
 * by COPY, then the restored rows are checked against the snapshot's checksums and for
 * dangling foreign keys, and the sequences are moved past the loaded ids. Evidence files go
 * to `uploadsStaging`. Any difference rolls everything back.
 */
export async function loadBackup({
  file,
  url,
  manifest,
  uploadsStaging,
}: {
  file: string;
  url: string;
  manifest: TManifest;
  uploadsStaging: string;
}) {
  const client = new pg.Client(poolConfigFromUrl({ url }));
  await client.connect();
  try {
    await setCopySession({ client });
    await client.query("BEGIN");
    const present = await checkTargetSchema({ client, manifest });
    const fks = await listForeignKeys({ client });
    // Backups are written in dependency order; only a cycle needs the checks switched off
    // (superuser only), and findForeignKeyViolations below checks them all anyway.
    const replica = !isDependencyOrder({ order: manifest.tables.map((t) => t.name), fks });
    if (replica) await client.query("SET LOCAL session_replication_role = replica");
    // Migrations may insert rows (_prisma_migrations does): the backup's rows replace them.
    await client.query(`TRUNCATE ${present.map((t) => `public.${qi(t)}`).join(", ")}`);
    const tables = new Map(manifest.tables.map((t) => [t.name, t]));
    const files = new Map(manifest.files.map((f) => [f.name, f]));
    fs.mkdirSync(uploadsStaging, { recursive: true, mode: 0o750 });
    await readContainer({
      file,
      onEntry: async (header, body) => {
        const want = header.kind === "table" ? tables.get(header.name) : files.get(header.name);
        if (!want || (header.kind === "file" && !isSafeStoredName(header.name))) {
          throw new RestoreError(`${header.kind} ${header.name} is not in the verified manifest`);
        }
        const hasher = new EntryHasher();
        async function* hashed() {
          for await (const chunk of body) {
            hasher.update(chunk);
            yield chunk;
          }
        }
        const target =
          header.kind === "table"
            ? client.query(
                copyFrom(
                  `COPY public.${qi(header.name)} (${(want as TManifest["tables"][number]).columns.map(qi).join(", ")}) FROM STDIN`,
                ),
              )
            : fs.createWriteStream(path.join(uploadsStaging, header.name), {
                flags: "wx",
                mode: 0o640,
              });
        await pipeline(hashed, target);
        // The file is read twice; it must not have changed since it was verified.
        if (hasher.digest().sha256 !== want.sha256) {
          throw new RestoreError(`${header.kind} ${header.name} changed after it was verified`);
        }
      },
    });
    const differences: string[] = [];
    for (const t of manifest.tables) {
      const got = await tableChecksum({ client, table: t.name });
      if (got.rows !== t.rows || got.md5 !== t.md5) {
        differences.push(
          `table ${t.name}: restored ${got.rows} rows (md5 ${got.md5}), snapshot ${t.rows} rows (md5 ${t.md5})`,
        );
      }
    }
    differences.push(...(await findForeignKeyViolations({ client })));
    if (differences.length) {
      throw new RestoreError(
        `the restored data differs from the backup:\n  - ${differences.join("\n  - ")}`,
      );
    }
    const sequences = await resetSequences({ client });
    await client.query("COMMIT");
    return { replica, sequences };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
