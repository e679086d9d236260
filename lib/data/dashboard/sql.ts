import { db, Prisma } from "../../db";
import { TIERS, type TTier } from "../../rules/types";

// SQL fragments shared by the dashboard's aggregates. Every query runs in PostgreSQL, scoped by
// orgId, and returns at most a few dozen rows, however many vendors the organisation has.

/** Where a query reads: the app's client, or the dashboard snapshot's one transaction. */
export type TReader = Prisma.TransactionClient;
export type TOrg = { orgId: string; tx?: TReader };
export const reader = (tx: TReader | undefined): TReader => tx ?? db;

/** Tier weights for concentration: one critical vendor counts as much as four low ones. */
export const TIER_WEIGHTS: Readonly<Record<TTier, number>> = {
  critical: 4,
  high: 3,
  moderate: 2,
  low: 1,
};

export const tierCaseRaw = (values: Record<TTier, number>, column = "tier") =>
  Prisma.raw(
    `CASE ${column} ${TIERS.map((t) => `WHEN '${t}' THEN ${Number(values[t])}`).join(" ")} END`,
  );

// Every figure reads the latest submitted (judged) assessment of each vendor from the vendor row
// itself: its `latest…` columns, kept by PostgreSQL triggers (migration dashboard_vendor_latest,
// README.md). No query reads the organisation's assessments, flags or answers to find them, and
// the unfiltered page's counts come from counters kept by the same triggers (`counters`).

/** The counters the triggers keep (dashboard.vendor_parts, dashboard.assessment_parts). */
export type TCounterKind =
  | "heat"
  | "flag"
  | "commonMode"
  | "decay"
  | "concentration"
  | "place"
  | "placeSite"
  | "trend"
  | "due";

/**
 * The organisation's counters of one kind (`key`, `n`, and the sums `x`, `y`): the folded
 * totals plus the changes not folded yet, read in the caller's transaction. A few hundred rows
 * at most, however many vendors and assessments there are.
 */
export const counters = (orgId: string, kind: TCounterKind) => Prisma.sql`(
  SELECT key, sum(n) AS n, sum(x) AS x, sum(y) AS y FROM (
    SELECT key, n, x, y FROM dashboard.total WHERE "orgId" = ${orgId} AND kind = ${kind}
    UNION ALL
    SELECT key, n, x, y FROM dashboard.change WHERE "orgId" = ${orgId} AND kind = ${kind}
  ) parts GROUP BY key HAVING sum(n) <> 0)`;

/** Folds the log of counter changes into the totals (skipped while another fold runs). */
export async function foldCounters(tx?: TReader): Promise<void> {
  await reader(tx).$queryRaw`SELECT dashboard.fold()`;
}

/** The organisation's active vendors (`v`): a FROM item and its WHERE. */
export const activeVendors = (orgId: string) =>
  Prisma.sql`"Vendor" v WHERE v."orgId" = ${orgId} AND v.status = 'active'`;

/** Each site of the latest site list of every vendor (`v` the vendor, `s` the site). */
export const latestSitesFrom = Prisma.sql`
  FROM "Vendor" v CROSS JOIN LATERAL jsonb_array_elements(v."latestSites") s`;

/** The organisation's active vendors, for a WHERE after `latestSitesFrom`. */
export const activeVendorWhere = (orgId: string) =>
  Prisma.sql`v."orgId" = ${orgId} AND v.status = 'active'`;
