import { describe, expect, it } from "vitest";
import { distanceKm } from "@/lib/rules";
import { codes, flagOf, north, run, severityOf, site } from "@/tests/unit/engine/helpers";

const P = site("p", "primary", 48, 7);
const at = (km: number) => north(48, km);

describe("SINGLE_SITE", () => {
  const code = "SINGLE_SITE";
  it("is silent for the clean vendor", () => expect(codes(run())).not.toContain(code));
  it("is raised for one site", () => {
    expect(severityOf({ set: { sites: [P] } }, code)).toBe("critical");
  });
  it("is raised when sites share a facility however far apart", () => {
    const sites = [
      site("p", "primary", 48, 7, { facility: "PA-1" }),
      site("s", "secondary", 10, 7, { facility: "pa-1" }),
    ];
    const flag = flagOf(run({ set: { sites } }), code);
    expect(flag?.detail).toContain("facility PA-1");
  });
  it("0.99 km apart is one place, 1.01 km apart is two", () => {
    expect(severityOf({ set: { sites: [P, site("s", "secondary", at(0.99), 7)] } }, code)).toBe(
      "critical",
    );
    expect(
      severityOf({ set: { sites: [P, site("s", "secondary", at(1.01), 7)] } }, code),
    ).toBeNull();
  });
  it("groups places transitively (0.8 km + 0.8 km chain)", () => {
    const sites = [P, site("b", "backup", at(0.8), 7), site("s", "secondary", at(1.6), 7)];
    expect(severityOf({ set: { sites } }, code)).toBe("critical");
  });
  it("is raised by topology single_site even with distant sites", () => {
    const flag = flagOf(run({ set: { topology: "single_site" } }), code);
    expect(flag?.severity).toBe("critical");
    expect(flag?.questions).toEqual(["topology"]);
  });
  it("without a sites answer only topology can raise it", () => {
    expect(severityOf({ omit: ["sites", "backup_site_ids"] }, code)).toBeNull();
    expect(
      severityOf({ omit: ["sites", "backup_site_ids"], set: { topology: "single_site" } }, code),
    ).toBe("critical");
  });
  it("an empty site list has fewer than two places", () => {
    expect(severityOf({ set: { sites: [], backup_site_ids: [] } }, code)).toBe("critical");
  });
});

describe("SITE_SEPARATION_INSUFFICIENT", () => {
  const code = "SITE_SEPARATION_INSUFFICIENT";
  const pair = (km: number, extra = {}) => [P, site("s", "secondary", at(km), 7, extra)];
  it("is silent exactly at the limit and raised just under it", () => {
    const sites = pair(100);
    const exact = distanceKm({ from: sites[0]!, to: sites[1]! });
    const backup = { backup_site_ids: [] };
    expect(
      severityOf({ set: { sites, ...backup }, requirements: { min_separation_km: exact } }, code),
    ).toBeNull();
    expect(
      severityOf(
        { set: { sites, ...backup }, requirements: { min_separation_km: exact + 0.001 } },
        code,
      ),
    ).toBe("high");
    expect(severityOf({ set: { sites: pair(99.9), ...backup } }, code)).toBe("high");
    expect(severityOf({ set: { sites: pair(100.1), ...backup } }, code)).toBeNull();
  });
  it("names the sites, the distance and the requirement", () => {
    const flag = flagOf(run({ set: { sites: pair(12.3), backup_site_ids: [] } }), code);
    expect(flag?.detail).toContain(
      "Site p and Site s are 12.3 km apart; your requirement is 100 km",
    );
  });
  it("is critical for the same place: facility or under 1 km", () => {
    const facility = [
      site("p", "primary", 48, 7, { facility: "SBG" }),
      site("s", "secondary", 40, 7, { facility: "SBG" }),
    ];
    expect(severityOf({ set: { sites: facility, backup_site_ids: [] } }, code)).toBe("critical");
    expect(severityOf({ set: { sites: pair(0.5), backup_site_ids: [] } }, code)).toBe("critical");
  });
  it("only role secondary counts", () => {
    for (const role of ["backup", "processing", "primary"] as const) {
      const sites = [P, site("x", role, at(5), 7)];
      expect(severityOf({ set: { sites, backup_site_ids: [] } }, code), role).toBeNull();
    }
  });
  it("uses each primary's nearest secondary, and any primary suffices", () => {
    const sites = [P, site("s1", "secondary", at(500), 7), site("s2", "secondary", at(50), 7)];
    expect(severityOf({ set: { sites, backup_site_ids: [] } }, code)).toBe("high");
    const two = [P, site("q", "primary", at(2000), 7), site("s", "secondary", at(2030), 7)];
    const flag = flagOf(run({ set: { sites: two, backup_site_ids: [] } }), code);
    expect(flag?.detail).toContain("Site q and Site s");
    expect(flag?.detail).not.toContain("Site p");
  });
  it("follows the requirement, and a tier default when none is given", () => {
    const sites = pair(60);
    expect(
      severityOf(
        { set: { sites, backup_site_ids: [] }, requirements: { min_separation_km: 50 } },
        code,
      ),
    ).toBeNull();
    const moderate = { tier: "moderate" as const, min_separation_km: undefined };
    expect(
      severityOf({ set: { sites, backup_site_ids: [] }, requirements: moderate }, code),
    ).toBeNull();
    expect(
      severityOf({ set: { sites: pair(40), backup_site_ids: [] }, requirements: moderate }, code),
    ).toBe("high");
  });
});

