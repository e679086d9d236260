import type pg from "pg";

// Catalog queries shared by backup, restore and the drill. Everything is about the public
// schema, where the migrations put every table (incl. _prisma_migrations).

export const qi = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Fixed text formats for COPY on both sides, so dates and times read back exactly as they
 * were written whatever the servers' defaults are.
 */
export async function setCopySession({ client }: { client: pg.Client }) {
  await client.query(
    "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 1",
  );
}

export async function listTables({ client }: { client: pg.Client }): Promise<string[]> {
  const r = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
  return r.rows.map((row) => row.name);
}

export async function listColumns({ client, table }: { client: pg.Client; table: string }) {
  const r = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
     ORDER BY attnum`,
    [`public.${qi(table)}`],
  );
  return r.rows.map((row) => row.name);
}

export type TForeignKey = {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
};

export async function listForeignKeys({ client }: { client: pg.Client }): Promise<TForeignKey[]> {
  const cols = (keys: string, rel: string) =>
    `ARRAY(SELECT a.attname FROM unnest(con.${keys}) WITH ORDINALITY k(num, i)
      JOIN pg_attribute a ON a.attrelid = con.${rel} AND a.attnum = k.num ORDER BY k.i)::text[]`;
  const r = await client.query<TForeignKey>(
    `SELECT con.conname AS name, c.relname AS table, f.relname AS "refTable",
       ${cols("conkey", "conrelid")} AS columns, ${cols("confkey", "confrelid")} AS "refColumns"
     FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
     JOIN pg_class f ON f.oid = con.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE con.contype = 'f' AND n.nspname = 'public' ORDER BY 2, 1`,
  );
  return r.rows;
}

/** Referenced tables first (self-references ignored); `cyclic` when no such order exists. */
export function orderTables({ tables, fks }: { tables: string[]; fks: TForeignKey[] }) {
  const deps = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of fks)
    if (fk.table !== fk.refTable && deps.has(fk.refTable)) deps.get(fk.table)?.add(fk.refTable);
  const order: string[] = [];
  const left = new Set(tables);
  while (left.size) {
    const ready = [...left].filter((t) => [...(deps.get(t) ?? [])].every((d) => !left.has(d)));
    if (!ready.length) return { order: [...order, ...[...left].sort()], cyclic: true };
    for (const t of ready.sort()) {
      order.push(t);
      left.delete(t);
    }
  }
  return { order, cyclic: false };
}

/** Whether loading `order` front to back satisfies every foreign key as it goes. */
export function isDependencyOrder({ order, fks }: { order: string[]; fks: TForeignKey[] }) {
  const pos = new Map(order.map((t, i) => [t, i]));
  return fks.every(
    (fk) => fk.table === fk.refTable || (pos.get(fk.refTable) ?? -1) < (pos.get(fk.table) ?? -1),
  );
}

export type TTableChecksum = { rows: number; md5: string };

/** Order-independent content checksum: md5 over the sorted md5 of every row's text. */
export async function tableChecksum({
  client,
  table,
}: {
  client: pg.Client;
  table: string;
}): Promise<TTableChecksum> {
  const r = await client.query<{ rows: string; md5: string }>(
    `SELECT count(*) AS rows, md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS md5
     FROM (SELECT md5(t::text) AS h FROM public.${qi(table)} t) s`,
  );
  const row = r.rows[0]!;
  return { rows: Number(row.rows), md5: row.md5 };
}

/** Foreign keys that point nowhere (MATCH SIMPLE: a row with a NULL key column is fine). */
export async function findForeignKeyViolations({ client }: { client: pg.Client }) {
  const out: string[] = [];
  for (const fk of await listForeignKeys({ client })) {
    const notNull = fk.columns.map((c) => `t.${qi(c)} IS NOT NULL`).join(" AND ");
    const match = fk.columns.map((c, i) => `r.${qi(fk.refColumns[i]!)} = t.${qi(c)}`);
    const r = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM public.${qi(fk.table)} t WHERE ${notNull} AND NOT EXISTS
       (SELECT 1 FROM public.${qi(fk.refTable)} r WHERE ${match.join(" AND ")})`,
    );
    const n = Number(r.rows[0]?.n ?? 0);
    if (n) out.push(`${fk.table}.${fk.columns.join(",")} → ${fk.refTable}: ${n} dangling row(s)`);
  }
  return out;
}

/** Sets every serial/identity sequence past the largest value in its column. */
export async function resetSequences({ client }: { client: pg.Client }) {
  const r = await client.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col
     FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
     JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
     JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     WHERE s.relkind = 'S' AND n.nspname = 'public'`,
  );
  for (const { seq, tbl, col } of r.rows) {
    await client.query(
      `SELECT setval($1::regclass, coalesce((SELECT max(${qi(col)}) FROM public.${qi(tbl)}), 0) + 1, false)`,
      [`public.${qi(seq)}`],
    );
  }
  return r.rows.length;
}

/** Relations and types outside the system schemas: 0 means a fresh, empty database. */
export async function countUserObjects({ client }: { client: pg.Client }): Promise<number> {
  const r = await client.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%')
          + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND t.typtype IN ('e', 'd', 'r', 'm')) AS n`,
  );
  return Number(r.rows[0]?.n ?? 0);
}
