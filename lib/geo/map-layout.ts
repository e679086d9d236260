import { MAP_WIDTH } from "@/lib/geo/map-projection";

// Points closer than this on the map are one group: their markers fan out around the spot
// (so a backup in the primary's building does not hide the primary) and share one label.
const MERGE_PX = 10;
// Average glyph width of the 15px label font, to tell whether a label fits beside its point.
const APPROX_CHAR_PX = 8;
// Kept clear at the drawing's left and right edges.
const EDGE_PX = 4;

type TXY = { id: string; label: string; x: number; y: number };
export type TMapLabel = {
  key: string;
  text: string;
  x: number;
  y: number;
  anchor: "start" | "end";
};

export type TLayoutPointsInput<T extends TXY> = { points: readonly T[] };

export function layoutPoints<T extends TXY>({ points }: TLayoutPointsInput<T>) {
  const groups: { members: T[]; x: number; y: number }[] = [];
  for (const p of points) {
    const near = groups.find((g) => Math.hypot(g.x - p.x, g.y - p.y) < MERGE_PX);
    if (near) near.members.push(p);
    else groups.push({ members: [p], x: p.x, y: p.y });
  }
  const markers: T[] = [];
  const labels: TMapLabel[] = [];
  for (const g of groups) {
    const k = g.members.length;
    // Enough room on the ring for k markers about 13 units across.
    const ring = k === 1 ? 0 : Math.min(40, Math.max(8, (k * 14) / (2 * Math.PI)));
    g.members.forEach((m, j) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * j) / k;
      markers.push({ ...m, x: g.x + ring * Math.cos(angle), y: g.y + ring * Math.sin(angle) });
    });
    const offset = ring + 10;
    const { text, anchor } = placeLabel({
      text: [...new Set(g.members.map((m) => m.label))].join(", "),
      x: g.x,
      offset,
    });
    labels.push({
      key: g.members.map((m) => m.id).join("+"),
      text,
      x: anchor === "start" ? g.x + offset : g.x - offset,
      y: g.y + 4,
      anchor,
    });
  }
  return { markers, labels };
}

/**
 * A label goes right of its point, else left; when neither side holds it (a long name, or
 * several merged, near the middle of the map) it is shortened on the roomier side rather than
 * cut off by the drawing's edge. The full names stay in each marker's title and in the list
 * that accompanies the map.
 */
export function placeLabel({ text, x, offset }: { text: string; x: number; offset: number }) {
  const width = text.length * APPROX_CHAR_PX;
  const right = MAP_WIDTH - EDGE_PX - (x + offset);
  const left = x - offset - EDGE_PX;
  if (width <= right) return { text, anchor: "start" as const };
  if (width <= left) return { text, anchor: "end" as const };
  const room = Math.max(right, left);
  const chars = Math.max(1, Math.floor(room / APPROX_CHAR_PX) - 1);
  return {
    text: `${text.slice(0, chars).trimEnd()}…`,
    anchor: right >= left ? ("start" as const) : ("end" as const),
  };
}
