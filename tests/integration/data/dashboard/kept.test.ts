import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { getRatingHeatmap, getTopFlagCodes } from "@/lib/data/dashboard";
import type { Prisma } from "@/lib/db";
import { ZFinding } from "@/lib/schemas/assessment";
import { ZVendor } from "@/lib/schemas/vendor";
import { createRng, ensureSeedQuestionnaireVersion, seedPortfolio } from "@/prisma/seed";
import { WEAK_VENDOR_ANSWERS } from "../../../helpers/weak-vendor-answers";
import { createOrgWithUsers, sendTestAssessment, setupFreshDatabase } from "../../db";

// The dashboard's kept figures (migration dashboard_vendor_latest): each vendor row's latest
// judged assessment, current assessment and open findings, and the organisation's counters.
// After every write path the app has, what the triggers kept must equal what
// dashboard.backfill() works out from scratch, and the vendor row must name the right
// assessment.

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "kept-a");
const other = await createOrgWithUsers(prisma, "kept-b");
const actor = { kind: "user" as const, userId: org.procurement.id };
const scope = { orgId: org.org.id, actorId: org.procurement.id };

type TTx = Prisma.TransactionClient;

/** Every vendor's kept columns and every counter (totals plus the log of changes). */
async function keptState(tx: TTx) {
  const vendors = await tx.$queryRaw<object[]>`
    SELECT id, "latestAssessmentId", "latestRating"::text, "latestScore", "latestSubmittedAt",
           "latestTestMaxAgeMonths", "latestDrTestDate", "latestRestoreTestDate",
           "latestPlanReviewDate", "latestFlagCodes", "latestFlagSeverities"::text[],
           "latestFlagTitles", "latestSites", "currentStatus"::text, "currentDueDate",
           "openFindings"
    FROM "Vendor" ORDER BY id`;
  const counters = await tx.$queryRaw<object[]>`
    SELECT "orgId", kind, key, sum(n)::float8 AS n, sum(x)::float8 AS x, sum(y)::float8 AS y
    FROM (SELECT "orgId", kind, key, n, x, y FROM dashboard.total
          UNION ALL SELECT "orgId", kind, key, n, x, y FROM dashboard.change) c
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3`;
  return { vendors, counters };
}

class Rollback extends Error {}

