import { useMemo } from "react";
import { WorldMap } from "@/components/geo/world-map";
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

/**
 * The sites map and the bounded distance table (lib/geo/distance-pairs.ts), every site by its
 * name: the one view of the sites for the vendor portal, the review page and the print view,
 * so the reviewer sees what the vendor saw. No client-only hooks: it renders on the server,
 * in the portal's client form and with react-dom/server alike.
 */
export function SitesOverview({ sites, backupIds, minSeparationKm }: TSitesOverviewProps) {
  const map = useMemo(() => buildSiteMap({ sites }), [sites]);
  const table = useMemo(
    () => listDistancePairs({ sites, minSeparationKm, backupIds }),
    [sites, minSeparationKm, backupIds],
  );
  return (
    <div className="space-y-6">
      <WorldMap
        title={`Map of the ${map.points.length} site${map.points.length === 1 ? "" : "s"} with coordinates`}
        points={map.points}
        links={map.links}
        fit="points"
        height={420}
      />
      <SitesDistances table={table} minSeparationKm={minSeparationKm} />
    </div>
  );
}
