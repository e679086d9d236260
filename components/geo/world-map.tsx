import { useMemo } from "react";
import {
  DEFAULT_HEIGHT,
  isPlaced,
  MapDrawing,
  type TWorldMapProps,
  viewInputOf,
} from "@/components/geo/map-drawing";
import { getBasemap } from "@/lib/geo/map-geometry";
import { getMapView } from "@/lib/geo/map-projection";
import { BORDER_STYLE, LAND_FILL, SEA_FILL } from "@/lib/geo/map-style";

export type { TMapLink, TMapPoint, TWorldMapProps } from "@/components/geo/map-drawing";

/**
 * SVG world map of points coloured by kind, with labelled arcs, its basemap drawn inline: for
 * pages drawn on the server (review, print view). The vendor portal's editor, drawn in the
 * browser, uses LinkedWorldMap, whose basemap is a file the server draws.
 */
export function WorldMap({
  points,
  height = DEFAULT_HEIGHT,
  fit = "world",
  ...rest
}: TWorldMapProps) {
  const placed = useMemo(() => points.filter(isPlaced), [points]);
  // getBasemap caches by rounded coordinates, so a new points array is cheap here.
  const input = viewInputOf({ placed, height, fit });
  const basemap = getBasemap(input);
  return (
    <MapDrawing
      {...rest}
      points={placed}
      height={height}
      view={getMapView(input)}
      basemap={
        <>
          <path d={basemap.sphere} fill={SEA_FILL} />
          <path d={basemap.land} fill={LAND_FILL} />
          <path d={basemap.borders} {...BORDER_STYLE} />
        </>
      }
    />
  );
}
