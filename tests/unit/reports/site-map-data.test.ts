import { describe, expect, it } from "vitest";
import { buildSiteMapData, cropPath } from "@/lib/reports/site-map-data";

describe("site map geometry for the PDF", () => {
  it("drops only the subpaths wholly outside the frame", () => {
    const inside = "M10,10L50,10L50,50Z";
    const crossing = "M-40,20L30,20L30,-30Z";
    const outside = "M200,200L300,200L300,300Z";
    const left = "M-90,5L-20,5";
    const d = inside + outside + crossing + left;
    expect(cropPath({ d, width: 100, height: 80 })).toBe(inside + crossing);
    expect(cropPath({ d: "M1e2,5L1.5e2,6", width: 100, height: 80 })).toBe("M1e2,5L1.5e2,6");
  });

  it("keeps a regional map's land and borders small", () => {
    const map = buildSiteMapData({
      sites: [
        {
          id: "a",
          name: "A",
          role: "primary",
          provider: "",
          city: "",
          country: "DE",
          lat: 50.1,
          lon: 8.7,
        },
        {
          id: "b",
          name: "B",
          role: "backup",
          provider: "",
          city: "",
          country: "CH",
          lat: 47.4,
          lon: 8.5,
        },
      ],
    });
    expect(map).not.toBeNull();
    // The whole world's land is ~180 kB of path; Europe's share is a fraction of it.
    expect(map?.land.length).toBeGreaterThan(1000);
    expect(map?.land.length).toBeLessThan(60_000);
  });
});
