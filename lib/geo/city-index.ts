import { normalizePlaceName } from "@/lib/geo/normalize";

// Pure search over a list of cities, kept apart from the loader so it can be tested and
// timed on any data.

export type TCity = { name: string; country: string; lat: number; lon: number; population: number };

export type TCityIndex = {
  /** Cities ordered by normalized name, so a prefix is one contiguous range. */
  cities: readonly TCity[];
  keys: readonly string[];
};

export type TBuildCityIndexInput = { cities: readonly TCity[] };

export function buildCityIndex({ cities }: TBuildCityIndexInput): TCityIndex {
  const keyed = cities.map((city) => ({ city, key: normalizePlaceName({ text: city.name }) }));
  // Plain code-unit order (not localeCompare): the binary search below compares the same way.
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { cities: keyed.map((k) => k.city), keys: keyed.map((k) => k.key) };
}

function lowerBound(keys: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] ?? "") < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type TQueryCityIndexInput = {
  index: TCityIndex;
  /** Already normalized (normalizePlaceName). */
  prefix: string;
  /** ISO 3166-1 alpha-2 in capitals, to narrow the matches to one country. */
  country?: string;
  limit: number;
};

/** Cities whose normalized name starts with `prefix`, most populous first. */
export function queryCityIndex({ index, prefix, country, limit }: TQueryCityIndexInput): TCity[] {
  if (prefix === "" || limit <= 0) return [];
  const top: TCity[] = [];
  for (let i = lowerBound(index.keys, prefix); i < index.keys.length; i++) {
    if (!index.keys[i]?.startsWith(prefix)) break;
    const city = index.cities[i];
    if (!city || (country !== undefined && city.country !== country)) continue;
    if (top.length === limit && city.population <= (top[limit - 1]?.population ?? 0)) continue;
    // Insertion into a short sorted list: cheaper than sorting a range of thousands ("s").
    let at = top.length;
    while (at > 0 && (top[at - 1]?.population ?? 0) < city.population) at--;
    top.splice(at, 0, city);
    if (top.length > limit) top.pop();
  }
  return top;
}
