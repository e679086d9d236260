import { describe, expect, it } from "vitest";
import { codes, flagOf, run, severityOf } from "@/tests/unit/engine/helpers";

// Contract 1.1: measured recovery, people, plan scope, notice and export. The clean vendor
// is critical tier (RTO 240 min; defaults: 4 h notice, 3 people, all six scenarios).

describe("MEASURED_RECOVERY_EXCEEDS_RTO", () => {
  const code = "MEASURED_RECOVERY_EXCEEDS_RTO";
  // Clean: rto_minutes 60, requirement 240, failover 40 min, full restore 45 min.
  const measured = (set: Record<string, unknown>, omit: string[] = [], requirements = {}) => ({
    set,
    omit,
    requirements,
  });
  it("is high when the measured recovery is above the requirement", () => {
    expect(severityOf(measured({ dr_test_recovery_minutes: 241 }), code)).toBe("high");
    expect(severityOf(measured({ full_restore_test_minutes: 241 }), code)).toBe("high");
    expect(
      severityOf(measured({ dr_test_recovery_minutes: 240, full_restore_test_minutes: 60 }), code),
    ).toBe("medium");
  });
  it("is medium when above only the vendor's own RTO", () => {
    const flag = flagOf(
      run(measured({ dr_test_recovery_minutes: 61, full_restore_test_minutes: 50 })),
      code,
    );
    expect(flag?.severity).toBe("medium");
    expect(flag?.questions).toEqual([
      "dr_test_recovery_minutes",
      "rto_minutes",
      "dr_test_met_objectives",
    ]);
    expect(flag?.detail).toContain("the vendor's own RTO of 60 minutes (1 hour)");
    expect(flag?.detail).toContain("although the vendor says its last exercise met its objectives");
    expect(
      severityOf(measured({ dr_test_recovery_minutes: 30, full_restore_test_minutes: 60 }), code),
    ).toBeNull();
  });
  it("the larger counted figure is the measured recovery", () => {
    const flag = flagOf(
      run(measured({ dr_test_recovery_minutes: 200, full_restore_test_minutes: 300 })),
      code,
    );
    expect(flag?.severity).toBe("high");
    expect(flag?.questions).toEqual(["full_restore_test_minutes"]);
  });
  it("with rto_minutes unanswered only the high case can be raised", () => {
    expect(
      severityOf(measured({ dr_test_recovery_minutes: 200 }, ["rto_minutes"]), code),
    ).toBeNull();
    expect(severityOf(measured({ dr_test_recovery_minutes: 300 }, ["rto_minutes"]), code)).toBe(
      "high",
    );
    // A low-tier vendor has no RTO requirement: only the claim can be exceeded.
    const low = { tier: "low", rto_minutes: undefined };
    expect(severityOf(measured({ dr_test_recovery_minutes: 9999 }, [], low), code)).toBe("medium");
  });
  it("a DR figure counts only with a plan, a test date and a real failover", () => {
    const big = { dr_test_recovery_minutes: 999 };
    const only = (set: Record<string, unknown>, omit: string[] = []) =>
      measured(set, ["full_restore_test_minutes", ...omit]);
    expect(severityOf(only(big), code)).toBe("high");
    expect(severityOf(only({ ...big, dr_test_type: "tabletop" }), code)).toBeNull();
    expect(severityOf(only({ ...big, dr_test_type: "walkthrough" }), code)).toBeNull();
    expect(severityOf(only({ ...big, dr_test_type: "partial_failover" }), code)).toBe("high");
    expect(severityOf(only(big, ["dr_test_last_date"]), code)).toBeNull();
    expect(severityOf(only({ ...big, plan_exists: "unknown" }), code)).toBeNull();
  });
  it("a restore figure counts only with backups, a test date and a full-environment scope", () => {
    const big = { full_restore_test_minutes: 999 };
    const only = (set: Record<string, unknown>, omit: string[] = []) =>
      measured(set, ["dr_test_recovery_minutes", ...omit]);
    expect(severityOf(only(big), code)).toBe("high");
    expect(severityOf(only({ ...big, restore_test_scope: ["database"] }), code)).toBeNull();
    expect(
      severityOf(only({ ...big, restore_test_scope: ["full_environment", "never"] }), code),
    ).toBeNull();
    expect(severityOf(only(big, ["restore_test_last_date"]), code)).toBeNull();
    expect(severityOf(only({ ...big, backup_exists: "no" }), code)).toBeNull();
  });
  it("is silent when no figure counts", () => {
    expect(
      severityOf(measured({}, ["dr_test_recovery_minutes", "full_restore_test_minutes"]), code),
    ).toBeNull();
  });
  it("is silent when the answered RTO is already above the requirement", () => {
    const report = run(measured({ rto_minutes: 300, dr_test_recovery_minutes: 999 }));
    expect(codes(report)).toContain("RTO_EXCEEDS_REQUIREMENT");
    expect(codes(report)).not.toContain(code);
  });
  it("the medium case is silent while DR_TEST_FAILED_OBJECTIVES is raised; the high case is not", () => {
    for (const met of ["no", "unknown"]) {
      const set = { dr_test_met_objectives: met };
      expect(severityOf(measured({ ...set, dr_test_recovery_minutes: 100 }), code), met).toBeNull();
      expect(severityOf(measured({ ...set, dr_test_recovery_minutes: 300 }), code), met).toBe(
        "high",
      );
    }
  });
});

