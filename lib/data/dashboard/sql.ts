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

/** The latest submitted (judged) assessment of every vendor of the organisation. */
// MATERIALIZED: computed once per query; inlined, the planner misjudged its size and re-ran it.
export const latestCte = (orgId: string) => Prisma.sql`latest AS MATERIALIZED (
  SELECT DISTINCT ON (a."vendorId") a.id, a."vendorId", a.rating, a.score, a."submittedAt",
         a.requirements, a."resolvedRequirements"
  FROM "Assessment" a
  WHERE a."orgId" = ${orgId} AND a."submittedAt" IS NOT NULL AND a.status <> 'cancelled'
  ORDER BY a."vendorId", a."submittedAt" DESC, a.id
)`;

/** Each site of the latest site list of every active vendor (`l` latest, `s` the site). */
export const latestSitesFrom = Prisma.sql`
  FROM latest l
  JOIN "Vendor" v ON v.id = l."vendorId" AND v.status = 'active'
  JOIN "Answer" an ON an."assessmentId" = l.id AND an."questionId" = 'sites'
  CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(an.value) = 'array' THEN an.value ELSE '[]'::jsonb END) s`;
