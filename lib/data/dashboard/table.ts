import { db, Prisma } from "../../db";
import type { TRating, TTier } from "../../rules/types";
import { narrowsVendors, PAGE_SIZE, type TVendorFilters } from "./filters";
import { counters, reader, type TOrg } from "./sql";

// The vendor table: filtered, sorted and paginated in the database; the CSV export streams
// the same query.

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
  rating: 'v."latestRating"',
  score: 'v."latestScore"',
  assessed: 'v."latestSubmittedAt"',
  findings: 'v."openFindings"',
};

// Each vendor row carries its latest submitted assessment's figures (`latest…`, the heat map's
// rating), its most recent assessment's status and due date (`current…`, the status filter) and
// its open findings, kept by triggers (README.md): the table reads no other table to sort.
const VENDOR_FROM = Prisma.sql`
    FROM "Vendor" v`;

function vendorWhere({ orgId, filters }: { orgId: string; filters: TVendorFilters }) {
  const where = [Prisma.sql`v."orgId" = ${orgId}`, Prisma.sql`v.status = 'active'`];
  if (filters.tier) where.push(Prisma.sql`v.tier::text = ${filters.tier}`);
  if (filters.rating === "none") where.push(Prisma.sql`v."latestRating" IS NULL`);
  else if (filters.rating) where.push(Prisma.sql`v."latestRating"::text = ${filters.rating}`);
  if (filters.ownerId) where.push(Prisma.sql`v."ownerId" = ${filters.ownerId}`);
  if (filters.status === "none") where.push(Prisma.sql`v."currentStatus" IS NULL`);
  else if (filters.status) where.push(Prisma.sql`v."currentStatus"::text = ${filters.status}`);
  if (filters.flag) where.push(Prisma.sql`v."latestFlagCodes" @> ARRAY[${filters.flag}]::text[]`);
  return Prisma.join(where, " AND ");
}

/**
 * `column IN (the filtered vendors' ids)`, for aggregates over a filtered set (the portfolio
 * PDF); TRUE when nothing narrows the set, so an unfiltered report pays nothing for it.
 */
export function inFilteredVendors({
  orgId,
  filters,
  column,
}: {
  orgId: string;
  filters?: TVendorFilters;
  column: Prisma.Sql;
}): Prisma.Sql {
  if (!filters || !narrowsVendors(filters)) return Prisma.sql`TRUE`;
  return Prisma.sql`${column} IN (SELECT v.id ${VENDOR_FROM} WHERE ${vendorWhere({ orgId, filters })})`;
}

/** Every vendor id of the filtered set (the portfolio PDF counts findings over them). */
export async function listFilteredVendorIds({
  orgId,
  filters,
  tx,
}: TOrg & { filters: TVendorFilters }): Promise<string[]> {
  const rows = await reader(tx).$queryRaw<{ id: string }[]>`
    SELECT v.id ${VENDOR_FROM} WHERE ${vendorWhere({ orgId, filters })}`;
  return rows.map((r) => r.id);
}

function vendorQuery({
  orgId,
  filters,
  withTotal = false,
}: TOrg & { filters: TVendorFilters; withTotal?: boolean }) {
  const dir = filters.dir === "desc" ? "DESC" : "ASC";
  const order = Prisma.raw(`${ORDER[filters.sort]} ${dir} NULLS LAST, v.name ASC, v.id ASC`);
  return Prisma.sql`
    SELECT v.id, v.name, v.tier::text AS tier, u.name AS "ownerName",
           v."latestRating"::text AS rating, v."latestScore" AS score,
           v."latestSubmittedAt" AS "assessedAt", v."currentStatus"::text AS status,
           v."currentDueDate" AS "dueDate", v."openFindings"
           ${withTotal ? Prisma.sql`, count(*) OVER ()::int AS total` : Prisma.empty}
    ${VENDOR_FROM}
    LEFT JOIN "User" u ON u.id = v."ownerId"
    WHERE ${vendorWhere({ orgId, filters })}
    ORDER BY ${order}`;
}

/** One page of the vendor table, with the total of the filtered set. */
export async function listPortfolioVendors({
  orgId,
  filters,
  tx,
  limit = PAGE_SIZE,
}: TOrg & { filters: TVendorFilters; limit?: number }): Promise<{
  rows: TVendorRow[];
  total: number;
}> {
  const offset = (filters.page - 1) * limit;
  const q = reader(tx);
  // The page's rows in the index's order (the default sort) and the set's size apart: a count
  // over every row would read them all; unfiltered, the heat map's counters hold it.
  const rows = await q.$queryRaw<Omit<TVendorRow, "total">[]>`
    ${vendorQuery({ orgId, filters })} LIMIT ${limit} OFFSET ${offset}`;
  const [count] = narrowsVendors(filters)
    ? await q.$queryRaw<{ total: number }[]>`
        SELECT count(*)::int AS total ${VENDOR_FROM} WHERE ${vendorWhere({ orgId, filters })}`
    : await q.$queryRaw<{ total: number }[]>`
        SELECT coalesce(sum(n), 0)::int AS total FROM ${counters(orgId, "heat")} c`;
  const total = count?.total ?? 0;
  return { rows: rows.map((r) => ({ ...r, total })), total };
}

/** The whole filtered set, `batch` rows at a time, for the streamed CSV export (never cached). */
export async function* iteratePortfolioVendors({
  orgId,
  filters,
  batch = 1000,
}: TOrg & { filters: TVendorFilters; batch?: number }): AsyncGenerator<TVendorRow[]> {
  for (let offset = 0; ; offset += batch) {
    const rows = await db.$queryRaw<TVendorRow[]>`
      ${vendorQuery({ orgId, filters, withTotal: true })} LIMIT ${batch} OFFSET ${offset}`;
    if (rows.length) yield rows;
    if (rows.length < batch) return;
  }
}

/** Owners who own at least one active vendor, for the owner filter. */
export async function listVendorOwners({ orgId, tx }: TOrg) {
  return reader(tx).user.findMany({
    where: { orgId, ownedVendors: { some: { status: "active" } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
