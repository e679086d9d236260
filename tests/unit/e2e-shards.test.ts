import path from "node:path";
import { describe, expect, it } from "vitest";
import { dealSpecs, listSpecs, SPEC_SECONDS, specSeconds } from "../e2e/shards";

// npm test deals the browser specs out to parallel Playwright processes: every spec must run
// exactly once, and the processes should finish close together.

describe("dealing e2e specs to parallel processes", () => {
  const specs = ["a.spec.ts", "b.spec.ts", "c.spec.ts", "d.spec.ts", "e.spec.ts"];

  it("runs every spec exactly once, whatever the number of processes", () => {
    for (const n of [1, 2, 3, 7]) {
      const groups = dealSpecs(specs, n, { "a.spec.ts": 50, "b.spec.ts": 10 });
      expect(groups).toHaveLength(n);
      expect(groups.flatMap((g) => g.specs).sort()).toEqual(specs);
    }
  });

  it("balances by measured seconds, longest first", () => {
    const groups = dealSpecs(specs, 2, {
      "a.spec.ts": 100,
      "b.spec.ts": 60,
      "c.spec.ts": 40,
      "d.spec.ts": 10,
      "e.spec.ts": 10,
    });
    expect(groups.map((g) => g.seconds).sort()).toEqual([110, 110]);
    expect(groups.find((g) => g.specs.includes("a.spec.ts"))?.specs).toEqual([
      "a.spec.ts",
      "d.spec.ts",
    ]);
  });

  it("counts a spec not yet measured as an average one", () => {
    const groups = dealSpecs(["x.spec.ts", "y.spec.ts", "new.spec.ts"], 2, {
      "x.spec.ts": 30,
      "y.spec.ts": 10,
    });
    expect(groups.map((g) => g.seconds).sort((a, b) => a - b)).toEqual([30, 30]);
  });

  it("reads seconds per spec file from a Playwright JSON report", () => {
    const result = (ms: number) => ({ tests: [{ results: [{ duration: ms }] }] });
    const report = {
      suites: [
        {
          file: "auth.spec.ts",
          specs: [result(1500)],
          suites: [{ specs: [result(2500)], suites: [{ specs: [result(1000)] }] }],
        },
        { file: "x.spec.ts", specs: [] },
      ],
    };
    expect(specSeconds(report)).toEqual({ "auth.spec.ts": 5, "x.spec.ts": 0 });
  });

  it("measures only specs that exist (a renamed spec's old figure would mislead the deal)", () => {
    const names = new Set(
      listSpecs(path.join(import.meta.dirname, "../e2e")).map((s) => path.basename(s)),
    );
    expect(Object.keys(SPEC_SECONDS).filter((s) => !names.has(s))).toEqual([]);
    expect(names.size).toBeGreaterThan(40);
  });
});
