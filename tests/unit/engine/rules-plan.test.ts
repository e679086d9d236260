import { describe, expect, it } from "vitest";
import { codes, flagOf, run, severityOf } from "@/tests/unit/engine/helpers";

describe("NO_BCDR_PLAN and DR_NEVER_TESTED", () => {
  it("NO_BCDR_PLAN is critical for no, unknown and unanswered", () => {
    expect(severityOf({ set: { plan_exists: "no" } }, "NO_BCDR_PLAN")).toBe("critical");
    expect(severityOf({ set: { plan_exists: "unknown" } }, "NO_BCDR_PLAN")).toBe("critical");
    expect(severityOf({ omit: ["plan_exists"] }, "NO_BCDR_PLAN")).toBe("critical");
    expect(severityOf({}, "NO_BCDR_PLAN")).toBeNull();
  });
  it("DR_NEVER_TESTED needs a plan, and no test date or type none", () => {
    expect(severityOf({ omit: ["dr_test_last_date"] }, "DR_NEVER_TESTED")).toBe("critical");
    expect(severityOf({ set: { dr_test_type: "none" } }, "DR_NEVER_TESTED")).toBe("critical");
    expect(
      severityOf({ omit: ["dr_test_last_date"], set: { plan_exists: "no" } }, "DR_NEVER_TESTED"),
    ).toBeNull();
    expect(
      severityOf(
        { omit: ["dr_test_last_date"], set: { plan_exists: "unknown" } },
        "DR_NEVER_TESTED",
      ),
    ).toBeNull();
  });
});

describe("DR_TEST_STALE", () => {
  const at = (date: string, asOf: string, months?: number) =>
    severityOf(
      { set: { dr_test_last_date: date }, asOf, requirements: { max_test_age_months: months } },
      "DR_TEST_STALE",
    );
  it("is high from exactly N calendar months on", () => {
    expect(at("2025-11-01", "2026-10-31", 12)).toBeNull();
    expect(at("2025-11-01", "2026-11-01", 12)).toBe("high");
    expect(at("2026-01-31", "2026-02-27", 1)).toBeNull();
    expect(at("2026-01-31", "2026-02-28", 1)).toBe("high");
  });
  it("treats a future date as age 0", () => {
    expect(at("2027-06-01", "2026-11-01", 6)).toBeNull();
  });
  it("names the date, the age and the limit", () => {
    const flag = flagOf(run({ set: { dr_test_last_date: "2025-03-01" } }), "DR_TEST_STALE");
    expect(flag?.detail).toContain(
      "2025-03-01, 20 months before the assessment date; your requirement is 12 months",
    );
  });
});

describe("DR_TEST_TABLETOP_ONLY and DR_TEST_FAILED_OBJECTIVES", () => {
  it("tabletop and walkthrough are medium; failovers and none are not", () => {
    for (const t of ["tabletop", "walkthrough"])
      expect(severityOf({ set: { dr_test_type: t } }, "DR_TEST_TABLETOP_ONLY")).toBe("medium");
    for (const t of ["partial_failover", "full_failover", "none"]) {
      expect(severityOf({ set: { dr_test_type: t } }, "DR_TEST_TABLETOP_ONLY")).toBeNull();
    }
  });
  it("missed objectives: no and unknown are high", () => {
    expect(severityOf({ set: { dr_test_met_objectives: "no" } }, "DR_TEST_FAILED_OBJECTIVES")).toBe(
      "high",
    );
    expect(
      severityOf({ set: { dr_test_met_objectives: "unknown" } }, "DR_TEST_FAILED_OBJECTIVES"),
    ).toBe("high");
    expect(
      severityOf({ omit: ["dr_test_met_objectives"] }, "DR_TEST_FAILED_OBJECTIVES"),
    ).toBeNull();
  });
});

describe("PLAN_REVIEW_STALE", () => {
  const at = (date: string, months?: number) =>
    severityOf(
      { set: { plan_last_reviewed_date: date }, requirements: { max_test_age_months: months } },
      "PLAN_REVIEW_STALE",
    );
  it("is low from exactly 12 months on, whatever the test-age limit", () => {
    expect(at("2025-11-02")).toBeNull();
    expect(at("2025-11-01")).toBe("low");
    expect(at("2025-11-01", 36)).toBe("low");
    expect(at("2026-01-01", 3)).toBeNull();
  });
  it("is silent without a review date", () => {
    expect(codes(run({ omit: ["plan_last_reviewed_date"] }))).not.toContain("PLAN_REVIEW_STALE");
  });
});

// Contract 1.1, clarified: the DR-test and plan-review rules read their own answers whatever
// plan_exists says and whether or not DR_NEVER_TESTED is raised.
describe("DR-test rules are independent of plan_exists and DR_NEVER_TESTED", () => {
  const bad = {
    dr_test_last_date: "2020-01-01",
    dr_test_type: "tabletop",
    dr_test_met_objectives: "no",
    plan_last_reviewed_date: "2020-01-01",
  };
  const expected = {
    DR_TEST_STALE: "high",
    DR_TEST_TABLETOP_ONLY: "medium",
    DR_TEST_FAILED_OBJECTIVES: "high",
    PLAN_REVIEW_STALE: "low",
  } as const;
  it("each speaks with plan_exists no, unknown or unanswered", () => {
    for (const plan of ["no", "unknown", undefined]) {
      const input = plan
        ? { set: { ...bad, plan_exists: plan } }
        : { set: bad, omit: ["plan_exists"] };
      const report = run(input);
      expect(codes(report)).toContain("NO_BCDR_PLAN");
      for (const [code, severity] of Object.entries(expected)) {
        expect(flagOf(report, code as keyof typeof expected)?.severity, `${code} ${plan}`).toBe(
          severity,
        );
      }
    }
  });
  it("each needs only its own answer", () => {
    const alone = (set: Record<string, unknown>, code: keyof typeof expected) =>
      severityOf({ bare: true, set }, code);
    expect(alone({ dr_test_last_date: "2020-01-01" }, "DR_TEST_STALE")).toBe("high");
    expect(alone({ dr_test_type: "walkthrough" }, "DR_TEST_TABLETOP_ONLY")).toBe("medium");
    expect(alone({ dr_test_met_objectives: "unknown" }, "DR_TEST_FAILED_OBJECTIVES")).toBe("high");
    expect(alone({ plan_last_reviewed_date: "2020-01-01" }, "PLAN_REVIEW_STALE")).toBe("low");
  });
  it("DR_TEST_STALE and DR_TEST_FAILED_OBJECTIVES speak beside DR_NEVER_TESTED", () => {
    const report = run({
      set: { dr_test_type: "none", dr_test_last_date: "2020-01-01", dr_test_met_objectives: "no" },
    });
    expect(codes(report)).toEqual(
      expect.arrayContaining(["DR_NEVER_TESTED", "DR_TEST_STALE", "DR_TEST_FAILED_OBJECTIVES"]),
    );
  });
});
