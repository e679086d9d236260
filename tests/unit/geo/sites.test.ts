import { describe, expect, it } from "vitest";
import { buildCityIndex, queryCityIndex } from "@/lib/geo/city-index";
import { listDistancePairs } from "@/lib/geo/distance-pairs";
import { formatDistanceKm } from "@/lib/geo/distance-text";
import { normalizePlaceName } from "@/lib/geo/normalize";
import { validateSites } from "@/lib/geo/site-errors";
import { buildSiteMap } from "@/lib/geo/site-map";
import type { TSite } from "@/lib/rules/types";

const site = (patch: Partial<TSite> & Pick<TSite, "id" | "role" | "lat" | "lon">): TSite => ({
  name: patch.id,
  provider: "P",
  city: "C",
  country: "DE",
  ...patch,
});

const frankfurt = site({
  id: "site-1",
  role: "primary",
  lat: 50.11552,
  lon: 8.68417,
  facility: "FR5",
});
const dublin = site({
  id: "site-2",
  role: "secondary",
  lat: 53.33306,
  lon: -6.24889,
  country: "IE",
});
const vault = site({ id: "site-3", role: "backup", lat: 50.2, lon: 8.9, facility: " fr5 " });

describe("formatDistanceKm", () => {
  it("shows one decimal under 10 km and whole km above", () => {
    expect(formatDistanceKm({ km: 0.04 })).toBe("0.0 km");
    expect(formatDistanceKm({ km: 9.94 })).toBe("9.9 km");
    expect(formatDistanceKm({ km: 9.96 })).toBe("10 km");
    expect(formatDistanceKm({ km: 1087.4 })).toBe("1,087 km");
    expect(formatDistanceKm({ km: Number.NaN })).toBe("unknown");
  });
});

describe("normalizePlaceName", () => {
  it("folds case, accents, special letters and punctuation", () => {
    expect(normalizePlaceName({ text: "São Paulo" })).toBe("sao paulo");
    expect(normalizePlaceName({ text: "Aix-en-Provence" })).toBe("aix en provence");
    expect(normalizePlaceName({ text: "Łódź" })).toBe("lodz");
    expect(normalizePlaceName({ text: "Großbeeren" })).toBe("grossbeeren");
  });
});

describe("queryCityIndex", () => {
  const index = buildCityIndex({
    cities: [
      { name: "Bb", country: "US", lat: 0, lon: 0, population: 5 },
      { name: "Ab", country: "US", lat: 0, lon: 0, population: 1 },
      { name: "Abc", country: "FR", lat: 0, lon: 0, population: 3 },
      { name: "Abd", country: "US", lat: 0, lon: 0, population: 2 },
    ],
  });
  it("keeps the most populous prefix matches, in order", () => {
    const names = queryCityIndex({ index, prefix: "ab", limit: 2 }).map((c) => c.name);
    expect(names).toEqual(["Abc", "Abd"]);
    const us = queryCityIndex({ index, prefix: "ab", country: "US", limit: 5 }).map((c) => c.name);
    expect(us).toEqual(["Abd", "Ab"]);
    expect(queryCityIndex({ index, prefix: "z", limit: 5 })).toEqual([]);
  });
});

const pairsOf = (input: Parameters<typeof listDistancePairs>[0]) => listDistancePairs(input).rows;

describe("listDistancePairs on the editor's sites", () => {
  it("measures the primary's pairs and marks same place and too-close pairs", () => {
    const rows = pairsOf({ sites: [frankfurt, dublin, vault], minSeparationKm: 1200 });
    // Closest first: the same-facility backup (0 km as the rules judge it), then Dublin.
    expect(rows.map((r) => [r.a.id, r.b.id])).toEqual([
      ["site-1", "site-3"],
      ["site-1", "site-2"],
    ]);
    expect(Math.round(rows[1]!.km)).toBe(1087);
    expect(rows[1]).toMatchObject({ samePlace: null, tooClose: true });
    expect(rows[0]).toMatchObject({ samePlace: "facility", tooClose: true });
    expect(pairsOf({ sites: [frankfurt, dublin] })[0]!.tooClose).toBe(false);
  });

  it("treats a same-place primary and secondary as 0 km apart, and waits for coordinates", () => {
    const twin = site({ id: "t", role: "secondary", lat: 50.1156, lon: 8.6842 });
    const [row] = pairsOf({ sites: [frankfurt, twin], minSeparationKm: 0.5 });
    expect(row).toMatchObject({ samePlace: "distance", tooClose: true });
    const blank = site({ id: "b", role: "secondary", lat: Number.NaN, lon: 8 });
    const [pending] = pairsOf({ sites: [frankfurt, blank], minSeparationKm: 100 });
    expect(pending).toMatchObject({ samePlace: null, tooClose: false });
    expect(pending!.km).toBeNaN();
  });
});

describe("validateSites", () => {
  it("names the site and field in plain words", () => {
    const errors = validateSites({
      sites: [frankfurt, { ...dublin, lat: 95, lon: Number.NaN, country: "UK" }],
    });
    expect(errors).toEqual({
      "sites[1].lat": "Site 2 latitude: a number from -90 to 90",
      "sites[1].lon": "Site 2 longitude: a number from -180 to 180",
      "sites[1].country":
        "Site 2 country: an ISO 3166-1 alpha-2 country code in capitals, such as GB or DE",
    });
    expect(validateSites({ sites: [frankfurt, dublin] })).toEqual({});
  });

  it("reports duplicate ids", () => {
    const errors = validateSites({ sites: [frankfurt, { ...dublin, id: "site-1" }] });
    expect(errors["sites[1].id"]).toMatch(/^Site 2 id: an id no other site uses/);
  });
});

describe("buildSiteMap", () => {
  it("links each secondary and backup to its nearest primary, except the same place", () => {
    const amsterdam = site({ id: "site-4", role: "backup", lat: 52.37403, lon: 4.88969 });
    const pending = site({ id: "site-5", role: "backup", lat: Number.NaN, lon: 0, name: "" });
    const { points, links } = buildSiteMap({
      sites: [frankfurt, dublin, vault, amsterdam, pending],
    });
    expect(points.map((p) => p.id)).toEqual(["site-1", "site-2", "site-3", "site-4"]);
    expect(links).toEqual([
      { from: "site-1", to: "site-2", label: "1,087 km" },
      { from: "site-1", to: "site-4", label: "364 km" },
    ]);
  });
});

describe("sites saved before their coordinates were typed", () => {
  it("never calls two sites without coordinates the same place (null is not 0 degrees)", () => {
    const a = { ...frankfurt, facility: undefined, lat: null, lon: null } as unknown as TSite;
    const b = { ...dublin, lat: null, lon: null } as unknown as TSite;
    const [row] = pairsOf({ sites: [a, b], minSeparationKm: 100 });
    expect(row).toMatchObject({ samePlace: null, tooClose: false });
    expect(buildSiteMap({ sites: [a, b] })).toEqual({ points: [], links: [] });
  });
});
