import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { poolConfigFromUrl } from "../db/pg-config";
import type { TManifest } from "./manifest";
import { findForeignKeyViolations, listTables, tableChecksum } from "./pg-meta";

async function fileSha256(file: string): Promise<string | undefined> {
  try {
    const hash = crypto.createHash("sha256");
    for await (const chunk of fs.createReadStream(file)) hash.update(chunk);
    return hash.digest("hex");
  } catch {
    return undefined;
  }
}

/**
 * Everything that differs between a restored copy and the snapshot its backup recorded:
 * per table the row count and the md5 over all rows (taken inside the backup's
 * repeatable-read transaction, so later writes to the live database do not count),
 * dangling foreign keys, and every evidence file's SHA-256. Empty means identical.
 */
export async function compareWithSnapshot({
  url,
  manifest,
  uploadsDir,
}: {
  url: string;
  manifest: TManifest;
  uploadsDir: string;
}): Promise<string[]> {
  const differences: string[] = [];
  const client = new pg.Client(poolConfigFromUrl({ url }));
  await client.connect();
  try {
    const present = new Set(await listTables({ client }));
    for (const t of manifest.tables) {
      if (!present.has(t.name)) {
        differences.push(`table ${t.name} is missing from the restored copy`);
        continue;
      }
      const got = await tableChecksum({ client, table: t.name });
      if (got.rows !== t.rows)
        differences.push(
          `table ${t.name}: ${got.rows} rows restored, ${t.rows} in the live snapshot`,
        );
      else if (got.md5 !== t.md5)
        differences.push(
          `table ${t.name}: same ${t.rows} rows but different content (md5 ${got.md5} restored, ${t.md5} live)`,
        );
      present.delete(t.name);
    }
    for (const extra of present)
      differences.push(`table ${extra} exists in the restored copy but not in the backup`);
    differences.push(
      ...(await findForeignKeyViolations({ client })).map((v) => `foreign key ${v}`),
    );
  } finally {
    await client.end();
  }
  for (const f of manifest.files) {
    const got = await fileSha256(path.join(uploadsDir, f.name));
    if (!got) differences.push(`evidence file ${f.name} is missing from the restored uploads`);
    else if (got !== f.sha256)
      differences.push(`evidence file ${f.name}: SHA-256 differs after restore`);
  }
  return differences;
}
