import { db, Prisma } from "../../db";
import type { TRating, TTier } from "../../rules/types";
import { narrowsVendors, PAGE_SIZE, type TVendorFilters } from "./filters";
import { reader, type TOrg } from "./sql";

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
  rating: "l.rating",
  score: "l.score",
  assessed: 'l."submittedAt"',
  findings: '"openFindings"',
};

// Each active vendor with `l`, its latest submitted assessment (the heat map's rating), and
// `cur`, its most recent assessment (the status filter).
const VENDOR_FROM = Prisma.sql`
    FROM "Vendor" v
    LEFT JOIN LATERAL (
      SELECT a.id, a.rating, a.score, a."submittedAt" FROM "Assessment" a
      WHERE a."vendorId" = v.id AND a."submittedAt" IS NOT NULL AND a.status <> 'cancelled'
      ORDER BY a."submittedAt" DESC, a.id LIMIT 1) l ON true
    LEFT JOIN LATERAL (
      SELECT a.status, a."dueDate" FROM "Assessment" a
      WHERE a."vendorId" = v.id ORDER BY a."createdAt" DESC, a.id LIMIT 1) cur ON true`;

function vendorWhere({ orgId, filters }: { orgId: string; filters: TVendorFilters }) {
  const where = [Prisma.sql`v."orgId" = ${orgId}`, Prisma.sql`v.status = 'active'`];
  if (filters.tier) where.push(Prisma.sql`v.tier::text = ${filters.tier}`);
  if (filters.rating === "none") where.push(Prisma.sql`l.rating IS NULL`);
  else if (filters.rating) where.push(Prisma.sql`l.rating::text = ${filters.rating}`);
  if (filters.ownerId) where.push(Prisma.sql`v."ownerId" = ${filters.ownerId}`);
  if (filters.status === "none") where.push(Prisma.sql`cur.status IS NULL`);
  else if (filters.status) where.push(Prisma.sql`cur.status::text = ${filters.status}`);
  if (filters.flag)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Flag" f WHERE f."assessmentId" = l.id AND f.code = ${filters.flag})`,
    );
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

function vendorQuery({ orgId, filters }: TOrg & { filters: TVendorFilters }) {
  const dir = filters.dir === "desc" ? "DESC" : "ASC";
  const order = Prisma.raw(`${ORDER[filters.sort]} ${dir} NULLS LAST, v.name ASC, v.id ASC`);
  return Prisma.sql`
    SELECT v.id, v.name, v.tier::text AS tier, u.name AS "ownerName", l.rating::text AS rating,
           l.score, l."submittedAt" AS "assessedAt", cur.status::text AS status, cur."dueDate",
           (SELECT count(*) FROM "Finding" fi
             WHERE fi."vendorId" = v.id AND fi.status IN ('open', 'in_progress'))::int AS "openFindings",
           count(*) OVER ()::int AS total
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
  const rows = await reader(tx).$queryRaw<TVendorRow[]>`
    ${vendorQuery({ orgId, filters })} LIMIT ${limit} OFFSET ${offset}`;
  return { rows, total: rows[0]?.total ?? 0 };
}

/** The whole filtered set, `batch` rows at a time, for the streamed CSV export (never cached). */
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
export async function listVendorOwners({ orgId, tx }: TOrg) {
  return reader(tx).user.findMany({
    where: { orgId, ownedVendors: { some: { status: "active" } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
