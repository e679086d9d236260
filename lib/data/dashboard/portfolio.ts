import { Prisma } from "../../db";
import { TIERS, type TRating, type TTier } from "../../rules/types";
import { PLAN_REVIEW_MAX_MONTHS, TIER_DEFAULTS } from "../../scoring/tiers";
import type { TDecayKind } from "./decay-kinds";
import { narrowsVendors, type TVendorFilters } from "./filters";
import { activeVendors, counters, reader, type TOrg, tierCaseRaw } from "./sql";
import { inFilteredVendors } from "./table";

/** The portfolio PDF narrows these figures to the dashboard's filtered vendors. */
type TFiltered = { filters?: TVendorFilters };

// The portfolio's risk picture: tier × rating, flags, due work, decaying evidence, the trend.

export type THeatCell = { tier: TTier; rating: TRating | null; vendors: number };

/** Active vendors by tier × rating of their latest submitted assessment (null: never assessed). */
export async function getRatingHeatmap({
  orgId,
  tx,
  filters,
}: TOrg & TFiltered): Promise<THeatCell[]> {
  if (!filters || !narrowsVendors(filters))
    return reader(tx).$queryRaw<THeatCell[]>`
      SELECT key[1] AS tier, key[2] AS rating, n::int AS vendors FROM ${counters(orgId, "heat")} c`;
  return reader(tx).$queryRaw<THeatCell[]>`
    SELECT v.tier::text AS tier, v."latestRating"::text AS rating, count(*)::int AS vendors
    FROM ${activeVendors(orgId)}
      AND ${inFilteredVendors({ orgId, filters, column: Prisma.sql`v.id` })}
    GROUP BY 1, 2`;
}

export type TFlagCount = { code: string; title: string; severity: string; vendors: number };

/** Flag codes by how many vendors' latest assessments raise them. */
export async function getTopFlagCodes({
  orgId,
  limit = 8,
  tx,
  filters,
}: TOrg & TFiltered & { limit?: number }): Promise<TFlagCount[]> {
  // A vendor's codes are distinct, each with its flags' lowest severity and title; a counter
  // per code, severity and title counts the vendors.
  if (!filters || !narrowsVendors(filters))
    return reader(tx).$queryRaw<TFlagCount[]>`
      SELECT key[1] AS code, min(key[3]) AS title, min(key[2]::"Severity")::text AS severity,
             sum(n)::int AS vendors
      FROM ${counters(orgId, "flag")} c
      GROUP BY key[1] ORDER BY vendors DESC, code LIMIT ${limit}`;
  return reader(tx).$queryRaw<TFlagCount[]>`
    SELECT f.code, min(f.title) AS title, min(f.severity)::text AS severity,
           count(*)::int AS vendors
    FROM "Vendor" v
    CROSS JOIN LATERAL unnest(v."latestFlagCodes", v."latestFlagSeverities", v."latestFlagTitles")
      AS f(code, severity, title)
    WHERE v."orgId" = ${orgId} AND v.status = 'active'
      AND ${inFilteredVendors({ orgId, filters, column: Prisma.sql`v.id` })}
    GROUP BY f.code ORDER BY vendors DESC, f.code LIMIT ${limit}`;
}

export type TDueRow = {
  assessmentId: string;
  vendorId: string;
  vendorName: string;
  tier: TTier;
  status: string;
  dueDate: Date;
};
export type TDueSummary = { overdue: number; dueSoon: number; next: TDueRow[] };

const OPEN_STATES = Prisma.sql`('sent', 'in_progress', 'changes_requested', 'draft')`;

