// Kinds differ by shape as well as colour, so the map still reads in greyscale or for
// colour-blind readers.

export const DEFAULT_KIND_COLORS: Readonly<Record<string, string>> = {
  primary: "#4338ca", // indigo-700
  secondary: "#0f766e", // teal-700
  backup: "#b45309", // amber-700
  processing: "#be185d", // pink-700
};
export const FALLBACK_COLOR = "#475569"; // slate-600

type TShape = "circle" | "square" | "diamond" | "triangle";
const SHAPES: Readonly<Record<string, TShape>> = {
  primary: "circle",
  secondary: "square",
  backup: "diamond",
  processing: "triangle",
};

export type TMarkerSymbolProps = { kind: string; color: string; x: number; y: number; r?: number };

/** A marker centred on (x, y), about 2r across. */
export function MarkerSymbol({ kind, color, x, y, r = 7 }: TMarkerSymbolProps) {
  const common = { fill: color, stroke: "#ffffff", strokeWidth: 1.5 };
  switch (SHAPES[kind] ?? "circle") {
    case "square":
      return (
        <rect x={x - r * 0.85} y={y - r * 0.85} width={r * 1.7} height={r * 1.7} {...common} />
      );
    case "diamond":
      return (
        <path
          d={`M${x},${y - r * 1.2}L${x + r},${y}L${x},${y + r * 1.2}L${x - r},${y}Z`}
          {...common}
        />
      );
    case "triangle":
      return (
        <path
          d={`M${x},${y - r * 1.2}L${x + r * 1.1},${y + r * 0.8}L${x - r * 1.1},${y + r * 0.8}Z`}
          {...common}
        />
      );
    default:
      return <circle cx={x} cy={y} r={r} {...common} />;
  }
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
