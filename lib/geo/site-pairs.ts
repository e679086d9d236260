import { getSamePlaceReason } from "@/lib/rules/geo";
import { measurePair } from "@/lib/rules/site-facts";
import type { TSite } from "@/lib/rules/types";

// The editor's view of every pair of sites, judged with the engine's own helpers so the
// vendor sees the distances and "same place" verdicts the assessment will use.

export type TSitePairRow = {
  a: TSite;
  b: TSite;
  aIndex: number;
  bIndex: number;
  /** Great-circle distance; NaN while either site lacks valid coordinates. */
  km: number;
  samePlace: "facility" | "distance" | null;
  /** A primary and a secondary closer than the minimum separation (same place counts as 0 km). */
  tooClose: boolean;
};

export const hasCoordinates = (site: Pick<TSite, "lat" | "lon">): boolean =>
  Number.isFinite(site.lat) &&
  Number.isFinite(site.lon) &&
  Math.abs(site.lat) <= 90 &&
  Math.abs(site.lon) <= 180;

const isPrimarySecondary = (a: TSite, b: TSite) =>
  (a.role === "primary" && b.role === "secondary") ||
  (a.role === "secondary" && b.role === "primary");

export type TListSitePairsInput = { sites: readonly TSite[]; minSeparationKm?: number };

export function listSitePairs({ sites, minSeparationKm }: TListSitePairsInput): TSitePairRow[] {
  const rows: TSitePairRow[] = [];
  sites.forEach((a, aIndex) => {
    for (let bIndex = aIndex + 1; bIndex < sites.length; bIndex++) {
      const b = sites[bIndex]!;
      // Without coordinates on both (NaN while typed, null after a JSON round trip) only a
      // shared facility can make two sites the same place: null would count as 0 degrees.
      const placed = hasCoordinates(a) && hasCoordinates(b);
      const pair = placed
        ? measurePair({ from: a, to: b })
        : { km: Number.NaN, samePlace: getSamePlaceReason({ a, b, km: Number.POSITIVE_INFINITY }) };
      const km = pair.km;
      // A same-place pair is no separation at all, as the rules judge it (effectiveKm).
      const separation = pair.samePlace ? 0 : km;
      const tooClose =
        minSeparationKm !== undefined &&
        isPrimarySecondary(a, b) &&
        Number.isFinite(separation) &&
        separation < minSeparationKm;
      rows.push({ a, b, aIndex, bIndex, km, samePlace: pair.samePlace, tooClose });
    }
  });
  return rows;
}