/** Open assessments past their due date or due within `days`. */
export async function getDueAssessments({
  orgId,
  days = 14,
  limit = 6,
  tx,
  filters,
}: TOrg & TFiltered & { days?: number; limit?: number }): Promise<TDueSummary> {
  const q = reader(tx);
  if (!filters || !narrowsVendors(filters)) {
    // The counters hold open assessments by due date: the counts, and the date by which the
    // first `limit` are due, so the list reads only those (index on orgId, status, dueDate).
    type TDue = { overdue: number; soon: number; until: string | null };
    const [due] = await q.$queryRaw<TDue[]>`
      WITH d AS MATERIALIZED (
        SELECT key[1]::date AS due, n FROM ${counters(orgId, "due")} c
        WHERE key[1]::date < CURRENT_DATE + ${days}::int
      ), upto AS (SELECT due, sum(n) OVER (ORDER BY due) AS upto FROM d)
      SELECT (SELECT coalesce(sum(n), 0)::int FROM d WHERE due < CURRENT_DATE) AS overdue,
             (SELECT coalesce(sum(n), 0)::int FROM d WHERE due >= CURRENT_DATE) AS soon,
             (SELECT min(due)::text FROM upto WHERE upto >= ${limit}) AS until`;
    // A known last date lets the planner read only those rows by (orgId, status, dueDate).
    const until = due?.until
      ? Prisma.sql`${due.until}::date`
      : Prisma.sql`CURRENT_DATE + ${days}::int`;
    // The planner overestimates these rows; the candidates first, then their vendors by id.
    const next = await q.$queryRaw<TDueRow[]>`
      WITH due AS MATERIALIZED (
        SELECT a.id, a."vendorId", a.status, a."dueDate" FROM "Assessment" a
        WHERE a."orgId" = ${orgId} AND a.status IN ${OPEN_STATES}
          AND a."dueDate" < CURRENT_DATE + ${days}::int AND a."dueDate" <= ${until}
      )
      SELECT a.id AS "assessmentId", v.id AS "vendorId", v.name AS "vendorName",
             v.tier::text AS tier, a.status::text AS status, a."dueDate"
      FROM due a
      CROSS JOIN LATERAL (SELECT v.id, v.name, v.tier FROM "Vendor" v WHERE v.id = a."vendorId" LIMIT 1) v
      ORDER BY a."dueDate", v.name LIMIT ${limit}`;
    return { overdue: due?.overdue ?? 0, dueSoon: due?.soon ?? 0, next };
  }
  const picked = inFilteredVendors({ orgId, filters, column: Prisma.sql`a."vendorId"` });
  const [counts, next] = await Promise.all([
    q.$queryRaw<{ overdue: number; soon: number }[]>`
      SELECT count(*) FILTER (WHERE a."dueDate" < CURRENT_DATE)::int AS overdue,
             count(*) FILTER (WHERE a."dueDate" >= CURRENT_DATE)::int AS soon
      FROM "Assessment" a
      WHERE a."orgId" = ${orgId} AND a.status IN ${OPEN_STATES}
        AND a."dueDate" < CURRENT_DATE + ${days}::int AND ${picked}`,
    q.$queryRaw<TDueRow[]>`
      SELECT a.id AS "assessmentId", v.id AS "vendorId", v.name AS "vendorName",
             v.tier::text AS tier, a.status::text AS status, a."dueDate"
      FROM "Assessment" a JOIN "Vendor" v ON v.id = a."vendorId"
      WHERE a."orgId" = ${orgId} AND a.status IN ${OPEN_STATES}
        AND a."dueDate" < CURRENT_DATE + ${days}::int AND ${picked}
      ORDER BY a."dueDate", v.name LIMIT ${limit}`,
  ]);
  return { overdue: counts[0]?.overdue ?? 0, dueSoon: counts[0]?.soon ?? 0, next };
}

export { DECAY_KINDS, type TDecayKind } from "./decay-kinds";
export type TDecayCount = { kind: TDecayKind; stale: number; within30: number; within90: number };
export type TDecayRow = {
  kind: TDecayKind;
  vendorId: string;
  vendorName: string;
  tier: TTier;
  lastDate: Date;
  staleOn: Date;
};

const testAgeMonths = Object.fromEntries(
  TIERS.map((t) => [t, TIER_DEFAULTS[t].max_test_age_months]),
) as Record<TTier, number>;

// A test is stale once older than the assessment's max test age (tier default when the
// requirements do not set one); a plan review once older than PLAN_REVIEW_MAX_MONTHS. The same
// limits as evidenceMaxAgeMonths (lib/scoring/tiers.ts), in SQL so one query counts them all.
// The dates and the requirements' max test age are the latest assessment's, kept on the vendor;
// the counters count active vendors per kind, tier, date and max test age (a few hundred rows).
const decayCte = (orgId: string) => Prisma.sql`buckets AS MATERIALIZED (
  SELECT kind, tier, "lastDate", "maxAge", n,
         ("lastDate" + make_interval(months => CASE
            WHEN kind = 'plan_last_reviewed_date' THEN ${PLAN_REVIEW_MAX_MONTHS}::int
            ELSE COALESCE("maxAge", ${tierCaseRaw(testAgeMonths)})
          END))::date AS "staleOn"
  FROM (SELECT key[1] AS kind, key[2] AS tier, key[3]::date AS "lastDate", key[4]::int AS "maxAge",
               n::int AS n
        FROM ${counters(orgId, "decay")} c) b
)`;

