import { db, Prisma } from "../db";
import { FLAG_CODES, TIERS, type TRating, type TTier } from "../rules/types";
import { TIER_DEFAULTS } from "../scoring/tiers";

// Portfolio aggregates for the dashboard. Every query runs in PostgreSQL, scoped by orgId, and
// returns at most a few dozen rows, however many vendors the organisation has.

type TOrg = { orgId: string };

/** Tier weights for concentration: one critical vendor counts as much as four low ones. */
export const TIER_WEIGHTS: Readonly<Record<TTier, number>> = {
  critical: 4,
  high: 3,
  moderate: 2,
  low: 1,
};

const tierCaseRaw = (values: Record<TTier, number>, column = "tier") =>
  Prisma.raw(
    `CASE ${column} ${TIERS.map((t) => `WHEN '${t}' THEN ${Number(values[t])}`).join(" ")} END`,
  );
const tierCase = (values: Record<TTier, number>) => tierCaseRaw(values, "v.tier");

// Portfolio figures are cached per organisation for a short while: ten managers opening the
// dashboard at once share one set of queries, and the numbers are at most this old.
export const DASHBOARD_CACHE_MS = 30_000;
const cache = new Map<string, { at: number; value: Promise<unknown> }>();

/** The same function, its result shared per input for DASHBOARD_CACHE_MS. */
const memo =
  <I, T>(name: string, load: (input: I) => Promise<T>) =>
  (input: I): Promise<T> =>
    cached(`${name}:${JSON.stringify(input)}`, () => load(input));

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < DASHBOARD_CACHE_MS) return hit.value as Promise<T>;
  const value = load();
  cache.set(key, { at: now, value });
  value.catch(() => cache.delete(key));
  if (cache.size > 1000) cache.delete(cache.keys().next().value as string);
  return value;
}
const testAgeMonths = Object.fromEntries(
  TIERS.map((t) => [t, TIER_DEFAULTS[t].max_test_age_months]),
) as Record<TTier, number>;

/** The latest submitted (judged) assessment of every active vendor of the organisation. */
// MATERIALIZED: computed once per query; inlined, the planner misjudged its size and re-ran it.
const latestCte = (orgId: string) => Prisma.sql`latest AS MATERIALIZED (
  SELECT DISTINCT ON (a."vendorId") a.id, a."vendorId", a.rating, a.score, a."submittedAt",
         a.requirements
  FROM "Assessment" a
  WHERE a."orgId" = ${orgId} AND a."submittedAt" IS NOT NULL AND a.status <> 'cancelled'
  ORDER BY a."vendorId", a."submittedAt" DESC, a.id
)`;

export type THeatCell = { tier: TTier; rating: TRating | null; vendors: number };

/** Active vendors by tier × rating of their latest submitted assessment (null: never assessed). */
async function getRatingHeatmapUncached({ orgId }: TOrg): Promise<THeatCell[]> {
  return db.$queryRaw<THeatCell[]>`
    WITH ${latestCte(orgId)}
    SELECT v.tier::text AS tier, l.rating::text AS rating, count(*)::int AS vendors
    FROM "Vendor" v LEFT JOIN latest l ON l."vendorId" = v.id
    WHERE v."orgId" = ${orgId} AND v.status = 'active'
    GROUP BY 1, 2`;
}

export type TFlagCount = { code: string; title: string; severity: string; vendors: number };

