import { describe, expect, it } from "vitest";
import {
  describeDistanceTable,
  listDistancePairs,
  MAX_TOO_CLOSE_PAIRS,
} from "@/lib/geo/distance-pairs";
import { distanceKm } from "@/lib/rules/geo";
import type { TSite } from "@/lib/rules/types";
import { buildManySites } from "../../helpers/sites";

const site = (patch: Partial<TSite> & Pick<TSite, "id" | "role" | "lat" | "lon">): TSite => ({
  name: patch.id,
  provider: "P",
  city: "C",
  country: "DE",
  ...patch,
});

const twoHundredSites = () => buildManySites({ count: 200 });

const key = (a: number, b: number) => `${a}-${b}`;

describe("listDistancePairs", () => {
  it("lists each primary's nearest secondary and nearest backup", () => {
    const p = site({ id: "p", role: "primary", lat: 50.11, lon: 8.68 });
    const near = site({ id: "near", role: "secondary", lat: 48.14, lon: 11.58 }); // Munich
    const far = site({ id: "far", role: "secondary", lat: 53.33, lon: -6.25 }); // Dublin
    const vault = site({ id: "vault", role: "backup", lat: 47.37, lon: 8.54 }); // Zürich
    const other = site({ id: "other", role: "processing", lat: 50.2, lon: 8.7 });
    const { rows, omittedTooClose, allPairs } = listDistancePairs({
      sites: [p, near, far, vault, other],
      minSeparationKm: 100,
    });
    expect(allPairs).toBe(10);
    expect(omittedTooClose).toBe(0);
    const byB = new Map(rows.map((r) => [r.b.id, r]));
    expect([...byB.keys()].sort()).toEqual(["near", "vault"]);
    expect(byB.get("near")?.reasons).toEqual(["nearest-secondary"]);
    expect(byB.get("vault")?.reasons).toEqual(["nearest-backup"]);
    expect(byB.get("near")?.km).toBeCloseTo(304, 0);
    expect(rows.every((r) => r.a.id === "p" && !r.tooClose)).toBe(true);
  });

  it("counts a site named in backup_site_ids as a backup and a same-place pair as 0 km", () => {
    const p = site({ id: "p", role: "primary", lat: 50.11, lon: 8.68, facility: "FR5" });
    const s = site({ id: "s", role: "secondary", lat: 52.52, lon: 13.4, facility: " fr5 " });
    const { rows } = listDistancePairs({ sites: [p, s], minSeparationKm: 100, backupIds: ["s"] });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ samePlace: "facility", tooClose: true });
    expect(rows[0]?.reasons.sort()).toEqual(["nearest-backup", "nearest-secondary", "too-close"]);
  });

  it("shows a pair without coordinates as unknown rather than dropping it", () => {
    const p = site({ id: "p", role: "primary", lat: 50.11, lon: 8.68 });
    const typing = site({ id: "s", role: "secondary", lat: Number.NaN, lon: Number.NaN });
    const { rows } = listDistancePairs({ sites: [p, typing], minSeparationKm: 100 });
    expect(rows).toHaveLength(1);
    expect(Number.isNaN(rows[0]?.km)).toBe(true);
    expect(rows[0]?.tooClose).toBe(false);
  });

  it("gives 200 sites far fewer rows than 19,900, with every too-close pair present", () => {
    const sites = twoHundredSites();
    const minSeparationKm = 100;
    const { rows, omittedTooClose, allPairs } = listDistancePairs({ sites, minSeparationKm });
    expect(allPairs).toBe(19_900);
    // Every primary–secondary/backup pair under the separation, worked out the long way.
    const expected = new Set<string>();
    sites.forEach((a, i) => {
      if (a.role !== "primary") return;
      sites.forEach((b, j) => {
        if (b.role !== "secondary" && b.role !== "backup") return;
        if (distanceKm({ from: a, to: b }) < minSeparationKm) expected.add(key(i, j));
      });
    });
    expect(expected.size).toBeGreaterThan(50);
    const listed = new Set(rows.filter((r) => r.tooClose).map((r) => key(r.aIndex, r.bIndex)));
    expect(listed).toEqual(expected);
    expect(omittedTooClose).toBe(0);
    const primaries = sites.filter((s) => s.role === "primary").length;
    expect(rows.length).toBeLessThanOrEqual(2 * primaries + expected.size);
    expect(rows.length).toBeLessThan(400);
    // Each primary has its nearest secondary, and it is the nearest one.
    sites.forEach((a, i) => {
      if (a.role !== "primary") return;
      const row = rows.find((r) => r.aIndex === i && r.reasons.includes("nearest-secondary"));
      const best = Math.min(
        ...sites.filter((b) => b.role === "secondary").map((b) => distanceKm({ from: a, to: b })),
      );
      expect(row?.km).toBeCloseTo(best, 6);
    });
  });

  it("caps too-close pairs when every site is in one place and says how many are left out", () => {
    const sites = Array.from({ length: 200 }, (_, i) =>
      site({
        id: `s${i}`,
        role: i % 2 ? "secondary" : "primary",
        lat: 50 + i * 0.001,
        lon: 8,
      }),
    );
    const { rows, omittedTooClose } = listDistancePairs({ sites, minSeparationKm: 100 });
    // 100 primaries × 100 secondaries, all too close.
    expect(rows.filter((r) => r.tooClose).length + omittedTooClose).toBe(10_000);
    expect(rows.length).toBeLessThanOrEqual(100 + MAX_TOO_CLOSE_PAIRS);
    // The closest are the ones kept.
    const listedMax = Math.max(...rows.map((r) => (r.samePlace ? 0 : r.km)));
    expect(listedMax).toBeLessThan(1);
  });

  it("lists nothing but the nearest pairs without a required separation", () => {
    const sites = twoHundredSites();
    const { rows } = listDistancePairs({ sites });
    expect(rows.every((r) => !r.tooClose && !r.reasons.includes("too-close"))).toBe(true);
    expect(rows.length).toBeLessThanOrEqual(80);
  });
});

describe("describeDistanceTable", () => {
  it("says what is listed, how many of all pairs, and how many too-close pairs are left out", () => {
    const text = describeDistanceTable({
      table: { rows: new Array(192), omittedTooClose: 0, allPairs: 19_900 },
      minSeparationKm: 50,
    });
    expect(text).toBe(
      "Each primary's nearest secondary and nearest backup, and every primary–secondary or primary–backup pair under the 50 km required (192 of the 19,900 pairs of sites).",
    );
    expect(
      describeDistanceTable({
        table: { rows: new Array(500), omittedTooClose: 9600, allPairs: 19_900 },
      }),
    ).toMatch(
      /pairs of sites\)\. 9,600 more pairs are too close and not listed; the closest are\.$/,
    );
  });
});
