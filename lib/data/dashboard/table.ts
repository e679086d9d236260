import { db, Prisma } from "../../db";
import type { TRating, TTier } from "../../rules/types";
import { memo } from "./cache";
import { PAGE_SIZE, type TVendorFilters } from "./filters";
import type { TOrg } from "./sql";

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
async function listVendorOwnersUncached({ orgId }: TOrg) {
  return db.user.findMany({
    where: { orgId, ownedVendors: { some: { status: "active" } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export const listPortfolioVendors = memo("vendors", listPortfolioVendorsUncached);
export const listVendorOwners = memo("owners", listVendorOwnersUncached);
