import { describe, expect, it } from "vitest";
import { layoutPoints } from "@/lib/geo/map-layout";
import { MAP_WIDTH } from "@/lib/geo/map-projection";

// Guards against site maps that cut off their labels at the drawing's edge: a label must lie
// within the map's width (measured with the layout's own glyph-width estimate, 8 units).
const CHAR = 8;
const extent = (l: { text: string; x: number; anchor: "start" | "end" }) =>
  l.anchor === "start" ? [l.x, l.x + l.text.length * CHAR] : [l.x - l.text.length * CHAR, l.x];

const LONG = "Frankfurt-Ost primary production data centre (Equinix FR5, hall 3), cage 12";

describe("layoutPoints keeps every label inside the drawing", () => {
  it("a short label sits right of its point, unchanged", () => {
    const { labels } = layoutPoints({ points: [{ id: "a", label: "Zürich", x: 300, y: 200 }] });
    expect(labels[0]).toMatchObject({ text: "Zürich", anchor: "start", x: 310 });
  });

  it("a label that does not fit on the right goes left of a point near the right edge", () => {
    const { labels } = layoutPoints({
      points: [{ id: "a", label: "Helsinki backup vault", x: MAP_WIDTH - 40, y: 200 }],
    });
    expect(labels[0]).toMatchObject({ text: "Helsinki backup vault", anchor: "end" });
  });

  for (const x of [MAP_WIDTH / 2 - 1, MAP_WIDTH / 2, MAP_WIDTH / 2 + 1]) {
    it(`a label too long for either side of x=${x} is shortened, not cut off`, () => {
      const { labels } = layoutPoints({ points: [{ id: "a", label: LONG, x, y: 200 }] });
      const [from, to] = extent(labels[0]!);
      expect(from).toBeGreaterThanOrEqual(0);
      expect(to).toBeLessThanOrEqual(MAP_WIDTH);
      expect(labels[0]!.text).toMatch(/^Frankfurt-Ost primary .*…$/);
    });
  }

  for (const x of [100, MAP_WIDTH - 100]) {
    it(`the same label beside a point at x=${x} fits whole on the roomier side`, () => {
      const { labels } = layoutPoints({ points: [{ id: "a", label: LONG, x, y: 200 }] });
      const [from, to] = extent(labels[0]!);
      expect(labels[0]!.text).toBe(LONG);
      expect(from).toBeGreaterThanOrEqual(0);
      expect(to).toBeLessThanOrEqual(MAP_WIDTH);
    });
  }

  it("the merged label of points in one place stays inside too", () => {
    const { labels } = layoutPoints({
      points: ["Primary hall A", "Secondary hall B", "Backup vault C", LONG].map((label, i) => ({
        id: `s${i}`,
        label,
        x: MAP_WIDTH / 2,
        y: 200,
      })),
    });
    expect(labels).toHaveLength(1);
    const [from, to] = extent(labels[0]!);
    expect(from).toBeGreaterThanOrEqual(0);
    expect(to).toBeLessThanOrEqual(MAP_WIDTH);
  });
});
