import { useMemo } from "react";
import {
  DEFAULT_HEIGHT,
  isPlaced,
  MapDrawing,
  type TWorldMapProps,
  viewInputOf,
} from "@/components/geo/map-drawing";
import { getMapView, MAP_VIEW_VERSION, MAP_WIDTH } from "@/lib/geo/map-projection";

/**
 * The world map of WorldMap, its basemap (land and borders) an SVG file the server draws for
 * the same view (`${basemapUrl}?v=…&view=…`), so the browser needs no atlas: only the
 * projection, for the points and arcs it draws over it. The file depends on the view alone
 * (whole degrees), so typing a coordinate's decimals loads nothing, and it is cached.
 */
export function LinkedWorldMap({
  points,
  height = DEFAULT_HEIGHT,
  fit = "world",
  basemapUrl,
  ...rest
}: TWorldMapProps & { basemapUrl: string }) {
  const placed = useMemo(() => points.filter(isPlaced), [points]);
  const view = getMapView(viewInputOf({ placed, height, fit }));
  const href = `${basemapUrl}?v=${MAP_VIEW_VERSION}&view=${encodeURIComponent(view.key)}`;
  return (
    <MapDrawing
      {...rest}
      points={placed}
      height={height}
      view={view}
      basemap={<image href={href} x={0} y={0} width={MAP_WIDTH} height={height} />}
    />
  );
}