describe("KEY_PERSON_DEPENDENCY", () => {
  const code = "KEY_PERSON_DEPENDENCY";
  const staff = (n: number, requirements = {}) => ({
    set: { failover_qualified_staff_count: n },
    requirements,
  });
  it("is medium below the requirement, high when 0 or 1", () => {
    expect(severityOf(staff(3), code)).toBeNull();
    expect(severityOf(staff(2), code)).toBe("medium");
    expect(severityOf(staff(1), code)).toBe("high");
    expect(severityOf(staff(0), code)).toBe("high");
  });
  it("is silent at or above the requirement, even for one person", () => {
    expect(severityOf(staff(1, { tier: "low", rto_minutes: undefined }), code)).toBeNull();
    expect(severityOf(staff(0, { tier: "low", rto_minutes: undefined }), code)).toBe("high");
    expect(severityOf(staff(1, { min_failover_staff_count: 0 }), code)).toBeNull();
    expect(severityOf(staff(4, { min_failover_staff_count: 5 }), code)).toBe("medium");
  });
  it("is silent when absent", () => {
    expect(severityOf({ omit: ["failover_qualified_staff_count"] }, code)).toBeNull();
  });
});

describe("PLAN_SCOPE_GAP", () => {
  const code = "PLAN_SCOPE_GAP";
  const covers = (list: string[], extra = {}, requirements = {}) => ({
    set: { plan_covers: list, ...extra },
    requirements,
  });
  const all = ["site_loss", "region_loss", "ransomware", "provider_failure", "data_corruption"];
  it("is medium when a required scenario is missing, and names it", () => {
    const flag = flagOf(run(covers(all)), code);
    expect(flag?.severity).toBe("medium");
    expect(flag?.detail).toContain("loss of key staff");
    expect(severityOf(covers([...all, "staff_loss"]), code)).toBeNull();
    expect(severityOf(covers([]), code)).toBe("medium");
  });
  it("moderate and low tiers require site loss, ransomware and data corruption", () => {
    const core = ["site_loss", "ransomware", "data_corruption"];
    for (const tier of ["moderate", "low"]) {
      const requirements = { tier, rto_minutes: undefined, rpo_minutes: undefined };
      expect(severityOf(covers(core, {}, requirements), code), tier).toBeNull();
      expect(severityOf(covers(["site_loss", "ransomware"], {}, requirements), code)).toBe(
        "medium",
      );
    }
  });
  it("follows plan_must_cover; an explicit empty list requires nothing", () => {
    expect(severityOf(covers([], {}, { plan_must_cover: [] }), code)).toBeNull();
    expect(
      severityOf(covers(["site_loss"], {}, { plan_must_cover: ["site_loss"] }), code),
    ).toBeNull();
    expect(severityOf(covers(["site_loss"], {}, { plan_must_cover: ["ransomware"] }), code)).toBe(
      "medium",
    );
  });
  it("is silent when plan_covers is absent and while NO_BCDR_PLAN is raised", () => {
    expect(severityOf({ omit: ["plan_covers"] }, code)).toBeNull();
    for (const plan of ["no", "unknown"]) {
      expect(severityOf(covers([], { plan_exists: plan }), code), plan).toBeNull();
    }
    expect(severityOf({ set: { plan_covers: [] }, omit: ["plan_exists"] }, code)).toBeNull();
  });
});

describe("NOTIFICATION_TOO_SLOW", () => {
  const code = "NOTIFICATION_TOO_SLOW";
  const notice = (hours: number, requirements = {}) => ({
    set: { customer_notification_hours: hours },
    requirements,
  });
  it("is medium strictly above the requirement (critical: 4 h)", () => {
    expect(severityOf(notice(4), code)).toBeNull();
    expect(severityOf(notice(4.5), code)).toBe("medium");
    expect(severityOf(notice(48, { max_notification_hours: 48 }), code)).toBeNull();
    expect(severityOf(notice(25, { tier: "high", rto_minutes: undefined }), code)).toBe("medium");
    expect(severityOf(notice(72, { tier: "moderate", rto_minutes: undefined }), code)).toBeNull();
  });
  it("is low when unanswered", () => {
    const flag = flagOf(run({ omit: ["customer_notification_hours"] }), code);
    expect(flag?.severity).toBe("low");
    expect(flag?.detail).toContain("the default for critical-tier vendors is 4 hours");
  });
});

describe("EXPORT_PROPRIETARY_ONLY", () => {
  const code = "EXPORT_PROPRIETARY_ONLY";
  const formats = (list: string[], exportMode?: string) => ({
    set: { export_formats: list, ...(exportMode ? { customer_export: exportMode } : {}) },
  });
  it("is low when the only format is proprietary", () => {
    expect(severityOf(formats(["proprietary"]), code)).toBe("low");
    expect(severityOf(formats(["proprietary"], "on_request"), code)).toBe("low");
    expect(severityOf(formats(["proprietary", "csv"]), code)).toBeNull();
  });
  it("is silent for an empty or absent list, and when there is no export at all", () => {
    expect(severityOf(formats([]), code)).toBeNull();
    expect(severityOf({ omit: ["export_formats"] }, code)).toBeNull();
    const none = run(formats(["proprietary"], "none"));
    expect(codes(none)).toContain("NO_CUSTOMER_EXPORT");
    expect(codes(none)).not.toContain(code);
  });
});
