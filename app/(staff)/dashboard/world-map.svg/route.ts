import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";
import { renderPortfolioBasemap } from "@/lib/geo/portfolio-basemap";

// The dashboard map's basemap, rendered once by `next build` and served as a static file:
// the page itself carries only the markers.
export const dynamic = "force-static";

export function GET() {
  const svg = renderPortfolioBasemap({
    topology: countries110m as unknown as Topology<{ countries: GeometryCollection }>,
  });
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml",
      // The URL carries a version (PORTFOLIO_BASEMAP_URL), so a day's caching is safe.
      "Cache-Control": "public, max-age=86400",
    },
  });
}
