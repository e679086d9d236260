import { distanceKm, getSamePlaceReason, type TSamePlaceReason } from "@/lib/rules/geo";
import type { TSite } from "@/lib/rules/types";

/** "chain": not the same place as a pair, but linked through other sites that are. */
export type TSitePlaceReason = TSamePlaceReason | "chain";

export type TSitePair = {
  from: TSite;
  to: TSite;
  km: number;
  samePlace: TSitePlaceReason | null;
  /** For a "chain": the other sites of the place that link the two. */
  via?: TSite[];
};

export type TSiteFacts = {
  /** [] when the sites question is unanswered; see sitesAnswered. */
  sites: readonly TSite[];
  sitesAnswered: boolean;
  siteCount: number | null;
  /** Sites grouped by the same-place relation (taken transitively). */
  places: TSite[][];
  /** The links that joined sites into places, to explain a SINGLE_SITE finding. */
  placeLinks: TSitePair[];
  placeCount: number | null;
  primaries: TSite[];
  secondaries: TSite[];
  /** Per primary, its nearest secondary; a same-place secondary counts as 0 km away. */
  nearestSecondaryByPrimary: TSitePair[];
  /** Smallest of those separations (0 when same place) and whether it is the same place. */
  closestSeparationKm: number | null;
  closestSeparationSamePlace: boolean;
  /** The primary-secondary pair with the smallest computed distance, for claim checks. */
  closestPair: TSitePair | null;
  backupSites: TSite[];
  backupSiteCount: number;
  /** Per backup site, its nearest primary (itself when it is a primary). */
  nearestPrimaryByBackupSite: TSitePair[];
  /** Every backup site is the same place as some primary. */
  backupAllSamePlace: boolean;
  /** The largest nearest-primary separation over backup sites (0 when same place). */
  backupFarthestKm: number | null;
  /** The one provider every site names (compared exactly, as the contract says), or null. */
  sharedProvider: string | null;
  /** At least one primary and one backup site, and every backup site shares a primary's provider. */
  backupAllSameProviderAsPrimary: boolean;
};

export type TMeasurePairInput = { from: TSite; to: TSite };

/** One pair on its own: the same place only by a shared facility or under 1 km. */
export function measurePair({
  from,
  to,
}: TMeasurePairInput): TSitePair & { samePlace: TSamePlaceReason | null } {
  const km = from === to ? 0 : distanceKm({ from, to });
  return {
    from,
    to,
    km,
    samePlace: from === to ? "distance" : getSamePlaceReason({ a: from, b: to, km }),
  };
}

/** Separation as the rules judge it: a same-place pair is no separation at all. */
export const effectiveKm = (pair: TSitePair): number => (pair.samePlace ? 0 : pair.km);

type TMeasure = (from: TSite, to: TSite) => TSitePair;

function findNearest(from: TSite, candidates: readonly TSite[], measure: TMeasure) {
  let best: TSitePair | null = null;
  for (const to of candidates) {
    const pair = measure(from, to);
    const better =
      !best ||
      effectiveKm(pair) < effectiveKm(best) ||
      (effectiveKm(pair) === effectiveKm(best) && pair.km < best.km);
    if (better) best = pair;
  }
  return best;
}

function groupPlaces(sites: readonly TSite[]): { places: TSite[][]; links: TSitePair[] } {
  const parent = sites.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] as number;
    return i;
  };
  const links: TSitePair[] = [];
  for (let i = 0; i < sites.length; i++) {
    for (let j = i + 1; j < sites.length; j++) {
      const pair = measurePair({ from: sites[i] as TSite, to: sites[j] as TSite });
      if (!pair.samePlace || root(i) === root(j)) continue;
      parent[root(j)] = root(i);
      links.push(pair);
    }
  }
  const groups = new Map<number, TSite[]>();
  sites.forEach((site, i) => {
    const key = root(i);
    groups.set(key, [...(groups.get(key) ?? []), site]);
  });
  return { places: [...groups.values()], links };
}

function findSharedProvider(sites: readonly TSite[]): string | null {
  const first = sites[0];
  if (!first) return null;
  return sites.every((s) => s.provider === first.provider) ? first.provider : null;
}

export type TBuildSiteFactsInput = {
  sites: readonly TSite[] | undefined;
  backupIds: readonly string[] | undefined;
};

export function buildSiteFacts({ sites: answered, backupIds }: TBuildSiteFactsInput): TSiteFacts {
  const sites = answered ?? [];
  const { places, links } = groupPlaces(sites);
  // Places are taken transitively, so two sites of one place may be neither in one facility
  // nor within 1 km of each other: they are still no separation at all.
  const placeOf = new Map<TSite, TSite[]>();
  for (const place of places) for (const member of place) placeOf.set(member, place);
  const measure: TMeasure = (from, to) => {
    const pair = measurePair({ from, to });
    if (pair.samePlace || placeOf.get(from) !== placeOf.get(to)) return pair;
    const via = (placeOf.get(from) ?? []).filter((site) => site !== from && site !== to);
    return { ...pair, samePlace: "chain", via };
  };
  const primaries = sites.filter((s) => s.role === "primary");
  const secondaries = sites.filter((s) => s.role === "secondary");
  const nearestSecondaryByPrimary = primaries
    .map((p) => findNearest(p, secondaries, measure))
    .filter((pair): pair is TSitePair => pair !== null);
  let closest: TSitePair | null = null;
  for (const pair of nearestSecondaryByPrimary) {
    if (!closest || effectiveKm(pair) < effectiveKm(closest)) closest = pair;
  }
  let closestPair: TSitePair | null = null;
  for (const p of primaries) {
    for (const s of secondaries) {
      const pair = measure(p, s);
      if (!closestPair || pair.km < closestPair.km) closestPair = pair;
    }
  }
  const wanted = new Set(backupIds ?? []);
  const backupSites = sites.filter((s) => wanted.has(s.id));
  const nearestPrimaryByBackupSite = backupSites
    .map((b) => findNearest(b, primaries, measure))
    .filter((pair): pair is TSitePair => pair !== null);
  const measured = nearestPrimaryByBackupSite.length > 0;
  return {
    sites,
    sitesAnswered: answered !== undefined,
    siteCount: answered ? sites.length : null,
    places,
    placeLinks: links,
    placeCount: answered ? places.length : null,
    primaries,
    secondaries,
    nearestSecondaryByPrimary,
    closestSeparationKm: closest ? effectiveKm(closest) : null,
    closestSeparationSamePlace: closest?.samePlace != null,
    closestPair,
    backupSites,
    backupSiteCount: backupSites.length,
    nearestPrimaryByBackupSite,
    backupAllSamePlace: measured && nearestPrimaryByBackupSite.every((p) => p.samePlace !== null),
    backupFarthestKm: measured ? Math.max(...nearestPrimaryByBackupSite.map(effectiveKm)) : null,
    sharedProvider: findSharedProvider(sites),
    backupAllSameProviderAsPrimary:
      primaries.length > 0 &&
      backupSites.length > 0 &&
      backupSites.every((b) => primaries.some((p) => p.provider === b.provider)),
  };
}