// The vendors of the buckets that go stale first, found by their date's index (one per kind).
const DECAY_DATE_COLUMNS: Record<TDecayKind, string> = {
  dr_test_last_date: "latestDrTestDate",
  restore_test_last_date: "latestRestoreTestDate",
  plan_last_reviewed_date: "latestPlanReviewDate",
};

/** DR tests, restore tests and plan reviews that are stale or go stale within 90 days. */
export async function getDecayClocks({
  orgId,
  limit = 8,
  tx,
}: TOrg & { limit?: number }): Promise<{ counts: TDecayCount[]; next: TDecayRow[] }> {
  const q = reader(tx);
  const counts = await q.$queryRaw<TDecayCount[]>`
    WITH ${decayCte(orgId)}
    SELECT kind,
           coalesce(sum(n) FILTER (WHERE "staleOn" <= CURRENT_DATE), 0)::int AS stale,
           coalesce(sum(n) FILTER (WHERE "staleOn" > CURRENT_DATE AND "staleOn" <= CURRENT_DATE + 30), 0)::int AS within30,
           coalesce(sum(n) FILTER (WHERE "staleOn" > CURRENT_DATE AND "staleOn" <= CURRENT_DATE + 90), 0)::int AS within90
    FROM buckets GROUP BY kind`;
  const vendorsOf = Prisma.join(
    Object.entries(DECAY_DATE_COLUMNS).map(
      ([kind, column]) => Prisma.sql`
        SELECT p.kind, v.id AS "vendorId", v.name AS "vendorName", v.tier::text AS tier,
               p."lastDate", p."staleOn"
        FROM picked p JOIN "Vendor" v
          ON v."orgId" = ${orgId} AND v.${Prisma.raw(`"${column}"`)} = p."lastDate"
         AND v.status = 'active' AND v.tier::text = p.tier
         AND v."latestTestMaxAgeMonths" IS NOT DISTINCT FROM p."maxAge"
        WHERE p.kind = ${kind}`,
    ),
    " UNION ALL ",
  );
  const next = await q.$queryRaw<TDecayRow[]>`
    WITH ${decayCte(orgId)}, soon AS (
      SELECT * FROM buckets WHERE "staleOn" > CURRENT_DATE AND "staleOn" <= CURRENT_DATE + 90
    ), upto AS (
      SELECT "staleOn", sum(n) OVER (ORDER BY "staleOn") AS upto FROM soon
    ), picked AS MATERIALIZED (
      SELECT * FROM soon
      WHERE "staleOn" <= coalesce((SELECT min("staleOn") FROM upto WHERE upto >= ${limit}),
                                  CURRENT_DATE + 90)
    )
    SELECT kind, "vendorId", "vendorName", tier, "lastDate", "staleOn"
    FROM (${vendorsOf}) found
    ORDER BY "staleOn", "vendorName", "vendorId", kind LIMIT ${limit}`;
  return { counts, next };
}

/** The last `n` months as YYYY-MM, oldest first: the trend's columns, empty months included. */
export function lastMonths(n: number, now = new Date()): string[] {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

export type TTrendRow = { month: string; rating: TRating; assessments: number; avgScore: number };

/** Ratings of assessments submitted in each of the last `months` months. */
export async function getRatingTrend({
  orgId,
  months = 12,
  tx,
}: TOrg & { months?: number }): Promise<TTrendRow[]> {
  // Counters per month and rating: assessments (n), the sum of their scores (x) and how many
  // have a score (y), so the average is the same as avg(score) over the rows.
  return reader(tx).$queryRaw<TTrendRow[]>`
    SELECT key[1] AS month, key[2] AS rating, n::int AS assessments,
           round(x / nullif(y, 0))::int AS "avgScore"
    FROM ${counters(orgId, "trend")} c
    WHERE key[1] >= to_char(date_trunc('month', now()) - make_interval(months => ${months - 1}::int), 'YYYY-MM')
    ORDER BY 1`;
}
