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

/** The outline of a kind's marker centred on (x, y), about 2r across, as an SVG path. */
export function markerPath(kind: string, x: number, y: number, r = 7): string {
  switch (SHAPES[kind] ?? "circle") {
    case "square": {
      const h = r * 0.85;
      return `M${x - h},${y - h}h${2 * h}v${2 * h}h${-2 * h}Z`;
    }
    case "diamond":
      return `M${x},${y - r * 1.2}L${x + r},${y}L${x},${y + r * 1.2}L${x - r},${y}Z`;
    case "triangle":
      return `M${x},${y - r * 1.2}L${x + r * 1.1},${y + r * 0.8}L${x - r * 1.1},${y + r * 0.8}Z`;
    default:
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
  }
}

/** How the maps draw sea, land, borders and the dashed arc between two sites, everywhere. */
export const SEA_FILL = "#f0f9ff";
export const LAND_FILL = "#e2e8f0";
export const BORDER_STYLE = { fill: "none", stroke: "#ffffff", strokeWidth: 0.75 } as const;
export const ARC_STYLE = {
  fill: "none",
  stroke: "#334155",
  strokeWidth: 1.5,
  strokeDasharray: "5 4",
} as const;

/** How every marker is outlined, on screen, in print and in the PDF. */
export const MARKER_STROKE = { stroke: "#ffffff", strokeWidth: 1.5 } as const;