/** Flag codes by how many vendors' latest assessments raise them. */
async function getTopFlagCodesUncached({
  orgId,
  limit = 8,
}: TOrg & { limit?: number }): Promise<TFlagCount[]> {
  return db.$queryRaw<TFlagCount[]>`
    WITH ${latestCte(orgId)}
    SELECT f.code, min(f.title) AS title, min(f.severity)::text AS severity,
           count(DISTINCT l."vendorId")::int AS vendors
    FROM latest l
    JOIN "Vendor" v ON v.id = l."vendorId" AND v.status = 'active'
    JOIN "Flag" f ON f."assessmentId" = l.id
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
async function getDueAssessmentsUncached({
  orgId,
  days = 14,
  limit = 6,
}: TOrg & { days?: number; limit?: number }): Promise<TDueSummary> {
  const [counts, next] = await Promise.all([
    db.$queryRaw<{ overdue: number; soon: number }[]>`
      SELECT count(*) FILTER (WHERE a."dueDate" < CURRENT_DATE)::int AS overdue,
             count(*) FILTER (WHERE a."dueDate" >= CURRENT_DATE)::int AS soon
      FROM "Assessment" a
      WHERE a."orgId" = ${orgId} AND a.status IN ${OPEN_STATES}
        AND a."dueDate" < CURRENT_DATE + ${days}::int`,
    db.$queryRaw<TDueRow[]>`
      SELECT a.id AS "assessmentId", v.id AS "vendorId", v.name AS "vendorName",
             v.tier::text AS tier, a.status::text AS status, a."dueDate"
      FROM "Assessment" a JOIN "Vendor" v ON v.id = a."vendorId"
      WHERE a."orgId" = ${orgId} AND a.status IN ${OPEN_STATES}
        AND a."dueDate" < CURRENT_DATE + ${days}::int
      ORDER BY a."dueDate", v.name LIMIT ${limit}`,
  ]);
  return { overdue: counts[0]?.overdue ?? 0, dueSoon: counts[0]?.soon ?? 0, next };
}

export const DECAY_KINDS = {
  dr_test_last_date: "DR test",
  restore_test_last_date: "Restore test",
  plan_last_reviewed_date: "Plan review",
} as const;
export type TDecayKind = keyof typeof DECAY_KINDS;
export type TDecayCount = { kind: TDecayKind; stale: number; within30: number; within90: number };
export type TDecayRow = {
  kind: TDecayKind;
  vendorId: string;
  vendorName: string;
  tier: TTier;
  lastDate: Date;
  staleOn: Date;
};

// A test is stale once older than the assessment's max test age (tier default when the
// requirements do not set one); a plan review once older than 12 months.
const decayCte = (orgId: string) => Prisma.sql`${latestCte(orgId)}, raw AS MATERIALIZED (
  SELECT an."questionId" AS kind, v.id AS "vendorId", v.name AS "vendorName", v.tier,
         l.requirements,
         CASE WHEN jsonb_typeof(an.value) = 'string' AND an.value #>> '{}' ~ '^\\d{4}-\\d{2}-\\d{2}$'
              THEN (an.value #>> '{}')::date END AS "lastDate"
  FROM latest l
  JOIN "Vendor" v ON v.id = l."vendorId" AND v.status = 'active'
  JOIN "Answer" an ON an."assessmentId" = l.id
   AND an."questionId" IN ('dr_test_last_date', 'restore_test_last_date', 'plan_last_reviewed_date')
), dated AS (
  SELECT kind, "vendorId", "vendorName", tier, "lastDate",
         ("lastDate" + make_interval(months => CASE
            WHEN kind = 'plan_last_reviewed_date' THEN 12
            ELSE COALESCE((requirements ->> 'max_test_age_months')::int, ${tierCaseRaw(testAgeMonths)})
          END))::date AS "staleOn"
  FROM raw WHERE "lastDate" IS NOT NULL
)`;

/** DR tests, restore tests and plan reviews that are stale or go stale within 90 days. */
async function getDecayClocksUncached({
  orgId,
  limit = 8,
}: TOrg & { limit?: number }): Promise<{ counts: TDecayCount[]; next: TDecayRow[] }> {
  const [counts, next] = await Promise.all([
    db.$queryRaw<TDecayCount[]>`
      WITH ${decayCte(orgId)}
      SELECT kind,
             count(*) FILTER (WHERE "staleOn" <= CURRENT_DATE)::int AS stale,
             count(*) FILTER (WHERE "staleOn" > CURRENT_DATE AND "staleOn" <= CURRENT_DATE + 30)::int AS within30,
             count(*) FILTER (WHERE "staleOn" > CURRENT_DATE AND "staleOn" <= CURRENT_DATE + 90)::int AS within90
      FROM dated GROUP BY kind`,
    db.$queryRaw<TDecayRow[]>`
      WITH ${decayCte(orgId)}
      SELECT kind, "vendorId", "vendorName", tier::text AS tier, "lastDate", "staleOn" FROM dated
      WHERE "staleOn" > CURRENT_DATE AND "staleOn" <= CURRENT_DATE + 90
      ORDER BY "staleOn", "vendorName" LIMIT ${limit}`,
  ]);
  return { counts, next };
}

export type TConcentration = {
  dim: "provider" | "country" | "region";
  key: string;
  vendors: number;
  weight: number;
};

/** How many vendors (and their tier weight) depend on each provider, country and region. */
async function getConcentrationUncached({
  orgId,
  limit = 6,
}: TOrg & { limit?: number }): Promise<Record<TConcentration["dim"], TConcentration[]>> {
  const rows = await db.$queryRaw<TConcentration[]>`
    WITH ${latestCte(orgId)}, uses AS (
      SELECT DISTINCT l."vendorId", ${tierCase(TIER_WEIGHTS)} AS w, d.dim, d.key
      FROM latest l
      JOIN "Vendor" v ON v.id = l."vendorId" AND v.status = 'active'
      JOIN "Answer" an ON an."assessmentId" = l.id AND an."questionId" = 'sites'
      CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(an.value) = 'array' THEN an.value ELSE '[]'::jsonb END) s
      CROSS JOIN LATERAL (VALUES ('provider', s ->> 'provider'), ('country', s ->> 'country'),
                                 ('region', s ->> 'region')) d(dim, key)
      WHERE d.key IS NOT NULL AND d.key <> ''
    ), ranked AS (
      SELECT dim, key, count(*)::int AS vendors, sum(w)::int AS weight,
             row_number() OVER (PARTITION BY dim ORDER BY sum(w) DESC, count(*) DESC, key) AS rn
      FROM uses GROUP BY dim, key
    )
    SELECT dim, key, vendors, weight FROM ranked WHERE rn <= ${limit} ORDER BY dim, rn`;
  const out: Record<TConcentration["dim"], TConcentration[]> = {
    provider: [],
    country: [],
    region: [],
  };
  for (const r of rows) out[r.dim].push(r);
  return out;
}

export type TSitePoint = { label: string; lat: number; lon: number; role: string; vendors: number };

/** Vendor sites pooled by place (0.1° grid), so the map stays small at any portfolio size. */
async function getSitePointsUncached({
  orgId,
  limit = 300,
}: TOrg & { limit?: number }): Promise<TSitePoint[]> {
  return db.$queryRaw<TSitePoint[]>`
    WITH ${latestCte(orgId)}, sites AS (
      SELECT l."vendorId", s ->> 'city' AS city, s ->> 'country' AS country, s ->> 'role' AS role,
             (s ->> 'lat')::float8 AS lat, (s ->> 'lon')::float8 AS lon
      FROM latest l
      JOIN "Vendor" v ON v.id = l."vendorId" AND v.status = 'active'
      JOIN "Answer" an ON an."assessmentId" = l.id AND an."questionId" = 'sites'
      CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(an.value) = 'array' THEN an.value ELSE '[]'::jsonb END) s
    )
    SELECT min(city) || ' (' || min(country) || ')' AS label, avg(lat) AS lat, avg(lon) AS lon,
           mode() WITHIN GROUP (ORDER BY role) AS role, count(DISTINCT "vendorId")::int AS vendors
    FROM sites WHERE lat IS NOT NULL AND lon IS NOT NULL
    GROUP BY round(lat::numeric, 1), round(lon::numeric, 1)
    ORDER BY vendors DESC LIMIT ${limit}`;
}

export type TTrendRow = { month: string; rating: TRating; assessments: number; avgScore: number };

/** Ratings of assessments submitted in each of the last `months` months. */
async function getRatingTrendUncached({
  orgId,
  months = 12,
}: TOrg & { months?: number }): Promise<TTrendRow[]> {
  return db.$queryRaw<TTrendRow[]>`
    SELECT to_char(date_trunc('month', a."submittedAt"), 'YYYY-MM') AS month,
           a.rating::text AS rating, count(*)::int AS assessments,
           round(avg(a.score))::int AS "avgScore"
    FROM "Assessment" a
    WHERE a."orgId" = ${orgId} AND a.rating IS NOT NULL AND a.status <> 'cancelled'
      AND a."submittedAt" >= date_trunc('month', now()) - make_interval(months => ${months - 1}::int)
    GROUP BY 1, 2 ORDER BY 1`;
}

// ---- The vendor table: filtered, sorted and paginated in the database ----

export const VENDOR_STATUSES = [
  "none",
  "draft",
  "sent",
  "in_progress",
  "submitted",
  "changes_requested",
  "accepted",
  "rejected",
  "cancelled",
] as const;
export const VENDOR_SORTS = ["name", "tier", "rating", "score", "assessed", "findings"] as const;
export type TVendorFilters = {
  tier?: TTier;
  /** The status of the vendor's most recent assessment; "none" when it has none. */
  status?: (typeof VENDOR_STATUSES)[number];
  ownerId?: string;
  flag?: string;
  sort: (typeof VENDOR_SORTS)[number];
  dir: "asc" | "desc";
  page: number;
};
export const PAGE_SIZE = 20;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const oneOf = <T extends string>(list: readonly T[], v: string | undefined) =>
  list.includes(v as T) ? (v as T) : undefined;

/** URL search params → filters; anything unknown is ignored rather than an error. */
export function parseVendorFilters({
  params,
}: {
  params: Record<string, string | string[] | undefined>;
}): TVendorFilters {
  const page = Number.parseInt(one(params.page) ?? "1", 10);
  return {
    tier: oneOf(TIERS, one(params.tier)),
    status: oneOf(VENDOR_STATUSES, one(params.status)),
    ownerId: one(params.owner)?.slice(0, 64),
    flag: oneOf(FLAG_CODES, one(params.flag)),
    sort: oneOf(VENDOR_SORTS, one(params.sort)) ?? "rating",
    dir: one(params.dir) === "desc" ? "desc" : "asc",
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 10_000) : 1,
  };
}

/** Filters → URL search params (only what is set), for links and the CSV export. */
export function vendorFiltersToParams({
  filters,
  patch = {},
}: {
  filters: TVendorFilters;
  patch?: Partial<TVendorFilters>;
}): URLSearchParams {
  const f = { ...filters, ...patch };
  const p = new URLSearchParams();
  if (f.tier) p.set("tier", f.tier);
  if (f.status) p.set("status", f.status);
  if (f.ownerId) p.set("owner", f.ownerId);
  if (f.flag) p.set("flag", f.flag);
  if (f.sort !== "rating") p.set("sort", f.sort);
  if (f.dir !== "asc") p.set("dir", f.dir);
  if (f.page > 1) p.set("page", String(f.page));
  return p;
}

export type TVendorRow = {
  id: string;
  name: string;
  tier: TTier;
  ownerName: string | null;
  rating: TRating | null;
  score: number | null;
  assessedAt: Date | null;
  status: string | null;
  dueDate: Date | null;
  openFindings: number;
  total: number;
};

const ORDER: Record<TVendorFilters["sort"], string> = {
  name: "v.name",
  tier: "v.tier",
  rating: "l.rating",
  score: "l.score",
  assessed: 'l."submittedAt"',
  findings: '"openFindings"',
};

function vendorQuery({ orgId, filters }: TOrg & { filters: TVendorFilters }) {
  const where = [Prisma.sql`v."orgId" = ${orgId}`, Prisma.sql`v.status = 'active'`];
  if (filters.tier) where.push(Prisma.sql`v.tier = ${filters.tier}::"Tier"`);
  if (filters.ownerId) where.push(Prisma.sql`v."ownerId" = ${filters.ownerId}`);
  if (filters.status === "none") where.push(Prisma.sql`cur.status IS NULL`);
  else if (filters.status) where.push(Prisma.sql`cur.status::text = ${filters.status}`);
  if (filters.flag)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Flag" f WHERE f."assessmentId" = l.id AND f.code = ${filters.flag})`,
    );
  const dir = filters.dir === "desc" ? "DESC" : "ASC";
  const order = Prisma.raw(`${ORDER[filters.sort]} ${dir} NULLS LAST, v.name ASC, v.id ASC`);
  return Prisma.sql`
    SELECT v.id, v.name, v.tier::text AS tier, u.name AS "ownerName", l.rating::text AS rating,
           l.score, l."submittedAt" AS "assessedAt", cur.status::text AS status, cur."dueDate",
           (SELECT count(*) FROM "Finding" fi
             WHERE fi."vendorId" = v.id AND fi.status IN ('open', 'in_progress'))::int AS "openFindings",
           count(*) OVER ()::int AS total
    FROM "Vendor" v
    LEFT JOIN "User" u ON u.id = v."ownerId"
    LEFT JOIN LATERAL (
      SELECT a.id, a.rating, a.score, a."submittedAt" FROM "Assessment" a
      WHERE a."vendorId" = v.id AND a."submittedAt" IS NOT NULL AND a.status <> 'cancelled'
      ORDER BY a."submittedAt" DESC, a.id LIMIT 1) l ON true
    LEFT JOIN LATERAL (
      SELECT a.status, a."dueDate" FROM "Assessment" a
      WHERE a."vendorId" = v.id ORDER BY a."createdAt" DESC, a.id LIMIT 1) cur ON true
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${order}`;
}

