import { describe, expect, it } from "vitest";
import { getQuestionnaire, getQuestions } from "@/lib/questionnaires";
import { buildRequirementRows } from "@/lib/reports/requirement-rows";
import type { TAnswers } from "@/lib/rules/types";
import { resolveRequirements } from "@/lib/scoring";
import { CLEAN_ANSWERS } from "@/tests/unit/engine/helpers";

// The report's requirement table covers the 1.1 fields, judged with the engine's own facts.

const rows = (answers: Record<string, unknown>, asked?: ReadonlySet<string>) =>
  buildRequirementRows({
    answers: answers as TAnswers,
    requirements: resolveRequirements({ requirements: { tier: "critical" } }),
    asOf: "2026-11-01",
    asked,
  });
const row = (list: ReturnType<typeof rows>, label: string) => list.find((r) => r.label === label);

describe("requirement rows (bcdr-core 1.1)", () => {
  it("judges the clean vendor as meeting every 1.1 requirement", () => {
    const list = rows({ ...CLEAN_ANSWERS });
    for (const label of [
      "Life of immutable or offline backup copies",
      "Customer notification after an incident",
      "Run time on site power, grid down",
      "People able to lead failover and restore",
      "Scenarios the plan covers",
      "Measured recovery at full scale",
    ]) {
      expect(row(list, label)?.met, label).toBe(true);
    }
  });

  it("names the shortfalls", () => {
    const list = rows({
      ...CLEAN_ANSWERS,
      immutable_retention_days: 7,
      customer_notification_hours: 48,
      failover_qualified_staff_count: 1,
      plan_covers: ["site_loss"],
      dr_test_recovery_minutes: 600,
    });
    expect(row(list, "Life of immutable or offline backup copies")).toMatchObject({
      required: "at least 30 days",
      answered: "7 days",
      met: false,
    });
    expect(row(list, "Customer notification after an incident")).toMatchObject({
      required: "at most 4 hours",
      met: false,
    });
    expect(row(list, "People able to lead failover and restore")).toMatchObject({
      answered: "1 person",
      met: false,
    });
    expect(row(list, "Scenarios the plan covers")?.answered).toContain("ransomware");
    expect(row(list, "Measured recovery at full scale")).toMatchObject({
      answered: "10 h",
      met: false,
    });
    const mutable = rows({ ...CLEAN_ANSWERS, backup_immutable: "no", backup_offline_copy: "no" });
    expect(row(mutable, "Life of immutable or offline backup copies")).toMatchObject({
      answered: "no immutable or offline copy",
      met: false,
    });
  });

  it("leaves out rows about questions a 1.0.0 assessment never asked", () => {
    const v1 = getQuestionnaire({ id: "bcdr-core", version: "1.0.0" })!;
    const asked = new Set(getQuestions({ questionnaire: v1 }).map((q) => q.id));
    const labels = rows({ ...CLEAN_ANSWERS }, asked).map((r) => r.label);
    expect(labels).not.toContain("Run time on site power, grid down");
    expect(labels).not.toContain("People able to lead failover and restore");
    expect(labels).not.toContain("Measured recovery at full scale");
    // Asked in 1.0 already, scored since 1.1.
    expect(labels).toContain("Customer notification after an incident");
    expect(labels).toContain("Scenarios the plan covers");
  });
});
