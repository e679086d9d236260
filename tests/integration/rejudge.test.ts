import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { rejudgeAssessment } from "@/lib/data/rejudge";
import { ensureSeedQuestionnaireVersion } from "@/prisma/seed";
import { createOrgWithUsers, setupFreshDatabase } from "./db";

// "Judged again as of today": a decided assessment's stored flags stay; the current engine's
// reading of the same answers is shown beside them, and nothing is written.
const { prisma } = await setupFreshDatabase();
const a = await createOrgWithUsers(prisma, "rejudge-a");
const b = await createOrgWithUsers(prisma, "rejudge-b");
const wellRun = JSON.parse(
  fs.readFileSync(path.resolve("tests/fixtures/engine/well-run-vendor.json"), "utf8"),
);
let assessmentId = "";

beforeAll(async () => {
  const qv = await ensureSeedQuestionnaireVersion({ prisma });
  const vendor = await prisma.vendor.create({
    data: { orgId: a.org.id, name: "Decided Co", tier: "critical" },
  });
  const answers = {
    ...wellRun.input.answers,
    // Pushed to every site at once: the 1.1 engine raises COMMON_MODE_CHANGE.
    unstaged_changes: ["security_agent"],
  };
  const assessment = await prisma.assessment.create({
    data: {
      orgId: a.org.id,
      vendorId: vendor.id,
      questionnaireVersionId: qv.id,
      requirements: wellRun.input.requirements,
      status: "accepted",
      submittedAt: new Date("2026-11-01T00:00:00Z"),
      asOfDate: new Date("2026-11-01T00:00:00Z"),
      rating: "medium",
      score: 88,
      // Decided on flags an older engine raised: one the current engine does not raise.
      flags: {
        create: [{ code: "RESTORE_SCOPE_GAP", severity: "medium", title: "t", detail: "d" }],
      },
      answers: {
        create: Object.entries(answers).map(([questionId, value]) => ({
          questionId,
          value: value as object,
          updatedByKind: "vendor" as const,
        })),
      },
    },
  });
  assessmentId = assessment.id;
});

describe("re-judge a decided assessment", () => {
  it("shows the flags the current engine adds and those it no longer raises, as of the day", async () => {
    const r = await rejudgeAssessment({ orgId: a.org.id, assessmentId, asOf: "2026-11-02" });
    expect(r?.rulesVersion).toMatch(/^1\.1/);
    expect(r?.added.map((f) => [f.code, f.severity])).toEqual([["COMMON_MODE_CHANGE", "high"]]);
    expect(r?.gone).toEqual([
      { code: "RESTORE_SCOPE_GAP", title: expect.any(String), severity: "medium" },
    ]);
    expect(r?.rating).toBe("high");
    // Two years on, the tests have gone stale.
    const later = await rejudgeAssessment({ orgId: a.org.id, assessmentId, asOf: "2028-11-02" });
    expect(later?.added.map((f) => f.code)).toEqual(
      expect.arrayContaining(["COMMON_MODE_CHANGE", "DR_TEST_STALE", "RESTORE_TEST_STALE"]),
    );
  });

  it("writes nothing: the stored flags and rating stay", async () => {
    await rejudgeAssessment({ orgId: a.org.id, assessmentId });
    const row = await prisma.assessment.findUniqueOrThrow({
      where: { id: assessmentId },
      include: { flags: true },
    });
    expect(row.rating).toBe("medium");
    expect(row.flags.map((f) => f.code)).toEqual(["RESTORE_SCOPE_GAP"]);
  });

  // Guards against a cross-tenant read: another organisation gets "not found".
  it("another organisation cannot re-judge it", async () => {
    await expect(rejudgeAssessment({ orgId: b.org.id, assessmentId })).rejects.toThrow(/not found/);
  });
});
