import { type ReactNode, useId } from "react";
import { MapLabels } from "@/components/geo/map-layout";
import { MapLegend, MarkerSymbol } from "@/components/geo/map-symbols";
import { layoutPoints } from "@/lib/geo/map-layout";
import {
  MAP_WIDTH,
  projectArc,
  type TGetMapViewInput,
  type TMapView,
} from "@/lib/geo/map-projection";
import { ARC_STYLE, DEFAULT_KIND_COLORS, FALLBACK_COLOR } from "@/lib/geo/map-style";

export type TMapPoint = { id: string; label: string; lat: number; lon: number; kind: string };
export type TMapLink = { from: string; to: string; label: string };

export type TWorldMapProps = {
  points: readonly TMapPoint[];
  /** Great-circle arcs between point ids, each labelled (e.g. with its distance). */
  links?: readonly TMapLink[];
  /** Accessible name of the map. */
  title: string;
  /** Height of the drawing in map units; the width is 960 and the map scales to its box. */
  height?: number;
  /** kind → CSS colour, over the defaults for primary, secondary, backup and processing. */
  colors?: Readonly<Record<string, string>>;
  /** kind → legend text; the kind itself, capitalised, by default. */
  kindLabels?: Readonly<Record<string, string>>;
  /** "world" shows the whole globe; "points" zooms to the points (the whole globe when none). */
  fit?: "world" | "points";
  /** Name each point on the map; by default only when there are 12 points or fewer. */
  showLabels?: boolean;
};

export const DEFAULT_HEIGHT = 480;

export const isPlaced = (p: TMapPoint) =>
  Number.isFinite(p.lat) &&
  Number.isFinite(p.lon) &&
  Math.abs(p.lat) <= 90 &&
  Math.abs(p.lon) <= 180;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The view a map shows: the whole globe, or zoomed to its placed points. */
export const viewInputOf = (p: {
  placed: readonly TMapPoint[];
  height?: number;
  fit?: TWorldMapProps["fit"];
}): TGetMapViewInput => ({
  height: p.height ?? DEFAULT_HEIGHT,
  focus: p.fit === "points" ? p.placed : undefined,
});

/**
 * The world map's drawing (d3-geo Equal Earth) over a basemap drawn by the caller with the
 * same view: points coloured by kind, labelled arcs, legend and the list a screen reader reads.
 */
export function MapDrawing({
  points: placed,
  links = [],
  title,
  height = DEFAULT_HEIGHT,
  colors,
  kindLabels,
  showLabels,
  view,
  basemap,
}: Omit<TWorldMapProps, "fit"> & { view: TMapView; basemap: ReactNode }) {
  const titleId = useId();
  const { projection } = view;
  const colorOf = (kind: string) => colors?.[kind] ?? DEFAULT_KIND_COLORS[kind] ?? FALLBACK_COLOR;
  const labelOf = (kind: string) => kindLabels?.[kind] ?? capitalise(kind);
  const kinds = [...new Set(placed.map((p) => p.kind))];

  const projected = placed.flatMap((p) => {
    const xy = projection([p.lon, p.lat]);
    return xy ? [{ ...p, x: xy[0], y: xy[1] }] : [];
  });
  const byId = new Map(placed.map((p) => [p.id, p]));
  const arcs = links.flatMap((link) => {
    const from = byId.get(link.from);
    const to = byId.get(link.to);
    if (!from || !to) return [];
    return [{ ...link, key: `${link.from}→${link.to}`, ...projectArc({ projection, from, to }) }];
  });
  const { markers, labels } = layoutPoints({ points: projected });
  const labelled = showLabels ?? projected.length <= 12;

  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${height}`}
        className="block h-auto w-full rounded-md bg-sky-50 ring-1 ring-slate-200"
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{title}</title>
        {basemap}
        {arcs.map((arc) => (
          <path key={arc.key} d={arc.d} {...ARC_STYLE} />
        ))}
        {markers.map((p) => (
          <g key={p.id}>
            <title>{`${p.label} (${labelOf(p.kind)})`}</title>
            <MarkerSymbol kind={p.kind} color={colorOf(p.kind)} x={p.x} y={p.y} />
          </g>
        ))}
        {labelled && <MapLabels labels={labels} />}
        {arcs.map((arc) =>
          arc.mid ? (
            <text
              key={arc.key}
              x={arc.mid[0]}
              y={arc.mid[1] - 6}
              textAnchor="middle"
              className="fill-slate-800 text-[14px] font-semibold"
              stroke="#ffffff"
              strokeWidth={4}
              paintOrder="stroke"
            >
              {arc.label}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption>
        <MapLegend kinds={kinds} colorOf={colorOf} labelOf={labelOf} />
        <ul className="sr-only">
          {placed.map((p) => (
            <li key={p.id}>
              {`${p.label}: ${labelOf(p.kind)}, latitude ${p.lat}, longitude ${p.lon}`}
            </li>
          ))}
          {arcs.map((arc) => (
            <li key={arc.key}>
              {`${byId.get(arc.from)?.label} to ${byId.get(arc.to)?.label}: ${arc.label}`}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
