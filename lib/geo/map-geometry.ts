import { type GeoProjection, geoPath } from "d3-geo";
import type { FeatureCollection, MultiLineString } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";
import { getMapView, MAP_WIDTH, type TGetMapViewInput } from "./map-projection";
import { BORDER_STYLE, LAND_FILL, SEA_FILL } from "./map-style";

// The world map's basemap (land and borders), projected once per map shape, so a map of
// hundreds of points redraws only its markers. The atlas is bundled on the server (no tiles,
// nothing fetched at run time); the vendor portal gets its basemap as an SVG file drawn here.

export { MAP_WIDTH, projectArc, type TLonLat } from "./map-projection";

type TWorld = { land: FeatureCollection; borders: MultiLineString };
let world: TWorld | undefined;

function getWorld(): TWorld {
  if (!world) {
    const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
    world = {
      land: feature(topology, topology.objects.countries) as FeatureCollection,
      borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
    };
  }
  return world;
}

export type TMapBasemap = {
  projection: GeoProjection;
  land: string;
  borders: string;
  sphere: string;
};

// Keyed by height and the rounded focus points: typing a coordinate's decimals, or editing
// anything else, reuses the basemap instead of re-projecting every country (~100 ms).
const basemaps = new Map<string, TMapBasemap>();
const BASEMAP_CACHE_SIZE = 24;

function drawBasemap(projection: GeoProjection, height: number, digits = 3): TMapBasemap {
  // Land and borders clipped to the frame (with a margin for the outline's stroke): a map
  // zoomed to a few sites otherwise carries the whole projected world, ~200 KB of path on
  // every page. The projection given back is unclipped (points, arcs).
  const { land, borders } = getWorld();
  projection.clipExtent([
    [-4, -4],
    [MAP_WIDTH + 4, height + 4],
  ]);
  const clipped = geoPath(projection).digits(digits);
  const drawn = { land: clipped(land) ?? "", borders: clipped(borders) ?? "" };
  projection.clipExtent(null);
  const sphere = geoPath(projection).digits(digits)({ type: "Sphere" }) ?? "";
  return { projection, ...drawn, sphere };
}

/** The projected world: the whole globe, or zoomed to `focus` points when given. */
export function getBasemap(input: TGetMapViewInput): TMapBasemap {
  const view = getMapView(input);
  const cached = basemaps.get(view.key);
  if (cached) return cached;
  const basemap = drawBasemap(view.projection, view.height);
  if (basemaps.size >= BASEMAP_CACHE_SIZE) {
    const oldest = basemaps.keys().next().value;
    if (oldest !== undefined) basemaps.delete(oldest);
  }
  basemaps.set(view.key, basemap);
  return basemap;
}

/**
 * The basemap of a view as a standalone SVG document (sea, land, borders), for an <image> under
 * the points the browser draws with the same view (components/geo/linked-world-map.tsx). One
 * decimal: a tenth of a map unit is below a pixel at any size the page shows the map.
 */
export function renderBasemapSvg(input: TGetMapViewInput): string {
  const view = getMapView(input);
  // A projection of its own: drawBasemap sets and clears its clip extent.
  const { land, borders, sphere } = drawBasemap(view.projection.clipExtent(null), view.height, 1);
  const h = view.height;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${h}" width="${MAP_WIDTH}" height="${h}">`,
    `<path d="${sphere}" fill="${SEA_FILL}"/>`,
    `<path d="${land}" fill="${LAND_FILL}"/>`,
    `<path d="${borders}" fill="${BORDER_STYLE.fill}" stroke="${BORDER_STYLE.stroke}" stroke-width="${BORDER_STYLE.strokeWidth}"/>`,
    "</svg>",
  ].join("");
}