/** What the triggers kept equals the backfill's from-scratch figures (worked out, rolled back). */
async function expectKeptRight() {
  const kept = await keptState(prisma);
  let rebuilt: Awaited<ReturnType<typeof keptState>> | undefined;
  await prisma
    .$transaction(async (tx) => {
      await tx.$queryRaw`SELECT dashboard.backfill()`;
      rebuilt = await keptState(tx);
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  expect(kept.counters.length).toBeGreaterThan(0);
  expect(kept).toEqual(rebuilt);
}

const vendorRow = (id: string) => prisma.vendor.findUniqueOrThrow({ where: { id } });

/** Answers an open assessment with the weak vendor's answers, then submits it (the portal's way). */
async function answerAndSubmit(
  link: { assessmentId: string; invitationId: string },
  answers: readonly [string, unknown][] = WEAK_VENDOR_ANSWERS,
) {
  const { saveAnswer } = await import("@/lib/portal/save-answer");
  const { submitAssessment } = await import("@/lib/portal/submit");
  const saved = await prisma.answer.findMany({ where: { assessmentId: link.assessmentId } });
  for (const [questionId, value] of answers) {
    const r = await saveAnswer({
      ...link,
      questionId,
      value,
      baseVersion: saved.find((a) => a.questionId === questionId)?.version ?? 0,
      idempotencyKey: `${questionId}-${crypto.randomBytes(6).toString("hex")}`,
    });
    if (r.status !== "saved") throw new Error(`${questionId}: ${JSON.stringify(r)}`);
  }
  const r = await submitAssessment(link);
  if (r.status !== "submitted") throw new Error(`submit: ${JSON.stringify(r)}`);
}

async function sendAgain(vendorId: string, previousAssessmentId?: string) {
  const { createAndSendAssessment } = await import("@/lib/data/assessments");
  const a = await createAndSendAssessment({
    orgId: org.org.id,
    actorId: org.procurement.id,
    input: {
      vendorId,
      questionnaire: "bcdr-core",
      requirements: { tier: "high", allowed_countries: [] },
      dueDate: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
      contactEmail: "again@kept-a.test",
      contactName: undefined,
      message: undefined,
      previousAssessmentId,
    },
  });
  const invitation = await prisma.invitation.findFirstOrThrow({ where: { assessmentId: a.id } });
  return { assessmentId: a.id, invitationId: invitation.id };
}

describe("the dashboard's kept figures", () => {
  it("a bulk-loaded portfolio (createMany) is kept like the backfill works it out", async () => {
    const qv = await ensureSeedQuestionnaireVersion({ prisma });
    const vendors = await Promise.all(
      (["critical", "high", "moderate", "low"] as const).map((tier, i) =>
        prisma.vendor.create({ data: { orgId: other.org.id, name: `Bulk ${i}`, tier } }),
      ),
    );
    await seedPortfolio({
      prisma,
      orgId: other.org.id,
      vendors,
      ownerId: other.procurement.id,
      deciderId: other.manager.id,
      rng: createRng({ seed: 7 }),
    });
    expect(qv.id).toBeTruthy();
    await expectKeptRight();
  });

  it("follows submit, changes requested, resubmit, decision, a later assessment, cancellation, findings, tier, archive and deletion", async () => {
    const sent = await sendTestAssessment(prisma, org, {
      vendorName: "Kept Vendor",
      email: "kept@kept-a.test",
    });
    const vendorId = sent.vendor.id;
    const first = { assessmentId: sent.assessment.id, invitationId: sent.invitationId };
    // Sent, not submitted: current but not latest.
    expect(await vendorRow(vendorId)).toMatchObject({
      latestAssessmentId: null,
      currentStatus: "sent",
    });
    await expectKeptRight();

    await answerAndSubmit(first);
    const submitted = await prisma.assessment.findUniqueOrThrow({
      where: { id: first.assessmentId },
    });
    const flags = await prisma.flag.findMany({ where: { assessmentId: first.assessmentId } });
    expect(await vendorRow(vendorId)).toMatchObject({
      latestAssessmentId: first.assessmentId,
      latestRating: submitted.rating,
      latestScore: submitted.score,
      latestSubmittedAt: submitted.submittedAt,
      latestFlagCodes: [...new Set(flags.map((f) => f.code))].sort(),
      currentStatus: "submitted",
    });
    expect((await vendorRow(vendorId)).latestSites).toEqual(WEAK_VENDOR_ANSWERS[0]![1]);
    await expectKeptRight();

    const { requestChanges, decideAssessment, createFinding, setFindingStatus } = await import(
      "@/lib/data/review"
    );
    await requestChanges({
      ...scope,
      assessmentId: first.assessmentId,
      items: [{ questionId: "rpo_minutes", comment: "Please check" }],
    });
    // Still the latest judged one (judged once), now awaiting the vendor.
    expect(await vendorRow(vendorId)).toMatchObject({
      latestAssessmentId: first.assessmentId,
      currentStatus: "changes_requested",
    });
    await expectKeptRight();

    // Judged again on resubmission, with the reopened answer changed.
    await answerAndSubmit(first, [["rpo_minutes", 2880]]);
    await expectKeptRight();

    await decideAssessment({ ...scope, assessmentId: first.assessmentId, decision: "accept" });
    expect(await vendorRow(vendorId)).toMatchObject({ currentStatus: "accepted" });
    await expectKeptRight();

    // A later assessment: current at once, latest once submitted.
    const second = await sendAgain(vendorId, first.assessmentId);
    expect(await vendorRow(vendorId)).toMatchObject({
      latestAssessmentId: first.assessmentId,
      currentStatus: "sent",
    });
    await expectKeptRight();
    await answerAndSubmit(second);
    expect(await vendorRow(vendorId)).toMatchObject({
      latestAssessmentId: second.assessmentId,
      currentStatus: "submitted",
    });
    await expectKeptRight();

    // Cancelled: the earlier judged assessment is the latest again.
    const { cancelAssessment } = await import("@/lib/data/assessment-lifecycle");
    await cancelAssessment({
      orgId: org.org.id,
      actor,
      assessmentId: second.assessmentId,
      reason: "Sent by mistake.",
    });
    expect(await vendorRow(vendorId)).toMatchObject({
      latestAssessmentId: first.assessmentId,
      currentStatus: "cancelled",
    });
    await expectKeptRight();

    // Findings: the open count.
    const finding = await createFinding({
      ...scope,
      input: ZFinding.parse({
        assessmentId: first.assessmentId,
        title: "No second site",
        description: "One facility only.",
        severity: "high",
      }),
    });
    const open = (await vendorRow(vendorId)).openFindings;
    expect(open).toBeGreaterThan(0);
    await setFindingStatus({ ...scope, findingId: finding.id, status: "remediated" });
    expect((await vendorRow(vendorId)).openFindings).toBe(open - 1);
    await expectKeptRight();

    // Tier and archive move the vendor between counters; the heat map follows.
    const { updateVendor, setVendorArchived } = await import("@/lib/data/vendors");
    const before = await prisma.vendor.findUniqueOrThrow({ where: { id: vendorId } });
    await updateVendor({
      ...scope,
      vendorId,
      input: ZVendor.parse({ name: before.name, tier: "critical" }),
    });
    const heat = await getRatingHeatmap({ orgId: org.org.id });
    expect(heat).toEqual([
      { tier: "critical", rating: (await vendorRow(vendorId)).latestRating, vendors: 1 },
    ]);
    await expectKeptRight();
    await setVendorArchived({ ...scope, vendorId, archived: true });
    expect(await getRatingHeatmap({ orgId: org.org.id })).toEqual([]);
    expect(await getTopFlagCodes({ orgId: org.org.id })).toEqual([]);
    await expectKeptRight();
    await setVendorArchived({ ...scope, vendorId, archived: false });
    expect(await getRatingHeatmap({ orgId: org.org.id })).toEqual(heat);
    await expectKeptRight();

    // Deleted (its assessments, flags and answers go with it).
    await prisma.vendor.delete({ where: { id: vendorId } });
    expect(await getRatingHeatmap({ orgId: org.org.id })).toEqual([]);
    await expectKeptRight();
  });

  it("two transactions writing one vendor's assessments at once leave the later one latest", async () => {
    const qv = await ensureSeedQuestionnaireVersion({ prisma });
    const vendor = await prisma.vendor.create({
      data: { orgId: org.org.id, name: "Raced", tier: "low" },
    });
    const judged = (daysAgo: number, rating: "high" | "low") => ({
      orgId: org.org.id,
      vendorId: vendor.id,
      questionnaireVersionId: qv.id,
      requirements: { tier: "low" },
      status: "submitted" as const,
      submittedAt: new Date(Date.now() - daysAgo * 86_400_000),
      score: rating === "high" ? 30 : 80,
      rating,
    });
    // The first holds its vendor row while the second writes; the second must see its commit.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const first = prisma.$transaction(async (tx) => {
      await tx.assessment.create({ data: judged(1, "low") });
      await held;
    });
    await new Promise((r) => setTimeout(r, 200));
    const second = prisma.assessment.create({ data: judged(5, "high") });
    await new Promise((r) => setTimeout(r, 200));
    release();
    await Promise.all([first, second]);
    expect(await vendorRow(vendor.id)).toMatchObject({ latestRating: "low", latestScore: 80 });
    await expectKeptRight();
  });
});
