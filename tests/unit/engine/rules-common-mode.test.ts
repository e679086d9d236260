import { describe, expect, it } from "vitest";
import { codes, flagOf, run, severityOf } from "@/tests/unit/engine/helpers";

// Contract 1.1: failures that reach every site at once. Each test starts from the clean
// vendor (which raises nothing) and changes only the answers under test.

describe("COMMON_MODE_CHANGE", () => {
  const code = "COMMON_MODE_CHANGE";
  const changes = (list: string[]) => ({ set: { unstaged_changes: list } });
  it("is high for any kind of change pushed to every site at once", () => {
    for (const kind of [
      "application_release",
      "configuration",
      "infrastructure",
      "security_agent",
      "management_agent",
    ]) {
      expect(severityOf(changes([kind]), code), kind).toBe("high");
    }
  });
  it("names the kinds in its explanation and cites the question", () => {
    const flag = flagOf(run(changes(["security_agent", "configuration"])), code);
    expect(flag?.detail).toContain("endpoint-security agents");
    expect(flag?.detail).toContain("configuration");
    expect(flag?.questions).toEqual(["unstaged_changes"]);
  });
  it("is medium for unknown only when no kind is listed", () => {
    expect(severityOf(changes(["unknown"]), code)).toBe("medium");
    // Every listed option counts: unknown or none beside a kind does not cancel it.
    expect(severityOf(changes(["unknown", "configuration"]), code)).toBe("high");
    expect(severityOf(changes(["none", "infrastructure"]), code)).toBe("high");
  });
  it("is silent when absent, empty or none", () => {
    expect(severityOf(changes(["none"]), code)).toBeNull();
    expect(severityOf(changes([]), code)).toBeNull();
    expect(severityOf({ omit: ["unstaged_changes"] }, code)).toBeNull();
  });
  it("is raised alongside SHARED_CONTROL_PLANE: they cover different facts", () => {
    const raised = codes(
      run({ set: { unstaged_changes: ["management_agent"], shared_control_plane: "yes" } }),
    );
    expect(raised).toContain(code);
    expect(raised).toContain("SHARED_CONTROL_PLANE");
  });
});

describe("FOURTH_PARTY_SINGLE_POINT", () => {
  const code = "FOURTH_PARTY_SINGLE_POINT";
  const suppliers = (list: string[], hazards?: string[]) => ({
    set: { single_source_suppliers: list, ...(hazards ? { shared_hazards: hazards } : {}) },
  });
  it("is high for one carrier, DNS, CDN or managed service provider", () => {
    for (const s of ["network_carrier", "dns", "cdn", "managed_service_provider"]) {
      expect(severityOf(suppliers([s]), code), s).toBe("high");
    }
  });
  it("a carrier shared by the sites, answered as a shared hazard, raises it too", () => {
    const flag = flagOf(run(suppliers(["none"], ["network_carrier"])), code);
    expect(flag?.severity).toBe("high");
    expect(flag?.questions).toEqual(["shared_hazards"]);
    expect(flag?.detail).toContain("one network carrier");
    // network_carrier is not SHARED_HAZARD's.
    expect(codes(run(suppliers(["none"], ["network_carrier"])))).not.toContain("SHARED_HAZARD");
    // Without single_source_suppliers at all, the shared carrier still speaks.
    expect(
      severityOf(
        { set: { shared_hazards: ["network_carrier"] }, omit: ["single_source_suppliers"] },
        code,
      ),
    ).toBe("high");
  });
  it("a carrier answered in both questions is one fact: one flag", () => {
    const report = run(suppliers(["network_carrier"], ["network_carrier"]));
    const flags = report.flags.filter((f) => f.code === code);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.detail.match(/network carrier/g)).toHaveLength(1);
    expect(flags[0]?.questions).toEqual(["single_source_suppliers", "shared_hazards"]);
  });
  it("unknown among suppliers is medium, only when nothing is counted", () => {
    expect(severityOf(suppliers(["unknown"]), code)).toBe("medium");
    expect(severityOf(suppliers(["unknown", "cdn"]), code)).toBe("high");
    expect(severityOf(suppliers(["unknown"], ["network_carrier"]), code)).toBe("high");
  });
  it("unknown among shared hazards is left to SHARED_HAZARD", () => {
    const report = run(suppliers(["none"], ["unknown"]));
    expect(codes(report)).not.toContain(code);
    expect(flagOf(report, "SHARED_HAZARD")?.severity).toBe("medium");
  });
  it("is silent when suppliers are absent, empty or none and no carrier is shared", () => {
    expect(severityOf(suppliers(["none"], ["flood_plain"]), code)).toBeNull();
    expect(severityOf(suppliers([]), code)).toBeNull();
    expect(severityOf({ omit: ["single_source_suppliers"] }, code)).toBeNull();
  });
});

