import { type GeoProjection, geoCircle, geoEqualEarth, geoInterpolate, geoPath } from "d3-geo";
import type { Feature } from "geojson";

// Where the world map looks: its projection, fitted to the whole globe or to the points, and
// the great-circle arcs. No atlas here: the vendor portal draws its points and arcs with this in
// the browser over a basemap the server draws (lib/geo/map-geometry.ts, the basemap route),
// so the country shapes (world-atlas, ~40 KB gzip) never ship to the browser.

export const MAP_WIDTH = 960;

/** Bump when the fit below changes: basemap URLs carry it, so no cached drawing is reused. */
export const MAP_VIEW_VERSION = 1;

export type TLonLat = { lat: number; lon: number };

// Around each point: fitting to circles, not bare points, keeps one site (or two close ones)
// from zooming in to street level. 2 degrees (~220 km): sites a few hundred km apart fill the
// map instead of sitting in the middle of a continent.
const FOCUS_RADIUS_DEG = 2;
const PAD = 24;

/** The most focus points a view is fitted to (a sites answer holds at most 200). */
export const MAX_FOCUS_POINTS = 200;

export type TMapView = {
  projection: GeoProjection;
  height: number;
  /** The focus points rounded to whole degrees, each once, in order: what the fit used. */
  focus: TLonLat[];
  /** `height|lat,lon;lat,lon…`: the same key, the same view (and basemap). */
  key: string;
};

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

// Keyed like the basemaps: typing a coordinate's decimals re-fits nothing.
const views = new Map<string, TMapView>();
const VIEW_CACHE_SIZE = 24;

export type TGetMapViewInput = { height: number; focus?: readonly TLonLat[] };

/** The projection of a map `height` high: the whole globe, or zoomed to `focus` points. */
export function getMapView({ height, focus = [] }: TGetMapViewInput): TMapView {
  // Whole degrees are plenty to frame circles 2 degrees in radius (a point stays inside its own).
  const rounded = new Map<string, TLonLat>();
  for (const p of focus) {
    // `|| 0`: no -0, which the key writes as 0 (a parsed key gives back the very same points).
    const r = { lat: Math.round(p.lat) || 0, lon: Math.round(p.lon) || 0 };
    rounded.set(`${r.lat},${r.lon}`, r);
  }
  const key = `${height}|${[...rounded.keys()].join(";")}`;
  const cached = views.get(key);
  if (cached) return cached;
  const box: [[number, number], [number, number]] = [
    [PAD, PAD],
    [MAP_WIDTH - PAD, height - PAD],
  ];
  const points = [...rounded.values()];
  const view: TMapView = {
    projection:
      points.length === 0
        ? geoEqualEarth().fitExtent(box, { type: "Sphere" })
        : projectFocus(points, box),
    height,
    focus: points,
    key,
  };
  if (views.size >= VIEW_CACHE_SIZE) {
    const oldest = views.keys().next().value;
    if (oldest !== undefined) views.delete(oldest);
  }
  views.set(key, view);
  return view;
}

/** The view a key names (as getMapView gave it), or null when the key is not one. */
export function parseMapViewKey(key: string): TGetMapViewInput | null {
  const m = /^(\d{2,4})\|((?:-?\d{1,3},-?\d{1,3})(?:;-?\d{1,3},-?\d{1,3})*)?$/.exec(key);
  if (!m) return null;
  const height = Number(m[1]);
  if (height < 100 || height > 2000) return null;
  const focus = (m[2] ? m[2].split(";") : []).map((pair) => {
    const [lat, lon] = pair.split(",").map(Number) as [number, number];
    return { lat, lon };
  });
  if (focus.length > MAX_FOCUS_POINTS) return null;
  if (focus.some((p) => Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180)) return null;
  return { height, focus };
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
