import { Prisma } from "../../db";
import { TIERS, type TRating, type TTier } from "../../rules/types";
import { PLAN_REVIEW_MAX_MONTHS, TIER_DEFAULTS } from "../../scoring/tiers";
import type { TDecayKind } from "./decay-kinds";
import type { TVendorFilters } from "./filters";
import { latestCte, reader, type TOrg, tierCaseRaw } from "./sql";
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
  return reader(tx).$queryRaw<THeatCell[]>`
    WITH ${latestCte(orgId)}
    SELECT v.tier::text AS tier, l.rating::text AS rating, count(*)::int AS vendors
    FROM "Vendor" v LEFT JOIN latest l ON l."vendorId" = v.id
    WHERE v."orgId" = ${orgId} AND v.status = 'active'
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
  return reader(tx).$queryRaw<TFlagCount[]>`
    WITH ${latestCte(orgId)}
    SELECT f.code, min(f.title) AS title, min(f.severity)::text AS severity,
           count(DISTINCT l."vendorId")::int AS vendors
    FROM latest l
    JOIN "Vendor" v ON v.id = l."vendorId" AND v.status = 'active'
    JOIN "Flag" f ON f."assessmentId" = l.id
    WHERE ${inFilteredVendors({ orgId, filters, column: Prisma.sql`v.id` })}
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
  const picked = inFilteredVendors({ orgId, filters, column: Prisma.sql`a."vendorId"` });
  const q = reader(tx);
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
const decayCte = (orgId: string) => Prisma.sql`${latestCte(orgId)}, raw AS MATERIALIZED (
  SELECT an."questionId" AS kind, v.id AS "vendorId", v.name AS "vendorName", v.tier,
         l.requirements, l."resolvedRequirements",
         CASE WHEN jsonb_typeof(an.value) = 'string' AND an.value #>> '{}' ~ '^\\d{4}-\\d{2}-\\d{2}$'
              THEN (an.value #>> '{}')::date END AS "lastDate"
  FROM latest l
  JOIN "Vendor" v ON v.id = l."vendorId" AND v.status = 'active'
  JOIN "Answer" an ON an."assessmentId" = l.id
   AND an."questionId" IN ('dr_test_last_date', 'restore_test_last_date', 'plan_last_reviewed_date')
), dated AS (
  SELECT kind, "vendorId", "vendorName", tier, "lastDate",
         ("lastDate" + make_interval(months => CASE
            WHEN kind = 'plan_last_reviewed_date' THEN ${PLAN_REVIEW_MAX_MONTHS}::int
            ELSE COALESCE(("resolvedRequirements" ->> 'max_test_age_months')::int,
                          (requirements ->> 'max_test_age_months')::int, ${tierCaseRaw(testAgeMonths)})
          END))::date AS "staleOn"
  FROM raw WHERE "lastDate" IS NOT NULL
)`;

/** DR tests, restore tests and plan reviews that are stale or go stale within 90 days. */
export async function getDecayClocks({
  orgId,
  limit = 8,
  tx,
}: TOrg & { limit?: number }): Promise<{ counts: TDecayCount[]; next: TDecayRow[] }> {
  // One query for both parts: the latest assessments and their dates are read once.
  type TRow = TDecayCount & TDecayRow & { part: "count" | "next"; rn: number };
  const rows = await reader(tx).$queryRaw<TRow[]>`
    WITH ${decayCte(orgId)}, counts AS (
      SELECT kind,
             count(*) FILTER (WHERE "staleOn" <= CURRENT_DATE)::int AS stale,
             count(*) FILTER (WHERE "staleOn" > CURRENT_DATE AND "staleOn" <= CURRENT_DATE + 30)::int AS within30,
             count(*) FILTER (WHERE "staleOn" > CURRENT_DATE AND "staleOn" <= CURRENT_DATE + 90)::int AS within90
      FROM dated GROUP BY kind
    ), soon AS (
      SELECT kind, "vendorId", "vendorName", tier::text AS tier, "lastDate", "staleOn",
             row_number() OVER (ORDER BY "staleOn", "vendorName", "vendorId", kind)::int AS rn
      FROM dated WHERE "staleOn" > CURRENT_DATE AND "staleOn" <= CURRENT_DATE + 90
      ORDER BY rn LIMIT ${limit}
    )
    SELECT 'count' AS part, kind, stale, within30, within90, NULL AS "vendorId",
           NULL AS "vendorName", NULL AS tier, NULL::date AS "lastDate", NULL::date AS "staleOn",
           0 AS rn
    FROM counts
    UNION ALL
    SELECT 'next', kind, NULL, NULL, NULL, "vendorId", "vendorName", tier, "lastDate", "staleOn", rn
    FROM soon`;
  return {
    counts: rows
      .filter((r) => r.part === "count")
      .map(({ kind, stale, within30, within90 }) => ({ kind, stale, within30, within90 })),
    next: rows
      .filter((r) => r.part === "next")
      .sort((a, b) => a.rn - b.rn)
      .map(({ kind, vendorId, vendorName, tier, lastDate, staleOn }) => ({
        kind,
        vendorId,
        vendorName,
        tier,
        lastDate,
        staleOn,
      })),
  };
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
  return reader(tx).$queryRaw<TTrendRow[]>`
    SELECT to_char(date_trunc('month', a."submittedAt"), 'YYYY-MM') AS month,
           a.rating::text AS rating, count(*)::int AS assessments,
           round(avg(a.score))::int AS "avgScore"
    FROM "Assessment" a
    WHERE a."orgId" = ${orgId} AND a.rating IS NOT NULL AND a.status <> 'cancelled'
      AND a."submittedAt" >= date_trunc('month', now()) - make_interval(months => ${months - 1}::int)
    GROUP BY 1, 2 ORDER BY 1`;
}
