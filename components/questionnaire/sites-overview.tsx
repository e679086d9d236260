import { WorldMap } from "@/components/geo/world-map";
import {
  SitesOverviewView,
  type TSitesOverviewProps,
} from "@/components/questionnaire/sites-overview-view";

export type { TSitesOverviewProps } from "@/components/questionnaire/sites-overview-view";

/** The sites map and distance table on pages drawn on the server (review page, print view). */
export function SitesOverview(props: TSitesOverviewProps) {
  return <SitesOverviewView {...props} map={(map) => <WorldMap {...map} />} />;
}
