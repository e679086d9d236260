import type { TSitePoint } from "@/lib/data/dashboard";
import { europeInset, projectPlace } from "@/lib/geo/portfolio-basemap";
import { PortfolioMapView, type TMapPlace } from "./portfolio-map-view";

// Every vendor site, pooled by place: one marker per place, sized by how many vendors are
// there, over a basemap drawn once at build time (app/(staff)/dashboard/world-map.svg). The
// page carries at most 300 places, whatever the portfolio's size.

const r1 = (n: number) => Math.round(n * 10) / 10;

export function PortfolioMap({ points }: { points: readonly TSitePoint[] }) {
  const max = Math.max(1, ...points.map((p) => p.vendors));
  const inset = europeInset();
  const [vx, vy, vw, vh] = inset.view;
  const [bx, by, bw] = inset.box;
  const zoom = bw / vw;
  const places: TMapPlace[] = points.map((p) => {
    const xy = projectPlace(p);
    const inInset = xy && xy[0] >= vx && xy[0] <= vx + vw && xy[1] >= vy && xy[1] <= vy + vh;
    return {
      key: `${p.label}|${p.lat}|${p.lon}`,
      label: p.label,
      vendors: p.vendors,
      role: p.role ?? "",
      xy: xy ? [r1(xy[0]), r1(xy[1])] : null,
      insetXy: xy && inInset ? [r1(bx + (xy[0] - vx) * zoom), r1(by + (xy[1] - vy) * zoom)] : null,
      // Area ∝ vendors: the busiest place gets 13.5 units, a single vendor about 4.
      r: r1(3.5 + 10 * Math.sqrt(p.vendors / max)),
    };
  });
  return <PortfolioMapView places={places} inset={inset} />;
}
