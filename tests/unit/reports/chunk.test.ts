import { describe, expect, it } from "vitest";
import { flowPages, type TFlowBlock } from "@/lib/reports/chunk";

describe("flowPages", () => {
  it("flows blocks into pages: capacity, headings kept with the next block, heads repeated", () => {
    const b = (key: string, height: number, extra: Partial<TFlowBlock<string>> = {}) => ({
      key,
      height,
      node: key,
      ...extra,
    });
    const again = [b("head-again", 10)];
    const rows = Array.from({ length: 30 }, (_, i) =>
      b(`r${i}`, (i % 3) + 4, { continued: again }),
    );
    const pages = flowPages({
      capacity: 50,
      sections: [[b("h", 10, { keepWithNext: true }), ...rows], [b("next-section", 5)]],
    });
    const keys = pages.map((p) => p.map((x) => x.key));
    // Every row once, in order; the last section on a page of its own.
    expect(keys.flat().filter((k) => k.startsWith("r"))).toEqual(rows.map((r) => r.key));
    expect(keys.at(-1)).toEqual(["next-section"]);
    for (const p of pages) expect(p.reduce((n, x) => n + x.height, 0)).toBeLessThanOrEqual(50);
    // Continuation pages start with the repeated head; the first with the heading.
    expect(keys[0]?.[0]).toBe("h");
    for (const p of keys.slice(1, -1)) expect(p[0]).toMatch(/^head-again@/);
    // A heading that would end a page moves to the next one with its block.
    const moved = flowPages({
      capacity: 20,
      sections: [[b("a", 12), b("h2", 5, { keepWithNext: true }), b("body", 6)]],
    });
    expect(moved.map((p) => p.map((x) => x.key))).toEqual([["a"], ["h2", "body"]]);
  });
});
