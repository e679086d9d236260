import { type ReactNode, useMemo } from "react";
import type { TWorldMapProps } from "@/components/geo/map-drawing";
import { SitesDistances } from "@/components/questionnaire/sites-distances";
import { listDistancePairs } from "@/lib/geo/distance-pairs";
import { buildSiteMap } from "@/lib/geo/site-map";
import type { TSite } from "@/lib/rules/types";

export type TSitesOverviewProps = {
  sites: readonly TSite[];
  /** Sites named as holding backups (backup_site_ids): their nearest primary is listed. */
  backupIds?: readonly string[];
  /** Marks primary–secondary and primary–backup pairs closer than this. */
  minSeparationKm?: number;
};

export type TSitesOverviewViewProps = TSitesOverviewProps & {
  /** Draws the map: WorldMap on pages drawn on the server, LinkedWorldMap in the portal. */
  map?: (props: TWorldMapProps) => ReactNode;
};

/**
 * The sites map and the bounded distance table (lib/geo/distance-pairs.ts), every site by its
 * name: the one view of the sites for the vendor portal, the review page and the print view,
 * so the reviewer sees what the vendor saw. No client-only hooks: it renders on the server,
 * in the portal's client form and with react-dom/server alike. The map comes from the caller
 * (SitesOverview below draws it with WorldMap), so the portal's bundle carries no atlas.
 */
export function SitesOverviewView({
  sites,
  backupIds,
  minSeparationKm,
  map: drawMap,
}: TSitesOverviewViewProps) {
  const map = useMemo(() => buildSiteMap({ sites }), [sites]);
  const table = useMemo(
    () => listDistancePairs({ sites, minSeparationKm, backupIds }),
    [sites, minSeparationKm, backupIds],
  );
  return (
    <div className="space-y-6">
      {drawMap?.({
        title: `Map of the ${map.points.length} site${map.points.length === 1 ? "" : "s"} with coordinates`,
        points: map.points,
        links: map.links,
        fit: "points",
        height: 420,
      })}
      <SitesDistances table={table} minSeparationKm={minSeparationKm} />
    </div>
  );
}