describe("RECOVERY_NEEDS_PRIMARY", () => {
  const code = "RECOVERY_NEEDS_PRIMARY";
  const deps = (list: string[], plane = "no") => ({
    set: { recovery_dependencies: list, shared_control_plane: plane },
  });
  it("is high for the control plane, DNS, access tooling or runbooks on the primary", () => {
    for (const d of ["control_plane", "dns", "access_tooling", "runbooks"]) {
      expect(severityOf(deps([d]), code), d).toBe("high");
    }
  });
  it("is medium for a status page on the primary, or unknown, with nothing else counted", () => {
    expect(severityOf(deps(["status_page"]), code)).toBe("medium");
    expect(severityOf(deps(["unknown"]), code)).toBe("medium");
    expect(severityOf(deps(["status_page", "runbooks"]), code)).toBe("high");
    expect(severityOf(deps(["unknown", "dns"]), code)).toBe("high");
  });
  it("the control plane does not count while SHARED_CONTROL_PLANE is raised, at either severity", () => {
    for (const plane of ["yes", "unknown"]) {
      const report = run(deps(["control_plane"], plane));
      expect(codes(report), plane).toContain("SHARED_CONTROL_PLANE");
      expect(codes(report), plane).not.toContain(code);
      expect(severityOf(deps(["control_plane", "status_page"], plane), code)).toBe("medium");
      expect(severityOf(deps(["control_plane", "access_tooling"], plane), code)).toBe("high");
    }
    // With the plane answered no, or not answered, it counts (and cites that answer).
    const flag = flagOf(run(deps(["control_plane"], "no")), code);
    expect(flag?.severity).toBe("high");
    expect(flag?.questions).toEqual(["recovery_dependencies", "shared_control_plane"]);
    expect(
      severityOf(
        { set: { recovery_dependencies: ["control_plane"] }, omit: ["shared_control_plane"] },
        code,
      ),
    ).toBe("high");
  });
  it("explains what recovery needs", () => {
    const flag = flagOf(run(deps(["runbooks", "dns"])), code);
    expect(flag?.detail).toContain("authoritative DNS served from the primary");
    expect(flag?.detail).toContain("runbooks");
    expect(flag?.questions).toEqual(["recovery_dependencies"]);
  });
  it("is silent when absent, empty or none", () => {
    expect(severityOf(deps(["none"]), code)).toBeNull();
    expect(severityOf(deps([]), code)).toBeNull();
    expect(severityOf({ omit: ["recovery_dependencies"] }, code)).toBeNull();
  });
});

describe("RECOVERY_IDENTITY_SHARED", () => {
  const code = "RECOVERY_IDENTITY_SHARED";
  const identity = (value: string) => ({ set: { recovery_identity_independent: value } });
  it("is high for no, medium for unknown, silent for yes or absent", () => {
    expect(severityOf(identity("no"), code)).toBe("high");
    expect(severityOf(identity("unknown"), code)).toBe("medium");
    expect(severityOf(identity("yes"), code)).toBeNull();
    expect(severityOf({ omit: ["recovery_identity_independent"] }, code)).toBeNull();
  });
  it("may be raised alongside SHARED_CONTROL_PLANE and BACKUP_SAME_CREDENTIALS", () => {
    const raised = codes(
      run({
        set: {
          recovery_identity_independent: "no",
          shared_control_plane: "yes",
          backup_shared_dependencies: ["credentials"],
        },
      }),
    );
    expect(raised).toEqual(
      expect.arrayContaining([code, "SHARED_CONTROL_PLANE", "BACKUP_SAME_CREDENTIALS"]),
    );
  });
});

describe("POWER_AUTONOMY_SHORT", () => {
  const code = "POWER_AUTONOMY_SHORT";
  const hours = (h: number, requirements = {}) => ({
    set: { power_autonomy_hours: h },
    requirements,
  });
  it("is medium strictly below the tier default (critical: 72 h)", () => {
    expect(severityOf(hours(71.9), code)).toBe("medium");
    expect(severityOf(hours(72), code)).toBeNull();
    expect(severityOf(hours(0), code)).toBe("medium");
  });
  it("follows each tier's default and the assessment's own figure", () => {
    const tier = (t: string, h: number) =>
      severityOf(hours(h, { tier: t, rto_minutes: undefined, rpo_minutes: undefined }), code);
    expect(tier("high", 47)).toBe("medium");
    expect(tier("high", 48)).toBeNull();
    expect(tier("moderate", 23)).toBe("medium");
    expect(tier("moderate", 24)).toBeNull();
    expect(tier("low", 11)).toBe("medium");
    expect(tier("low", 12)).toBeNull();
    expect(severityOf(hours(10, { min_power_autonomy_hours: 8 }), code)).toBeNull();
    const flag = flagOf(run(hours(10, { min_power_autonomy_hours: 24 })), code);
    expect(flag?.detail).toContain("10 hours");
    expect(flag?.detail).toContain("your requirement is 24 hours");
  });
  it("is silent when absent, and independent of a shared power grid", () => {
    expect(severityOf({ omit: ["power_autonomy_hours"] }, code)).toBeNull();
    const both = codes(run({ set: { power_autonomy_hours: 4, shared_hazards: ["power_grid"] } }));
    expect(both).toEqual(expect.arrayContaining([code, "SHARED_HAZARD"]));
  });
});
