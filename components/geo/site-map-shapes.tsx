import type { ComponentType, ReactNode } from "react";
import { ARC_STYLE, BORDER_STYLE, LAND_FILL, MARKER_STROKE, markerPath } from "@/lib/geo/map-style";
import type { TSiteMapData } from "@/lib/reports/types";

// A site map drawn from precomputed geometry (lib/reports/site-map-data.ts) in the element
// vocabulary the caller passes: react-pdf's primitives for the PDF. (The print view draws the
// same map live, as the portal and the review page do: components/questionnaire/sites-overview.tsx.)

export type TMapPathProps = {
  d: string;
  fill: string;
  stroke?: string;
  strokeWidth?: number;
  strokeDasharray?: string;
};
export type TMapLabelProps = {
  x: number;
  y: number;
  anchor: "start" | "end";
  children: string;
};
export type TMapDistanceProps = { x: number; y: number; children: string };

export type TMapKit = {
  Path: ComponentType<TMapPathProps>;
  /** A place name beside its marker. */
  Label: ComponentType<TMapLabelProps>;
  /** An arc's distance, beside the arc's middle (x, y). */
  Distance: ComponentType<TMapDistanceProps>;
};

/** Land, borders, the arcs between sites, the markers, place names and distances. */
export function SiteMapShapes({ map, kit }: { map: TSiteMapData; kit: TMapKit }): ReactNode {
  const { Path, Label, Distance } = kit;
  return (
    <>
      <Path d={map.land} fill={LAND_FILL} />
      <Path d={map.borders} {...BORDER_STYLE} />
      {map.arcs.map((a) => (
        <Path key={a.d} d={a.d} {...ARC_STYLE} />
      ))}
      {map.markers.map((m) => (
        <Path key={m.id} d={markerPath(m.kind, m.x, m.y)} fill={m.color} {...MARKER_STROKE} />
      ))}
      {map.labels.map((l) => (
        <Label key={`${l.x},${l.y}`} x={l.x} y={l.y} anchor={l.anchor}>
          {l.text}
        </Label>
      ))}
      {map.arcs.map((a) =>
        a.mid ? (
          <Distance key={`t${a.d}`} x={a.mid[0]} y={a.mid[1]}>
            {a.label}
          </Distance>
        ) : null,
      )}
    </>
  );
}
