import { Prisma } from "../../db";
import type { TRating, TTier } from "../../rules/types";
import { counters, reader, type TOrg } from "./sql";

// Vendors whose every site can fail at once, however far apart the sites are (bcdr-core 1.1):
// one pushed change, one supplier, or a recovery that needs the failed primary. Read from
// each active vendor's latest judged assessment, like the other portfolio figures.

export const COMMON_MODE_CODES = [
  "COMMON_MODE_CHANGE",
  "FOURTH_PARTY_SINGLE_POINT",
  "RECOVERY_NEEDS_PRIMARY",
] as const;

export type TCommonModeVendor = {
  vendorId: string;
  name: string;
  tier: TTier;
  rating: TRating | null;
  codes: string[];
};

export type TCommonMode = {
  /** Vendors raising at least one of the codes. */
  total: number;
  byCode: { code: string; vendors: number }[];
  /** The worst rated of them, first. */
  vendors: TCommonModeVendor[];
};

const CODES = Prisma.sql`ARRAY[${Prisma.join([...COMMON_MODE_CODES])}]::text[]`;

export async function getCommonModeVendors({
  orgId,
  tx,
  limit = 6,
}: TOrg & { limit?: number }): Promise<TCommonMode> {
  const db = reader(tx);
  // Counters per code, and "*" for the vendors raising any of them.
  const counts = await db.$queryRaw<{ code: string | null; vendors: number }[]>`
    SELECT CASE WHEN key[1] = '*' THEN NULL ELSE key[1] END AS code, n::int AS vendors
    FROM ${counters(orgId, "commonMode")} c`;
  // The worst rated first: critical to low in the enum's order ('info' comes after 'low'), then
  // 'info' and unrated, each in name order from the index on (orgId, status, latestRating, name,
  // id), so only the first few vendors raising the codes are read.
  const pick = (rating: Prisma.Sql, order: Prisma.Sql) => Prisma.sql`(
    SELECT v.id AS "vendorId", v.name, v.tier::text AS tier, v."latestRating"::text AS rating,
           ARRAY(SELECT c FROM unnest(v."latestFlagCodes") c WHERE c = ANY (${CODES}) ORDER BY c) AS codes
    FROM "Vendor" v
    WHERE v."orgId" = ${orgId} AND v.status = 'active' AND ${rating}
      AND v."latestFlagCodes" && ${CODES}
    ORDER BY ${order} LIMIT ${limit})`;
  const vendors = await db.$queryRaw<TCommonModeVendor[]>`
    SELECT "vendorId", name, tier, rating, codes FROM (
      ${pick(Prisma.sql`v."latestRating" < 'info'`, Prisma.sql`v."latestRating", v.name, v.id`)}
      UNION ALL ${pick(Prisma.sql`v."latestRating" = 'info'`, Prisma.sql`v.name, v.id`)}
      UNION ALL ${pick(Prisma.sql`v."latestRating" IS NULL`, Prisma.sql`v.name, v.id`)}
    ) picked
    ORDER BY CASE rating WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2
             WHEN 'low' THEN 3 ELSE 4 END, name, "vendorId"
    LIMIT ${limit}`;
  return {
    total: counts.find((c) => c.code === null)?.vendors ?? 0,
    byCode: COMMON_MODE_CODES.map((code) => ({
      code,
      vendors: counts.find((c) => c.code === code)?.vendors ?? 0,
    })),
    vendors,
  };
}
