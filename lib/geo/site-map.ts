import { formatDistanceKm } from "@/lib/geo/distance-text";
import { hasCoordinates } from "@/lib/geo/site-pairs";
import { distanceKm, isSamePlace } from "@/lib/rules/geo";
import type { TSite } from "@/lib/rules/types";

export type TSiteMapPoint = { id: string; label: string; lat: number; lon: number; kind: string };
export type TSiteMapLink = { from: string; to: string; label: string };

export type TBuildSiteMapInput = { sites: readonly TSite[] };

export const labelSite = (site: TSite, index: number): string =>
  site.name.trim() || site.city.trim() || `Site ${index + 1}`;

/**
 * Map points for the sites that have coordinates, and an arc from each secondary and backup
 * site to its nearest primary: the separations a buyer asks about first. Same-place pairs
 * get no arc (it would have no length); the distances table names them.
 */
export function buildSiteMap({ sites }: TBuildSiteMapInput) {
  const placed = sites.filter(hasCoordinates);
  const points: TSiteMapPoint[] = placed.map((site) => ({
    id: site.id,
    label: labelSite(site, sites.indexOf(site)),
    lat: site.lat,
    lon: site.lon,
    kind: site.role,
  }));
  const primaries = placed.filter((s) => s.role === "primary");
  const links: TSiteMapLink[] = [];
  for (const site of placed) {
    if (site.role !== "secondary" && site.role !== "backup") continue;
    let nearest: { to: TSite; km: number } | undefined;
    for (const to of primaries) {
      const km = distanceKm({ from: site, to });
      if (!nearest || km < nearest.km) nearest = { to, km };
    }
    if (!nearest || isSamePlace({ a: site, b: nearest.to, km: nearest.km })) continue;
    links.push({ from: nearest.to.id, to: site.id, label: formatDistanceKm({ km: nearest.km }) });
  }
  return { points, links };
}
