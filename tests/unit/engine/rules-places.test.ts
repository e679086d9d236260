import { describe, expect, it } from "vitest";
import { codes, flagOf, north, run, severityOf, site } from "@/tests/unit/engine/helpers";

// Contract 1.1, clarified: sites linked by a chain of same-place pairs are one place, so the
// count of places never depends on the order of the list; a shared facility makes two sites
// one place however far apart their coordinates say they are.

const P = site("p", "primary", 48, 7);
const at = (km: number) => north(48, km);
const none = { backup_site_ids: [] };

describe("places are taken transitively", () => {
  // p — x 0.8 km — s 1.6 km: p and s are not a same-place pair, but one place by the chain.
  const chain = [P, site("x", "processing", at(0.8), 7), site("s", "secondary", at(1.6), 7)];

  it("SINGLE_SITE: the count of places does not depend on the order of the list", () => {
    const orders = [
      chain,
      [chain[2]!, chain[0]!, chain[1]!],
      [chain[0]!, chain[2]!, chain[1]!],
      [chain[2]!, chain[1]!, chain[0]!],
    ];
    for (const sites of orders) {
      const ids = sites.map((s) => s.id).join(",");
      expect(severityOf({ set: { sites, ...none } }, "SINGLE_SITE"), ids).toBe("critical");
    }
    // Without the middle site, p and s are 1.6 km apart: two places.
    const apart = [P, chain[2]!];
    expect(severityOf({ set: { sites: apart, ...none } }, "SINGLE_SITE")).toBeNull();
  });

  it("SITE_SEPARATION_INSUFFICIENT is critical for a secondary joined to the primary by a chain", () => {
    const flag = flagOf(run({ set: { sites: chain, ...none } }), "SITE_SEPARATION_INSUFFICIENT");
    expect(flag?.severity).toBe("critical");
    expect(flag?.detail).toContain("linked through Site x");
    // The same layout without the link is only too close (high).
    const apart = [P, chain[2]!];
    expect(severityOf({ set: { sites: apart, ...none } }, "SITE_SEPARATION_INSUFFICIENT")).toBe(
      "high",
    );
  });

  it("facility chains count too: A and B share one facility, B and C another", () => {
    const sites = [
      site("p", "primary", 48, 7, { facility: "Campus-1" }),
      site("x", "processing", 30, 7, { facility: "Campus-1 " }),
      site("y", "processing", 30, 7.001),
      site("s", "secondary", 10, 7, { facility: "Far" }),
      site("t", "backup", 30.001, 7.001, { facility: "far" }),
    ];
    // p~x by facility, x~y by distance, y~t by distance, t~s by facility: one place.
    expect(severityOf({ set: { sites, ...none } }, "SINGLE_SITE")).toBe("critical");
    expect(severityOf({ set: { sites, ...none } }, "SITE_SEPARATION_INSUFFICIENT")).toBe(
      "critical",
    );
  });

  it("BACKUP_COLOCATED is critical for a backup site joined to a primary by a chain", () => {
    const sites = [
      P,
      site("x", "processing", at(0.8), 7),
      site("b", "backup", at(1.6), 7),
      site("s", "secondary", at(400), 7),
    ];
    expect(severityOf({ set: { sites, backup_site_ids: ["b"] } }, "BACKUP_COLOCATED")).toBe(
      "critical",
    );
  });
});

describe("the same place is no separation, whatever the coordinates or the limit", () => {
  it("a same-facility secondary is critical even when another secondary is nearer by coordinates", () => {
    const sites = [
      site("p", "primary", 48, 7, { facility: "F1" }),
      site("near", "secondary", at(20), 7),
      site("far", "secondary", 20, 7, { facility: "F1" }),
    ];
    const flag = flagOf(run({ set: { sites, ...none } }), "SITE_SEPARATION_INSUFFICIENT");
    expect(flag?.severity).toBe("critical");
    expect(flag?.detail).toContain("both in facility F1");
  });

  it("a same-place secondary is critical even with a minimum separation of 0 km", () => {
    const sites = [P, site("s", "secondary", at(0.3), 7)];
    const requirements = { min_separation_km: 0 };
    expect(
      severityOf({ set: { sites, ...none }, requirements }, "SITE_SEPARATION_INSUFFICIENT"),
    ).toBe("critical");
    const apart = [P, site("s", "secondary", at(3), 7)];
    expect(
      severityOf({ set: { sites: apart, ...none }, requirements }, "SITE_SEPARATION_INSUFFICIENT"),
    ).toBeNull();
  });

  it("a same-facility backup site counts as closer than the limit, however far its coordinates", () => {
    const sites = [
      site("p", "primary", 48, 7, { facility: "F1" }),
      site("s", "secondary", at(400), 7),
      site("b", "backup", 10, 7, { facility: "F1" }),
      site("c", "backup", at(30), 7),
    ];
    // b is the same place, c is 30 km away: every backup site is closer than 100 km (high).
    expect(severityOf({ set: { sites, backup_site_ids: ["b", "c"] } }, "BACKUP_COLOCATED")).toBe(
      "high",
    );
    expect(codes(run({ set: { sites, backup_site_ids: ["b"] } }))).toContain("BACKUP_COLOCATED");
  });
});