describe("SEPARATION_CLAIM_MISMATCH", () => {
  const code = "SEPARATION_CLAIM_MISMATCH";
  const with_ = (km: number, declared: number | undefined) => ({
    set: {
      sites: [P, site("s", "secondary", at(km), 7)],
      backup_site_ids: [],
      declared_min_separation_km: declared,
    },
    omit: declared === undefined ? ["declared_min_separation_km"] : [],
    requirements: { min_separation_km: 0 },
  });
  it("needs a gap over 25% of the computed distance and over 10 km", () => {
    expect(severityOf(with_(100, 125.5), code)).toBe("medium");
    expect(severityOf(with_(100, 124.5), code)).toBeNull();
    expect(severityOf(with_(100, 74.5), code)).toBe("medium");
    expect(severityOf(with_(20, 30.5), code)).toBe("medium");
    expect(severityOf(with_(20, 29.5), code)).toBeNull();
  });
  it("is silent without a secondary or without a declared figure", () => {
    expect(
      severityOf(
        {
          set: {
            sites: [P, site("b", "backup", at(5), 7)],
            backup_site_ids: [],
            declared_min_separation_km: 500,
          },
        },
        code,
      ),
    ).toBeNull();
    expect(severityOf(with_(5, undefined), code)).toBeNull();
  });
  it("names both figures", () => {
    const flag = flagOf(run(with_(20, 300)), code);
    expect(flag?.detail).toContain("300 km");
    expect(flag?.detail).toContain("20.0 km apart");
  });
});

