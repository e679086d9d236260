import type { TSite } from "@/lib/rules/types";

// The distance table itself is lib/geo/distance-pairs.ts (the pairs the rules judge).

export const hasCoordinates = (site: Pick<TSite, "lat" | "lon">): boolean =>
  Number.isFinite(site.lat) &&
  Number.isFinite(site.lon) &&
  Math.abs(site.lat) <= 90 &&
  Math.abs(site.lon) <= 180;
