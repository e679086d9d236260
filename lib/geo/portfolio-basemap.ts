import { type GeoProjection, geoEqualEarth, geoPath } from "d3-geo";
import type { FeatureCollection, MultiLineString } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { PORTFOLIO_MAP } from "./portfolio-map-frame";

// The dashboard's world map is one fixed view, so its basemap (every country, ~60 KB of path)
// is drawn once, at build time, into a static SVG (app/(staff)/dashboard/world-map.svg), and
// each request draws only the site markers over it with the same projection.

const PAD = 12;
// Fitted to the inhabited latitudes (Antarctica cropped), widest at the equator.
const FIT_OUTLINE = {
  type: "MultiPoint" as const,
  coordinates: [-180, -90, 0, 90, 180].flatMap((lon) => [
    [lon, -56],
    [lon, 0],
    [lon, 83],
  ]),
};

let projection: GeoProjection | undefined;

/** Equal Earth, fitted to the map's box; the same for the basemap and the markers. */
export function portfolioProjection(): GeoProjection {
  projection ??= geoEqualEarth()
    .fitExtent(
      [
        [PAD, PAD],
        [PORTFOLIO_MAP.width - PAD, PORTFOLIO_MAP.height - PAD],
      ],
      FIT_OUTLINE,
    )
    .clipExtent([
      [0, 0],
      [PORTFOLIO_MAP.width, PORTFOLIO_MAP.height],
    ]);
  return projection;
}

/** [x, y] of a place on the map, or null when it is off the drawn area. */
export function projectPlace({ lat, lon }: { lat: number; lon: number }): [number, number] | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  const xy = portfolioProjection()([lon, lat]);
  if (!xy) return null;
  const [x, y] = xy;
  return x >= 0 && y >= 0 && x <= PORTFOLIO_MAP.width && y <= PORTFOLIO_MAP.height ? xy : null;
}

export type TBasemapInput = {
  topology: Topology<{ countries: GeometryCollection }>;
};

/** The basemap as a standalone SVG document: sea, land and country borders. */
export function renderPortfolioBasemap({ topology }: TBasemapInput): string {
  const path = geoPath(portfolioProjection()).digits(1);
  const land = feature(topology, topology.objects.countries) as FeatureCollection;
  const borders: MultiLineString = mesh(topology, topology.objects.countries, (a, b) => a !== b);
  const { width, height } = PORTFOLIO_MAP;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<rect width="${width}" height="${height}" fill="#f8fafc"/>`,
    `<path d="${path(land) ?? ""}" fill="#dde3ea"/>`,
    `<path d="${path(borders) ?? ""}" fill="none" stroke="#ffffff" stroke-width="0.75"/>`,
    "</svg>",
  ].join("");
}

export type TMapInset = {
  /** The area of the world map shown, in map units: x, y, width, height. */
  view: [number, number, number, number];
  /** Where the inset sits on the map, in map units: x, y, width, height. */
  box: [number, number, number, number];
};

// Europe holds most EU banks' vendors: at world scale its places overlap, so the map repeats
// them in an inset, bottom left over the Pacific, where the world map has no land.
const EUROPE = { west: -11, east: 32, south: 35, north: 62 };
const INSET_WIDTH = 250;
let europe: TMapInset | undefined;

/** The Europe inset's geometry (the same for every request). */
export function europeInset(): TMapInset {
  if (europe) return europe;
  const { west, east, south, north } = EUROPE;
  const edge = [west, (west + east) / 2, east].flatMap((lon) =>
    [south, (south + north) / 2, north].map((lat) => portfolioProjection()([lon, lat])),
  );
  const xs = edge.flatMap((p) => (p ? [p[0]] : []));
  const ys = edge.flatMap((p) => (p ? [p[1]] : []));
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  const [w, h] = [Math.max(...xs) - x, Math.max(...ys) - y];
  const boxH = Math.round((INSET_WIDTH * h) / w);
  europe = {
    view: [x, y, w, h].map((n) => Math.round(n * 10) / 10) as TMapInset["view"],
    box: [PAD, PORTFOLIO_MAP.height - PAD - boxH, INSET_WIDTH, boxH],
  };
  return europe;
}