/** One page of the vendor table, with the total of the filtered set. */
async function listPortfolioVendorsUncached({
  orgId,
  filters,
}: TOrg & { filters: TVendorFilters }): Promise<{ rows: TVendorRow[]; total: number }> {
  const offset = (filters.page - 1) * PAGE_SIZE;
  const rows = await db.$queryRaw<TVendorRow[]>`
    ${vendorQuery({ orgId, filters })} LIMIT ${PAGE_SIZE} OFFSET ${offset}`;
  return { rows, total: rows[0]?.total ?? 0 };
}

/** The whole filtered set, `batch` rows at a time, for the streamed CSV export. */
export async function* iteratePortfolioVendors({
  orgId,
  filters,
  batch = 1000,
}: TOrg & { filters: TVendorFilters; batch?: number }): AsyncGenerator<TVendorRow[]> {
  for (let offset = 0; ; offset += batch) {
    const rows = await db.$queryRaw<TVendorRow[]>`
      ${vendorQuery({ orgId, filters })} LIMIT ${batch} OFFSET ${offset}`;
    if (rows.length) yield rows;
    if (rows.length < batch) return;
  }
}

/** Owners who own at least one active vendor, for the owner filter. */
async function listVendorOwnersUncached({ orgId }: TOrg) {
  return db.user.findMany({
    where: { orgId, ownedVendors: { some: { status: "active" } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

// ---- The vendor page ----

/** Scores and ratings of the vendor's submitted assessments, oldest first. */
export async function getVendorScoreHistory({ orgId, vendorId }: TOrg & { vendorId: string }) {
  return db.assessment.findMany({
    where: { orgId, vendorId, submittedAt: { not: null }, status: { not: "cancelled" } },
    select: { id: true, submittedAt: true, score: true, rating: true, status: true },
    orderBy: { submittedAt: "asc" },
    take: 50,
  });
}

export async function listOpenFindings({ orgId, vendorId }: TOrg & { vendorId: string }) {
  return db.finding.findMany({
    where: { orgId, vendorId, status: { in: ["open", "in_progress"] } },
    select: {
      id: true,
      title: true,
      code: true,
      severity: true,
      status: true,
      dueDate: true,
      assessmentId: true,
      owner: { select: { name: true } },
    },
    orderBy: [{ severity: "asc" }, { dueDate: "asc" }],
    take: 50,
  });
}

/** Dates of the last DR test, restore test and plan review, and of the last evidence file. */
export async function getLastEvidenceDates({ orgId, vendorId }: TOrg & { vendorId: string }) {
  const latest = await db.assessment.findFirst({
    where: { orgId, vendorId, submittedAt: { not: null }, status: { not: "cancelled" } },
    orderBy: { submittedAt: "desc" },
    select: {
      id: true,
      submittedAt: true,
      requirements: true,
      vendor: { select: { tier: true } },
      answers: {
        where: { questionId: { in: Object.keys(DECAY_KINDS) } },
        select: { questionId: true, value: true },
      },
    },
  });
  const evidence = await db.evidenceFile.findFirst({
    where: { orgId, assessment: { vendorId }, deletedAt: null },
    orderBy: { createdAt: "desc" },
    select: { fileName: true, evidenceDate: true, createdAt: true },
  });
  return { latest, evidence };
}

export const getRatingHeatmap = memo("heatmap", getRatingHeatmapUncached);
export const getTopFlagCodes = memo("getTopFlagCodes", getTopFlagCodesUncached);
export const getDueAssessments = memo("getDueAssessments", getDueAssessmentsUncached);
export const getDecayClocks = memo("getDecayClocks", getDecayClocksUncached);
export const getConcentration = memo("getConcentration", getConcentrationUncached);
export const getSitePoints = memo("getSitePoints", getSitePointsUncached);
export const getRatingTrend = memo("getRatingTrend", getRatingTrendUncached);
export const listPortfolioVendors = memo("listPortfolioVendors", listPortfolioVendorsUncached);
export const listVendorOwners = memo("listVendorOwners", listVendorOwnersUncached);