describe("SHARED_HAZARD and SHARED_CONTROL_PLANE", () => {
  it("raises high for flood plain, seismic zone or power grid; medium for unknown", () => {
    for (const h of ["flood_plain", "seismic_zone", "power_grid"]) {
      expect(severityOf({ set: { shared_hazards: [h] } }, "SHARED_HAZARD"), h).toBe("high");
    }
    expect(severityOf({ set: { shared_hazards: ["unknown"] } }, "SHARED_HAZARD")).toBe("medium");
    expect(
      severityOf({ set: { shared_hazards: ["unknown", "seismic_zone"] } }, "SHARED_HAZARD"),
    ).toBe("high");
    expect(
      severityOf({ set: { shared_hazards: ["network_carrier"] } }, "SHARED_HAZARD"),
    ).toBeNull();
    expect(severityOf({ set: { shared_hazards: [] } }, "SHARED_HAZARD")).toBeNull();
    expect(severityOf({ omit: ["shared_hazards"] }, "SHARED_HAZARD")).toBeNull();
  });
  it("raises the control plane high for yes, medium for unknown", () => {
    expect(severityOf({ set: { shared_control_plane: "yes" } }, "SHARED_CONTROL_PLANE")).toBe(
      "high",
    );
    expect(severityOf({ set: { shared_control_plane: "unknown" } }, "SHARED_CONTROL_PLANE")).toBe(
      "medium",
    );
    expect(severityOf({ omit: ["shared_control_plane"] }, "SHARED_CONTROL_PLANE")).toBeNull();
  });
});

describe("FAILOVER_CAPACITY_SHORTFALL", () => {
  it("is raised under 50%", () => {
    expect(
      severityOf({ set: { secondary_capacity_pct: 49.9 } }, "FAILOVER_CAPACITY_SHORTFALL"),
    ).toBe("medium");
    expect(
      severityOf({ set: { secondary_capacity_pct: 50 } }, "FAILOVER_CAPACITY_SHORTFALL"),
    ).toBeNull();
    expect(
      severityOf({ omit: ["secondary_capacity_pct"] }, "FAILOVER_CAPACITY_SHORTFALL"),
    ).toBeNull();
  });
});

describe("DATA_RESIDENCY_VIOLATION", () => {
  const code = "DATA_RESIDENCY_VIOLATION";
  it("checks sites and subprocessors against allowed countries", () => {
    expect(
      severityOf({ requirements: { allowed_countries: ["DE", "IE", "NL"] } }, code),
    ).toBeNull();
    const both = flagOf(run({ requirements: { allowed_countries: ["DE", "IE"] } }), code);
    expect(both?.severity).toBe("high");
    expect(both?.questions).toEqual(["sites", "subprocessors"]);
    expect(both?.detail).toContain("Amsterdam backup vault is in Netherlands (NL)");
    const parties = [{ name: "Helpdesk Ltd", service: "support", country: "US" }];
    const onlyParty = flagOf(
      run({
        set: { subprocessors: parties },
        requirements: { allowed_countries: ["DE", "IE", "NL"] },
      }),
      code,
    );
    expect(onlyParty?.questions).toEqual(["subprocessors"]);
  });
  it("an absent or empty list allows any country", () => {
    expect(severityOf({ requirements: { allowed_countries: [] } }, code)).toBeNull();
    expect(severityOf({}, code)).toBeNull();
  });
});

describe("PROVIDER_CONCENTRATION", () => {
  const code = "PROVIDER_CONCENTRATION";
  it("is raised when every site names exactly the same provider", () => {
    const sites = [P, site("s", "secondary", at(300), 7)].map((s) => ({ ...s, provider: "Acme" }));
    expect(severityOf({ set: { sites, backup_site_ids: [] } }, code)).toBe("medium");
    expect(severityOf({ set: { sites: [P], backup_site_ids: [] } }, code)).toBe("medium");
  });
  // Contract 1.1: "two sites have the same provider when their provider strings are exactly
  // equal. This is how PROVIDER_CONCENTRATION already compares them."
  it("compares provider names exactly: other case or spacing is another provider", () => {
    for (const other of ["acme", " Acme", "ACME", "Acme "]) {
      const sites = [P, site("s", "secondary", at(300), 7)].map((s, i) => ({
        ...s,
        provider: i ? other : "Acme",
      }));
      expect(severityOf({ set: { sites, backup_site_ids: [] } }, code), other).toBeNull();
    }
  });
  it("is silent with two providers or without sites", () => {
    expect(severityOf({}, code)).toBeNull();
    expect(severityOf({ omit: ["sites", "backup_site_ids"] }, code)).toBeNull();
  });
});
