// "The database is unchanged after every refused call": a fingerprint of every table in the
// app's schema (one md5 over the md5 of each row, in a stable order), taken before and after
// a call and compared table by table. No table is left out.
//
// The app also writes on its own timers while the tests run: the scheduled backup job records
// an OpsRun row, the reminder job a Reminder row plus a system audit event. A difference made
// only of such rows is attributed to those jobs, not to the call (see `explainDifference`);
// anything else fails the comparison. A report job started by an earlier, allowed call goes on
// rendering in the background: it rewrites only its own progress columns (JOB_COLUMNS), which
// the fingerprint leaves out — a new job row, or any other column, still counts.
import type { TDb } from "../fixtures";

export type TFingerprint = {
  tables: Map<string, string>;
  /** Highest AuditEvent id when the fingerprint was taken (events are append-only). */
  maxAuditId: bigint;
};

/** Columns whose change a caller expects and says so (e.g. a vendor link's lastUsedAt). */
export type TIgnore = { table: string; columns?: string[] }[];

let tableCache: string[] | undefined;

async function listTables(db: TDb): Promise<string[]> {
  tableCache ??= (
    await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name::text AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).map((r) => r.name);
  return tableCache;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Columns a running job rewrites on an existing row of its own: never a call's change. */
const JOB_COLUMNS: TIgnore = [
  {
    table: "ReportJob",
    columns: ["progress", "done", "error", "fileKey", "holder", "heartbeatAt", "attempts"],
  },
  // The mail and webhook sender claims and settles deliveries queued by earlier calls (an
  // invitation's mail) whenever it runs; a new delivery, or a user's `readAt`, still counts.
  {
    table: "Delivery",
    columns: ["claimedAt", "sentAt", "failedAt", "attempts", "lastError", "nextAttemptAt"],
  },
];

function ruleFor(ignore: TIgnore, table: string) {
  const rules = [...ignore, ...JOB_COLUMNS].filter((i) => i.table === table);
  if (rules.length === 0) return undefined;
  if (rules.some((r) => !r.columns)) return { table };
  return { table, columns: rules.flatMap((r) => r.columns ?? []) };
}

/** A row of table alias `x` as text, without the columns `rule` leaves out. */
const rowText = (rule: ReturnType<typeof ruleFor>) =>
  rule?.columns
    ? `(to_jsonb(x) ${rule.columns.map((c) => `- ${literal(c)}`).join(" ")})::text`
    : "x::text";

export async function fingerprint(db: TDb, { ignore = [] }: { ignore?: TIgnore } = {}) {
  const tables = await listTables(db);
  const parts = tables.flatMap((t) => {
    const rule = ruleFor(ignore, t);
    if (rule && !rule.columns) return [];
    const row = rowText(rule);
    return [
      `SELECT ${literal(t)} AS t, count(*)::text || ':' || md5(coalesce(string_agg(md5(${row}), '' ORDER BY md5(${row})), '')) AS h FROM ${quote(t)} x`,
    ];
  });
  const rows = await db.$queryRawUnsafe<{ t: string; h: string }[]>(parts.join(" UNION ALL "));
  const [top] = await db.$queryRawUnsafe<{ max: bigint | null }[]>(
    `SELECT max(id) AS max FROM "AuditEvent"`,
  );
  return {
    tables: new Map(rows.map((r) => [r.t, r.h])),
    maxAuditId: top?.max ?? 0n,
  } satisfies TFingerprint;
}

export function changedTables(before: TFingerprint, after: TFingerprint): string[] {
  const names = new Set([...before.tables.keys(), ...after.tables.keys()]);
  return [...names].filter((t) => before.tables.get(t) !== after.tables.get(t)).sort();
}

// JobLease: the periodic jobs' leases, renewed by the scheduler of whichever instance holds them.
// KeptReport: submitted assessments' PDFs, kept by the keeper job in the background.
const JOB_TABLES = new Set(["OpsRun", "Reminder", "JobLease", "KeptReport"]);

/**
 * Why the database differs: `null` when every changed row was written by the app's scheduled
 * jobs (backups, reminders), else a description of what the call changed.
 */
export async function explainDifference(
  db: TDb,
  before: TFingerprint,
  after: TFingerprint,
): Promise<string | null> {
  const changed = changedTables(before, after);
  if (changed.length === 0) return null;
  const unexplained = changed.filter((t) => !JOB_TABLES.has(t) && t !== "AuditEvent");
  let auditNote = "";
  if (changed.includes("AuditEvent")) {
    const events = await db.auditEvent.findMany({
      where: { id: { gt: before.maxAuditId, lte: after.maxAuditId } },
      select: { id: true, actorKind: true, action: true, orgId: true, actorUserId: true },
      orderBy: { id: "asc" },
    });
    const byJobs = events.filter(
      (e) => e.actorKind === "system" && e.action.startsWith("reminder."),
    );
    if (byJobs.length !== events.length || events.length === 0) {
      unexplained.push("AuditEvent");
      auditNote = ` new audit events: ${JSON.stringify(
        events.map((e) => ({ ...e, id: String(e.id) })),
      )}`;
    }
  }
  return unexplained.length ? `changed tables: ${unexplained.join(", ")}${auditNote}` : null;
}

/** Runs `call` and throws if it changed the database (beyond what `ignore` names). */
export async function expectUnchanged<T>(
  db: TDb,
  label: string,
  call: () => Promise<T>,
  { ignore, before }: { ignore?: TIgnore; before?: TFingerprint } = {},
): Promise<{ result: T; after: TFingerprint }> {
  const start = before ?? (await fingerprint(db, { ignore }));
  const result = await call();
  const after = await fingerprint(db, { ignore });
  const why = await explainDifference(db, start, after);
  if (why) throw new Error(`${label}: a refused call changed the database (${why})`);
  return { result, after };
}

let columnCache: Map<string, Set<string>> | undefined;

async function listColumns(db: TDb) {
  if (columnCache) return columnCache;
  const rows = await db.$queryRawUnsafe<{ t: string; c: string }[]>(
    `SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns
     WHERE table_schema = current_schema()`,
  );
  columnCache = new Map();
  for (const r of rows) {
    if (!columnCache.has(r.t)) columnCache.set(r.t, new Set());
    columnCache.get(r.t)!.add(r.c);
  }
  return columnCache;
}

/**
 * A fingerprint of one organisation's rows only: tables with an orgId column, rows hanging off
 * its assessments (answers, flags, comments, reminders) and the answers' revisions. An allowed
 * call in one organisation must leave this unchanged for every other organisation.
 */
export async function orgFingerprint(db: TDb, orgId: string): Promise<Map<string, string>> {
  const columns = await listColumns(db);
  const org = literal(orgId);
  const assessments = `(SELECT id FROM "Assessment" WHERE "orgId" = ${org})`;
  const parts: string[] = [];
  for (const t of await listTables(db)) {
    const cols = columns.get(t) ?? new Set();
    let where: string | undefined;
    if (t === "Organization") where = `x.id = ${org}`;
    else if (cols.has("orgId")) where = `x."orgId" = ${org}`;
    else if (cols.has("assessmentId")) where = `x."assessmentId" IN ${assessments}`;
    else if (cols.has("answerId"))
      where = `x."answerId" IN (SELECT id FROM "Answer" WHERE "assessmentId" IN ${assessments})`;
    if (!where) continue; // instance-wide tables (OpsRun, RateLimitBucket, migrations)
    // The keeper job renders any organisation's submitted reports whenever it runs.
    if (t === "KeptReport") continue;
    // A job of this organisation still running (JOB_COLUMNS) is not a change made by the call.
    const row = rowText(ruleFor([], t));
    parts.push(
      `SELECT ${literal(t)} AS t, count(*)::text || ':' || md5(coalesce(string_agg(md5(${row}), '' ORDER BY md5(${row})), '')) AS h FROM ${quote(t)} x WHERE ${where}`,
    );
  }
  const rows = await db.$queryRawUnsafe<{ t: string; h: string }[]>(parts.join(" UNION ALL "));
  return new Map(rows.map((r) => [r.t, r.h]));
}
