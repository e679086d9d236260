import { latestCte, latestSitesFrom, reader, TIER_WEIGHTS, type TOrg, tierCaseRaw } from "./sql";

// Where the portfolio's dependencies pile up: providers, countries, regions and places, from
// the site lists of the vendors' latest assessments.

export type TConcentration = {
  dim: "provider" | "country" | "region";
  key: string;
  vendors: number;
  weight: number;
};

/** How many vendors (and their tier weight) depend on each provider, country and region. */
export async function getConcentration({
  orgId,
  limit = 6,
  tx,
}: TOrg & { limit?: number }): Promise<Record<TConcentration["dim"], TConcentration[]>> {
  const rows = await reader(tx).$queryRaw<TConcentration[]>`
    WITH ${latestCte(orgId)}, uses AS (
      SELECT DISTINCT l."vendorId", ${tierCaseRaw(TIER_WEIGHTS, "v.tier")} AS w, d.dim, d.key
      ${latestSitesFrom}
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

/**
 * Vendor sites pooled by place — the same city and country within a 1° cell, or a 0.1° cell
 * for sites without a city — so the map stays small at any portfolio size.
 */
export async function getSitePoints({
  orgId,
  limit = 300,
  tx,
}: TOrg & { limit?: number }): Promise<TSitePoint[]> {
  return reader(tx).$queryRaw<TSitePoint[]>`
    WITH ${latestCte(orgId)}, sites AS (
      SELECT l."vendorId", nullif(trim(s ->> 'city'), '') AS city,
             nullif(upper(trim(s ->> 'country')), '') AS country, s ->> 'role' AS role,
             (s ->> 'lat')::float8 AS lat, (s ->> 'lon')::float8 AS lon
      ${latestSitesFrom}
    )
    SELECT coalesce(min(city), round(avg(lat)::numeric, 1) || '°, ' || round(avg(lon)::numeric, 1) || '°')
             || coalesce(' (' || min(country) || ')', '') AS label,
           avg(lat) AS lat, avg(lon) AS lon,
           mode() WITHIN GROUP (ORDER BY role) AS role, count(DISTINCT "vendorId")::int AS vendors
    FROM sites WHERE lat IS NOT NULL AND lon IS NOT NULL
    GROUP BY lower(city), upper(country),
             CASE WHEN city IS NULL THEN round(lat::numeric, 1) ELSE round(lat::numeric) END,
             CASE WHEN city IS NULL THEN round(lon::numeric, 1) ELSE round(lon::numeric) END
    ORDER BY vendors DESC, label LIMIT ${limit}`;
}
