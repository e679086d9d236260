import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Answers carried into an assessment (from the last one, from questionnaire 1.0.0 into 1.1.0,
// from a file) await the vendor's confirmation; only what the new questionnaire accepts is
// carried, and until confirmed they count as unanswered: submit is refused, naming them.

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-carry-"));
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("../db");
const { carryAnswersIn } = await import("@/lib/data/carry-answers");
const { createAndSendAssessment, getAssessmentDetail } = await import("@/lib/data/assessments");
const { ensureQuestionnaireVersion } = await import("@/lib/data/questionnaire-versions");
const { getQuestionnaire } = await import("@/lib/questionnaires");
const { saveAnswer } = await import("@/lib/portal/save-answer");
const { submitAssessment } = await import("@/lib/portal/submit");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "carry");
const v10 = JSON.parse(fs.readFileSync("tests/fixtures/engine/well-run-vendor.json", "utf8")).input
  .answers as Record<string, unknown>;
const q11 = getQuestionnaire({ id: "bcdr-core", version: "1.1.0" })!;

describe("carryAnswersIn", () => {
  it("carries 1.0.0 answers into 1.1.0 awaiting confirmation, dropping what 1.1.0 refuses", async () => {
    const { assessment } = await sendTestAssessment(prisma, org, {
      vendorName: "Carry Co",
      email: "dr@carry.example",
    });
    const input = {
      ...v10,
      not_a_question: "yes",
      rto_minutes: -5,
      // Names a site that is not in the carried sites list.
      backup_site_ids: ["nowhere"],
    };
    const result = await prisma.$transaction((tx) =>
      carryAnswersIn({
        tx,
        assessmentId: assessment.id,
        questionnaire: q11,
        answers: input,
        source: "questionnaire",
      }),
    );
    expect(result.dropped).toEqual(["backup_site_ids", "not_a_question", "rto_minutes"]);
    expect(result.carried).toContain("sites");
    expect(result.carried).toContain("topology");
    const rows = await prisma.answer.findMany({
      where: { assessmentId: assessment.id },
      include: { revisions: true },
    });
    expect(rows.map((r) => r.questionId).sort()).toEqual(result.carried);
    for (const r of rows) {
      expect(r).toMatchObject({
        awaitingConfirmation: true,
        carriedFrom: "questionnaire",
        updatedByKind: "system",
        version: 1,
      });
      expect(r.revisions.map((x) => x.version)).toEqual([1]);
    }
    expect(rows.find((r) => r.questionId === "sites")?.value).toEqual(v10.sites);
  });

  it("replaces an answer already there as a new version, so an older autosave conflicts", async () => {
    const { assessment, invitationId } = await sendTestAssessment(prisma, org, {
      vendorName: "Import Co",
      email: "dr@import.example",
    });
    const save = (value: unknown, baseVersion: number, key: string) =>
      saveAnswer({
        invitationId,
        assessmentId: assessment.id,
        questionId: "rto_minutes",
        value,
        baseVersion,
        idempotencyKey: key,
      });
    expect(await save(240, 0, "typed-1")).toMatchObject({ status: "saved", version: 1 });
    await prisma.$transaction((tx) =>
      carryAnswersIn({
        tx,
        assessmentId: assessment.id,
        questionnaire: q11,
        answers: { rto_minutes: 60 },
        source: "import",
      }),
    );
    const row = await prisma.answer.findFirstOrThrow({
      where: { assessmentId: assessment.id, questionId: "rto_minutes" },
    });
    expect(row).toMatchObject({ value: 60, version: 2, awaitingConfirmation: true });
    expect(await save(300, 1, "typed-2")).toMatchObject({ status: "conflict", value: 60 });
    // Saving on top of it (the Confirm button sends the same value) confirms it.
    expect(await save(60, 2, "confirm-1")).toMatchObject({ status: "saved", version: 3 });
    const confirmed = await prisma.answer.findFirstOrThrow({ where: { id: row.id } });
    expect(confirmed).toMatchObject({ awaitingConfirmation: false, carriedFrom: "import" });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { targetId: assessment.id, action: "answer.changed" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.data).toMatchObject({ question: "rto_minutes", confirmed: "import" });
  });
});

describe("a reassessment from a 1.0.0 assessment", () => {
  it("starts 1.1.0 from its answers; submit is refused until the required ones are confirmed", async () => {
    const vendor = await prisma.vendor.create({
      data: { orgId: org.org.id, name: "Old Version Co", tier: "high" },
    });
    const qv10 = await ensureQuestionnaireVersion({ id: "bcdr-core", version: "1.0.0" });
    const prev = await prisma.assessment.create({
      data: {
        orgId: org.org.id,
        vendorId: vendor.id,
        questionnaireVersionId: qv10.id,
        requirements: { tier: "high" },
        status: "accepted",
        submittedAt: new Date(),
        answers: {
          create: Object.entries(v10).map(([questionId, value]) => ({
            questionId,
            value: value as object,
            updatedByKind: "vendor" as const,
          })),
        },
      },
    });
    const next = await createAndSendAssessment({
      orgId: org.org.id,
      actorId: org.procurement.id,
      input: {
        vendorId: vendor.id,
        questionnaire: "bcdr-core",
        requirements: { tier: "high", allowed_countries: [] },
        dueDate: "2027-06-30",
        contactEmail: "dr@old.example",
        contactName: undefined,
        message: undefined,
        previousAssessmentId: prev.id,
      },
    });
    const rows = await prisma.answer.findMany({ where: { assessmentId: next.id } });
    expect(rows.length).toBe(Object.keys(v10).length);
    expect(rows.every((r) => r.awaitingConfirmation && r.carriedFrom === "previous")).toBe(true);
    const invitation = await prisma.invitation.findFirstOrThrow({
      where: { assessmentId: next.id },
    });

    // Refused, naming each required answer that awaits confirmation.
    const refused = await submitAssessment({ invitationId: invitation.id, assessmentId: next.id });
    expect(refused.status).toBe("incomplete");
    const missing = refused.status === "incomplete" ? refused.missing : [];
    expect(missing).toContainEqual({
      id: "rto_minutes",
      label: "Recovery time objective (RTO)",
      awaitingConfirmation: true,
    });

    // Confirming one takes it off the list; nothing was submitted meanwhile.
    const rto = rows.find((r) => r.questionId === "rto_minutes")!;
    await saveAnswer({
      invitationId: invitation.id,
      assessmentId: next.id,
      questionId: "rto_minutes",
      value: rto.value,
      baseVersion: rto.version,
      idempotencyKey: "confirm-rto",
    });
    const again = await submitAssessment({ invitationId: invitation.id, assessmentId: next.id });
    expect(again.status).toBe("incomplete");
    const still = again.status === "incomplete" ? again.missing.map((m) => m.id) : [];
    expect(still).not.toContain("rto_minutes");
    expect(still).toContain("topology");
    const stored = await prisma.assessment.findUniqueOrThrow({ where: { id: next.id } });
    expect(stored.status).not.toBe("submitted");
    expect(stored.submittedAt).toBeNull();

    // The review tells the confirmed answer from those still awaiting confirmation.
    const detail = await getAssessmentDetail({ orgId: org.org.id, assessmentId: next.id });
    expect(detail.confirmedUnchanged).toEqual(["rto_minutes"]);
    expect(detail.changedSincePrevious).toEqual([]);
    expect(detail.awaitingConfirmation).toContain("topology");
    expect(detail.answers).not.toHaveProperty("topology");
  });
});
