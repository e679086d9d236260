import { MARKER_STROKE, markerPath } from "@/lib/geo/map-style";

export type TMarkerSymbolProps = { kind: string; color: string; x: number; y: number; r?: number };

/** A marker centred on (x, y), about 2r across. */
export function MarkerSymbol({ kind, color, x, y, r = 7 }: TMarkerSymbolProps) {
  return <path d={markerPath(kind, x, y, r)} fill={color} {...MARKER_STROKE} />;
}

export type TMapLegendProps = {
  kinds: readonly string[];
  colorOf: (kind: string) => string;
  labelOf: (kind: string) => string;
};

export function MapLegend({ kinds, colorOf, labelOf }: TMapLegendProps) {
  if (kinds.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      {kinds.map((kind) => (
        <li key={kind} className="flex items-center gap-1.5">
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <MarkerSymbol kind={kind} color={colorOf(kind)} x={7} y={7} r={5} />
          </svg>
          {labelOf(kind)}
        </li>
      ))}
    </ul>
  );
}
