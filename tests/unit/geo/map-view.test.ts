import { describe, expect, it } from "vitest";
import { getBasemap, renderBasemapSvg } from "@/lib/geo/map-geometry";
import { getMapView, parseMapViewKey } from "@/lib/geo/map-projection";

// The portal draws its points in the browser over a basemap file the server draws for the
// view's key: the key must bring back the same view, and nothing else may pass for one.
describe("map views", () => {
  const focus = [
    { lat: 51.507, lon: -0.128 },
    { lat: 50.11, lon: 8.68 },
    { lat: 51.6, lon: -0.3 }, // rounds to London's whole degrees: one focus point
  ];

  it("a view's key brings back the same projection", () => {
    const view = getMapView({ height: 420, focus });
    expect(view.key).toBe("420|52,0;50,9");
    const parsed = parseMapViewKey(view.key);
    expect(parsed).toEqual({ height: 420, focus: view.focus });
    const again = getMapView({ height: 420, focus: parsed?.focus });
    expect(again.projection([8.68, 50.11])).toEqual(view.projection([8.68, 50.11]));
    expect(parseMapViewKey("480|")).toEqual({ height: 480, focus: [] });
  });

  it("refuses what is not a view", () => {
    for (const key of [
      "",
      "420",
      "420|91,0",
      "420|0,181",
      "5|0,0",
      "420|1.5,2",
      "420|0,0;",
      `420|${Array.from({ length: 201 }, (_, i) => `${i % 90},${i % 180}`).join(";")}`,
    ]) {
      expect(parseMapViewKey(key), key).toBeNull();
    }
  });

  it("the basemap file draws the same land as the inline map, at one decimal", () => {
    const svg = renderBasemapSvg({ height: 420, focus });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 960 420"/);
    const land = /<path d="([^"]+)" fill="#e2e8f0"\/>/.exec(svg)?.[1] ?? "";
    expect(land).toMatch(/^M-?\d+(\.\d)?,/);
    expect(land).not.toMatch(/\.\d\d/);
    const inline = getBasemap({ height: 420, focus }).land;
    // The same outlines: as many moves (rings) in both.
    expect(land.split("M").length).toBe(inline.split("M").length);
  });
});
