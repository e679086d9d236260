import { counters, reader, TIER_WEIGHTS, type TOrg, tierCaseRaw } from "./sql";

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
  // Counters per dimension, key and tier: each active vendor counted once per key it uses.
  const rows = await reader(tx).$queryRaw<TConcentration[]>`
    WITH uses AS (
      SELECT key[1] AS dim, key[2] AS key, n, n * ${tierCaseRaw(TIER_WEIGHTS, "key[3]")} AS w
      FROM ${counters(orgId, "concentration")} c
    ), ranked AS (
      SELECT dim, key, sum(n)::int AS vendors, sum(w)::int AS weight,
             row_number() OVER (PARTITION BY dim ORDER BY sum(w) DESC, sum(n) DESC, key) AS rn
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
 * for sites without a city — so the map stays small at any portfolio size. The pooling is
 * dashboard.vendor_parts' (migration dashboard_vendor_latest): lower-cased city, upper-cased
 * country, the cell's rounded latitude and longitude.
 */
export async function getSitePoints({
  orgId,
  limit = 300,
  tx,
}: TOrg & { limit?: number }): Promise<TSitePoint[]> {
  // Counters per place (the grouping below): vendors ("place"); and per place, city, country
  // and role: sites, the sums of their latitudes (x) and longitudes (y) ("placeSite").
  return reader(tx).$queryRaw<TSitePoint[]>`
    WITH places AS (
      SELECT key AS place, n FROM ${counters(orgId, "place")} c
    ), sites AS (
      SELECT key[1:4] AS place, key[5] AS city, key[6] AS country, key[7] AS role, n, x, y
      FROM ${counters(orgId, "placeSite")} c
    ), pooled AS (
      SELECT place, min(city) AS city, min(country) AS country,
             sum(x) / sum(n) AS lat, sum(y) / sum(n) AS lon
      FROM sites GROUP BY place
    ), roles AS (
      SELECT DISTINCT ON (place) place, role
      FROM (SELECT place, role, sum(n) AS n FROM sites WHERE role IS NOT NULL GROUP BY place, role) r
      ORDER BY place, n DESC, role
    )
    SELECT coalesce(s.city, round(s.lat, 1) || '°, ' || round(s.lon, 1) || '°')
             || coalesce(' (' || s.country || ')', '') AS label,
           s.lat::float8 AS lat, s.lon::float8 AS lon, r.role, p.n::int AS vendors
    FROM places p JOIN pooled s ON s.place = p.place LEFT JOIN roles r ON r.place = p.place
    ORDER BY vendors DESC, label LIMIT ${limit}`;
}
