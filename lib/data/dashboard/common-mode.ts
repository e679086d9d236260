import { Prisma } from "../../db";
import type { TRating, TTier } from "../../rules/types";
import { latestCte, reader, type TOrg } from "./sql";

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

const FROM = Prisma.sql`
  FROM latest l
  JOIN "Vendor" v ON v.id = l."vendorId" AND v.status = 'active'
  JOIN "Flag" f ON f."assessmentId" = l.id
    AND f.code IN (${Prisma.join([...COMMON_MODE_CODES])})`;

export async function getCommonModeVendors({
  orgId,
  tx,
  limit = 6,
}: TOrg & { limit?: number }): Promise<TCommonMode> {
  const db = reader(tx);
  const counts = await db.$queryRaw<{ code: string | null; vendors: number }[]>`
    WITH ${latestCte(orgId)}
    SELECT f.code, count(DISTINCT v.id)::int AS vendors ${FROM}
    GROUP BY GROUPING SETS ((f.code), ())`;
  const vendors = await db.$queryRaw<TCommonModeVendor[]>`
    WITH ${latestCte(orgId)}
    SELECT v.id AS "vendorId", v.name, v.tier::text AS tier, l.rating::text AS rating,
           array_agg(DISTINCT f.code ORDER BY f.code) AS codes ${FROM}
    GROUP BY v.id, v.name, v.tier, l.rating
    ORDER BY CASE l.rating WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2
             WHEN 'low' THEN 3 ELSE 4 END, v.name, v.id
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
