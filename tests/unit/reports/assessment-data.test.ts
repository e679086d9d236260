import { describe, expect, it } from "vitest";
import { getQuestionnaire } from "@/lib/questionnaires/registry";
import { buildAssessmentReport, type TReportSource } from "@/lib/reports/assessment-data";
import { REPORT_SITES as SITES } from "../../helpers/sites";

const found = getQuestionnaire({ id: "bcdr-core" });
if (!found) throw new Error("bcdr-core questionnaire missing");
const questionnaire = found;

function source(over: Partial<TReportSource["assessment"]> = {}): TReportSource {
  return {
    questionnaire,
    answers: { sites: SITES, rto_minutes: 480, rpo_minutes: 15, dr_test_last_date: "2023-05-01" },
    assessment: {
      id: "a1",
      status: "submitted",
      requirements: { tier: "critical" },
      dueDate: new Date("2026-02-20"),
      sentAt: new Date("2026-02-01"),
      submittedAt: new Date("2026-02-18"),
      decidedAt: null,
      decisionComment: null,
      asOfDate: new Date("2026-03-01"),
      score: 31,
      rating: "critical",
      nextReassessmentDate: null,
      vendor: { name: "Nordlicht", tier: "critical", services: ["Payments"], website: null },
      questionnaireVersion: { version: "1.0.0" },
      flags: [
        {
          id: "f1",
          code: "DR_TEST_STALE",
          severity: "high",
          title: "DR test stale",
          detail: "34 months",
          questions: ["dr_test_last_date"],
        },
        {
          id: "f2",
          code: "SITE_SEPARATION_INSUFFICIENT",
          severity: "critical",
          title: "Sites 0.1 km apart",
          detail: "d",
          questions: ["sites"],
        },
        {
          id: "f3",
          code: "PLAN_REVIEW_STALE",
          severity: "low",
          title: "Plan review stale",
          detail: "d",
          questions: [],
        },
      ],
      evidence: [
        {
          fileName: "dr.pdf",
          questionId: "dr_test_last_date",
          evidenceDate: null,
          createdAt: new Date("2026-02-10"),
          sizeBytes: 2048,
        },
      ],
      findings: [],
      ...over,
    },
  };
}

const build = (over?: Partial<TReportSource["assessment"]>) =>
  buildAssessmentReport({ source: source(over), generatedAt: new Date("2026-03-02T09:30:00Z") });

describe("buildAssessmentReport", () => {
  it("orders flags worst first and names the answers behind each", () => {
    const r = build();
    expect(r.flags.map((f) => f.id)).toEqual(["f2", "f1", "f3"]);
    expect(r.flags[0]?.answers[0]?.answer).toContain("Frankfurt Ost (primary");
    expect(r.topRisks).toEqual(["Sites 0.1 km apart (critical)", "DR test stale (high)"]);
    expect(r.severityCounts).toMatchObject({ critical: 1, high: 1, low: 1, medium: 0 });
  });

  it("names the sites a backup-site answer refers to, never their ids (issue 17)", () => {
    const r = buildAssessmentReport({
      source: {
        ...source(),
        answers: { ...source().answers, backup_exists: "yes", backup_site_ids: ["s3", "s9"] },
      },
      generatedAt: new Date("2026-03-02T09:30:00Z"),
    });
    const rows = r.sections.flatMap((s) => s.rows);
    const backups = rows.find((x) => x.questionId === "backup_site_ids")?.answer;
    expect(backups).toBe("Zürich Süd, s9 (no longer listed)");
    expect(rows.find((x) => x.questionId === "sites")?.answer).not.toMatch(/\bs\d\b/);
    expect(r.siteAnswers.backupIds).toEqual(["s3", "s9"]);
  });

  it("judges requirements against answers with the engine's facts", () => {
    const rows = Object.fromEntries(build().requirements.map((q) => [q.label, q]));
    expect(rows["Recovery time (RTO)"]).toMatchObject({ answered: "8 h", met: false });
    expect(rows["Recovery point (RPO)"]?.answered).toBe("15 min");
    expect(rows["Site separation (primary to secondary)"]).toMatchObject({ met: false });
    expect(rows["Age of last DR test"]?.answered).toBe("34 months");
    expect(rows["Age of last restore test"]).toMatchObject({ answered: "not answered", met: null });
  });

  it("lists site distances and draws the map from the review page's geometry", () => {
    const r = build();
    const pair = r.distances.find(
      (d) => d.from.startsWith("Frankfurt Ost") && d.to.startsWith("Frankfurt Nord"),
    );
    expect(pair?.distance).toBe("0.1 km");
    expect(pair?.note).toContain("same place");
    expect(r.siteMap?.markers).toHaveLength(3);
    expect(r.siteMap?.land.length).toBeGreaterThan(1000);
  });

  it("groups answers by section and marks flagged ones; dates are plain strings", () => {
    const r = build();
    const rows = r.sections.flatMap((s) => s.rows);
    expect(rows.find((x) => x.questionId === "sites")?.flagged).toBe(true);
    expect(rows.find((x) => x.questionId === "rpo_minutes")?.flagged).toBe(false);
    expect(r.dates).toMatchObject({
      asOf: "2026-03-01",
      generatedAt: "2026-03-02 09:30 UTC",
      decided: null,
    });
    expect(r.evidence[0]).toMatchObject({
      evidenceDate: "undated",
      uploaded: "2026-02-10",
      size: "2 KB",
    });
    // Plain data: it crosses to the worker by structured clone without loss.
    expect(structuredClone(r)).toEqual(r);
  });

  it("records a decision in the sign-off block", () => {
    const r = buildAssessmentReport({
      source: source({
        status: "accepted",
        decidedAt: new Date("2026-03-05"),
        decisionComment: "OK with findings",
      }),
      generatedAt: new Date(),
      decidedBy: "Dana Risk",
    });
    expect(r.signOff).toEqual({
      decision: "accepted",
      decidedBy: "Dana Risk",
      decidedAt: "2026-03-05",
      comment: "OK with findings",
    });
  });
});
