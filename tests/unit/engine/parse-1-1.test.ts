import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAssessmentFile, type TParseError } from "@/lib/questionnaires";
import { assessAnswers } from "@/lib/rules";
import { resolveRequirements, TIER_DEFAULTS } from "@/lib/scoring";
import { CLEAN_ANSWERS, CLEAN_REQUIREMENTS } from "@/tests/unit/engine/helpers";

// Contract 1.1: the new answers and requirement fields are checked like the others, and a
// 1.0 answers file is still valid and raises the same v1 flags.

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/engine");

function errorsFor(input: Record<string, unknown>): TParseError[] {
  const result = parseAssessmentFile({
    input: { questionnaire: "bcdr-core", requirements: CLEAN_REQUIREMENTS, answers: {}, ...input },
  });
  return result.ok ? [] : result.errors;
}

describe("1.1 answers", () => {
  it.each([
    ["a fractional _count", { failover_qualified_staff_count: 2.5 }],
    ["a negative _count", { failover_qualified_staff_count: -1 }],
    ["a _count given as text", { failover_qualified_staff_count: "3" }],
    ["an unlisted unstaged change", { unstaged_changes: ["database_migration"] }],
    ["an unlisted supplier", { single_source_suppliers: ["hosting"] }],
    ["identity as a recovery dependency", { recovery_dependencies: ["identity"] }],
    ["a yes/no as a boolean", { recovery_identity_independent: true }],
    ["negative power autonomy", { power_autonomy_hours: -4 }],
    ["retention as text", { immutable_retention_days: "30" }],
  ])("refuses %s, naming the field", (_, answers) => {
    const errors = errorsFor({ answers });
    const [id] = Object.keys(answers);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.path.startsWith(`answers.${id}`)).toBe(true);
  });

  it("accepts a whole _count, including 0", () => {
    expect(errorsFor({ answers: { failover_qualified_staff_count: 0 } })).toEqual([]);
    expect(errorsFor({ answers: { failover_qualified_staff_count: 12 } })).toEqual([]);
    const [error] = errorsFor({ answers: { failover_qualified_staff_count: 1.5 } });
    expect(error?.expected).toContain("a whole number");
  });

  it("a file that names version 1.0.0 is checked against 1.0 questions", () => {
    expect(errorsFor({ version: "1.0.0", answers: { backup_exists: "yes" } })).toEqual([]);
    const errors = errorsFor({ version: "1.0.0", answers: { unstaged_changes: ["none"] } });
    expect(errors[0]?.path).toBe("answers.unstaged_changes");
    expect(errors[0]?.expected).toContain("bcdr-core 1.0.0");
  });
});

describe("1.1 requirement fields", () => {
  it.each([
    ["min_immutable_retention_days", "30"],
    ["min_immutable_retention_days", -1],
    ["max_notification_hours", "fast"],
    ["min_power_autonomy_hours", -2],
    ["min_failover_staff_count", 1.5],
    ["plan_must_cover", "ransomware"],
    ["plan_must_cover", ["ransomware", "alien_invasion"]],
  ])("refuses %s = %j, naming the field", (field, value) => {
    const errors = errorsFor({ requirements: { ...CLEAN_REQUIREMENTS, [field]: value } });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.path.startsWith(`requirements.${field}`)).toBe(true);
  });

  it("names the 1.1 fields among those it accepts", () => {
    const [error] = errorsFor({ requirements: { ...CLEAN_REQUIREMENTS, max_outage: 3 } });
    expect(error?.path).toBe("requirements.max_outage");
    expect(error?.expected).toContain("min_failover_staff_count");
    expect(error?.expected).toContain("plan_must_cover");
  });

  it("the tier defaults are the contract's table", () => {
    const pick = (tier: "critical" | "high" | "moderate" | "low") => {
      const r = resolveRequirements({ requirements: { tier } });
      return [
        r.min_immutable_retention_days,
        r.max_notification_hours,
        r.min_power_autonomy_hours,
        r.min_failover_staff_count,
        r.plan_must_cover,
      ];
    };
    const all = [
      "site_loss",
      "region_loss",
      "ransomware",
      "provider_failure",
      "data_corruption",
      "staff_loss",
    ];
    const core = ["site_loss", "ransomware", "data_corruption"];
    expect(pick("critical")).toEqual([30, 4, 72, 3, all]);
    expect(pick("high")).toEqual([30, 24, 48, 2, all]);
    expect(pick("moderate")).toEqual([14, 72, 24, 2, core]);
    expect(pick("low")).toEqual([7, 72, 12, 1, core]);
    expect(TIER_DEFAULTS.low.max_notification_hours).toBe(72);
  });

  it("a field given overrides the default; an explicit empty plan_must_cover requires nothing", () => {
    const r = resolveRequirements({
      requirements: { tier: "critical", max_notification_hours: 48, plan_must_cover: [] },
    });
    expect(r.max_notification_hours).toBe(48);
    expect(r.sources.max_notification_hours).toBe("requirement");
    expect(r.sources.min_power_autonomy_hours).toBe("tier_default");
    expect(r.plan_must_cover).toEqual([]);
  });
});

describe("1.0 answer files stay valid", () => {
  it.each(["shared-storage-backup.json", "stale-tests.json", "well-run-vendor.json"])(
    "%s parses with and without version 1.0.0 and is judged alike",
    (file) => {
      const fixture = JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8"));
      const latest = parseAssessmentFile({ input: fixture.input });
      const pinned = parseAssessmentFile({ input: { ...fixture.input, version: "1.0.0" } });
      if (!latest.ok || !pinned.ok) throw new Error("a 1.0 file was refused");
      expect(pinned.value.questionnaire.version).toBe("1.0.0");
      const flags = (value: typeof latest.value) =>
        assessAnswers({ ...value, asOf: fixture.as_of }).flags;
      expect(flags(pinned.value)).toEqual(flags(latest.value));
    },
  );

  it("the clean 1.1 vendor is accepted", () => {
    expect(errorsFor({ answers: CLEAN_ANSWERS as Record<string, unknown> })).toEqual([]);
  });
});
