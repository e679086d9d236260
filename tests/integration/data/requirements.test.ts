import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WEAK_VENDOR_ANSWERS } from "../../helpers/weak-vendor-answers";

// Guards against an assessment whose requirements read differently depending on who asks: only
// submit applied the organisation's policy, so the review page, the vendor portal and the PDF
// said 100 km beside a flag saying "your organisation's policy: 300 km" (issue 18).

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-requirements-"));
process.env.DATA_DIR = dataDir;
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("../db");
const { getAssessmentDetail } = await import("@/lib/data/assessments");
const { getPortalAssessment } = await import("@/lib/portal/access");
const { readResolvedRequirements } = await import("@/lib/data/requirements");
const { loadAssessmentReport } = await import("@/lib/reports/load-assessment-report");
const { submitAssessment } = await import("@/lib/portal/submit");
const { getDecayClocks } = await import("@/lib/data/dashboard");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "requirements");
const policy = (km: number) => ({
  tiers: { critical: { min_separation_km: km, reason: "Our board asks for regional distance" } },
});
await prisma.organization.update({
  where: { id: org.org.id },
  data: { policy: policy(300), policyVersion: 2 },
});

/** What each reader of one assessment says the required separation is. */
async function readers(assessmentId: string) {
  const detail = await getAssessmentDetail({ orgId: org.org.id, assessmentId });
  const { assessment } = await getPortalAssessment({ assessmentId });
  const portal = readResolvedRequirements({
    stored: assessment.resolvedRequirements,
    requirements: assessment.requirements,
    policy: assessment.org.policy,
  });
  const report = await loadAssessmentReport({ orgId: org.org.id, assessmentId });
  const pdfRow = report.requirements.find((r) => r.label.startsWith("Site separation"));
  return {
    review: detail.resolved?.min_separation_km,
    portal: portal?.min_separation_km,
    pdf: pdfRow?.required,
    changed: detail.requirementsChanged,
  };
}

describe("an assessment's requirements", () => {
  it("are worked out once when sent, policy included, and every reader shows them", async () => {
    const s = await sendTestAssessment(prisma, org, {
      vendorName: "Policy Vendor",
      email: "policy@vendor.example",
      tier: "critical",
    });
    const row = await prisma.assessment.findUniqueOrThrow({ where: { id: s.assessment.id } });
    expect(row.requirements).toEqual({ tier: "critical" }); // the fields as typed stay apart
    expect(row.resolvedRequirements).toMatchObject({
      min_separation_km: 300,
      sources: { min_separation_km: "policy" },
      policy_reason: "Our board asks for regional distance",
    });
    expect(row.requirementsPolicyVersion).toBe(2);
    expect(await readers(s.assessment.id)).toEqual({
      review: 300,
      portal: 300,
      pdf: "at least 300 km",
      changed: [],
    });
  });

  it("are worked out again at submit when the policy changed, and the change is shown", async () => {
    const s = await sendTestAssessment(prisma, org, {
      vendorName: "Changed Policy Vendor",
      email: "changed@vendor.example",
      tier: "critical",
    });
    await prisma.organization.update({
      where: { id: org.org.id },
      data: { policy: policy(500), policyVersion: 3 },
    });
    // Sent under version 2: every reader still says 300 km until the vendor submits.
    expect((await readers(s.assessment.id)).portal).toBe(300);
    await prisma.answer.createMany({
      data: WEAK_VENDOR_ANSWERS.map(([questionId, value]) => ({
        assessmentId: s.assessment.id,
        questionId,
        value: value as object,
        updatedByKind: "vendor" as const,
      })),
    });
    const r = await submitAssessment({
      invitationId: s.invitationId,
      assessmentId: s.assessment.id,
    });
    expect(r).toMatchObject({ status: "submitted" });
    const row = await prisma.assessment.findUniqueOrThrow({ where: { id: s.assessment.id } });
    expect(row.requirementsPolicyVersion).toBe(3);
    expect(row.requirementsAtSend).toMatchObject({ min_separation_km: 300 });
    expect(await readers(s.assessment.id)).toEqual({
      review: 500,
      portal: 500,
      pdf: "at least 500 km",
      changed: [{ field: "min_separation_km", before: 300, after: 500 }],
    });
  });

  it("of an assessment sent before they were stored are resolved the same way on reading", async () => {
    const s = await sendTestAssessment(prisma, org, {
      vendorName: "Old Row Vendor",
      email: "old@vendor.example",
      tier: "critical",
    });
    await prisma.$executeRaw`UPDATE "Assessment" SET "resolvedRequirements" = NULL WHERE id = ${s.assessment.id}`;
    const seen = await readers(s.assessment.id);
    expect(seen.review).toBe(500);
    expect(seen.portal).toBe(500);
    expect(seen.pdf).toBe("at least 500 km");
  });

  it("give the dashboard's decay clocks the policy's test age", async () => {
    await prisma.organization.update({
      where: { id: org.org.id },
      data: {
        policy: { tiers: { critical: { max_test_age_months: 3, reason: "Quarterly tests" } } },
        policyVersion: 4,
      },
    });
    const s = await sendTestAssessment(prisma, org, {
      vendorName: "Quarterly Vendor",
      email: "quarterly@vendor.example",
      tier: "critical",
    });
    const fourMonthsAgo = new Date(Date.now() - 122 * 86_400_000).toISOString().slice(0, 10);
    await prisma.answer.create({
      data: {
        assessmentId: s.assessment.id,
        questionId: "dr_test_last_date",
        value: fourMonthsAgo,
        updatedByKind: "vendor",
      },
    });
    await prisma.assessment.update({
      where: { id: s.assessment.id },
      data: { status: "submitted", submittedAt: new Date() },
    });
    // Four months old: stale under the policy's 3 months (the tier default would be 12).
    const { counts } = await getDecayClocks({ orgId: org.org.id });
    expect(counts.find((c) => c.kind === "dr_test_last_date")?.stale).toBe(1);
  });
});
