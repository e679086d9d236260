import { type GeoProjection, geoCircle, geoEqualEarth, geoInterpolate, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiLineString } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";

// Geometry for the world map: projected once per map shape, so a map of hundreds of points
// redraws only its markers. The atlas is bundled (no tiles, nothing fetched at run time).

export const MAP_WIDTH = 960;

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

export type TLonLat = { lat: number; lon: number };
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

// Around each point: fitting to circles, not bare points, keeps one site (or two close ones)
// from zooming in to street level. 2 degrees (~220 km): sites a few hundred km apart fill the
// map instead of sitting in the middle of a continent.
const FOCUS_RADIUS_DEG = 2;
const PAD = 24;

function drawBasemap(projection: GeoProjection, height: number): TMapBasemap {
  // Land and borders clipped to the frame (with a margin for the outline's stroke): a map
  // zoomed to a few sites otherwise carries the whole projected world, ~200 KB of path on
  // every portal page. The projection given back is unclipped (points, arcs).
  const { land, borders } = getWorld();
  projection.clipExtent([
    [-4, -4],
    [MAP_WIDTH + 4, height + 4],
  ]);
  const clipped = geoPath(projection);
  const drawn = { land: clipped(land) ?? "", borders: clipped(borders) ?? "" };
  projection.clipExtent(null);
  return { projection, ...drawn, sphere: geoPath(projection)({ type: "Sphere" }) ?? "" };
}

function projectFocus(focus: readonly TLonLat[], box: [[number, number], [number, number]]) {
  const circles: Feature[] = focus.map((p) => ({
    type: "Feature",
    properties: {},
    geometry: geoCircle().center([p.lon, p.lat]).radius(FOCUS_RADIUS_DEG)(),
  }));
  // Centre the projection on the points so a Pacific or antimeridian set is not split.
  const [lon] = centreOf(focus);
  const projection = geoEqualEarth().rotate([-lon, 0]);
  return projection.fitExtent(box, { type: "FeatureCollection", features: circles });
}

export type TGetBasemapInput = { height: number; focus?: readonly TLonLat[] };

/** The projected world: the whole globe, or zoomed to `focus` points when given. */
export function getBasemap({ height, focus = [] }: TGetBasemapInput): TMapBasemap {
  // Whole degrees are plenty to frame circles 2 degrees in radius (a point stays inside its own).
  const rounded = new Map<string, TLonLat>();
  for (const p of focus) {
    const r = { lat: Math.round(p.lat), lon: Math.round(p.lon) };
    rounded.set(`${r.lat},${r.lon}`, r);
  }
  const key = `${height}|${[...rounded.keys()].join(";")}`;
  const cached = basemaps.get(key);
  if (cached) return cached;
  const box: [[number, number], [number, number]] = [
    [PAD, PAD],
    [MAP_WIDTH - PAD, height - PAD],
  ];
  const basemap = drawBasemap(
    rounded.size === 0
      ? geoEqualEarth().fitExtent(box, { type: "Sphere" })
      : projectFocus([...rounded.values()], box),
    height,
  );
  if (basemaps.size >= BASEMAP_CACHE_SIZE) {
    const oldest = basemaps.keys().next().value;
    if (oldest !== undefined) basemaps.delete(oldest);
  }
  basemaps.set(key, basemap);
  return basemap;
}

function centreOf(points: readonly TLonLat[]): [number, number] {
  // Mean of unit vectors: the longitudes 179 and -179 average to 180, not 0.
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += Math.cos((p.lon * Math.PI) / 180);
    y += Math.sin((p.lon * Math.PI) / 180);
  }
  const lat = points.reduce((sum, p) => sum + p.lat, 0) / points.length;
  return [(Math.atan2(y, x) * 180) / Math.PI, lat];
}

export type TProjectArcInput = { projection: GeoProjection; from: TLonLat; to: TLonLat };

/** The great-circle arc between two points as an SVG path, and where to put its label. */
export function projectArc({ projection, from, to }: TProjectArcInput) {
  const a: [number, number] = [from.lon, from.lat];
  const b: [number, number] = [to.lon, to.lat];
  const d = geoPath(projection)({ type: "LineString", coordinates: [a, b] }) ?? "";
  const mid = projection(geoInterpolate(a, b)(0.5));
  return { d, mid: mid ?? null };
}
