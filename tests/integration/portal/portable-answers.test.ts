import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Portable answers (issue 22): the answers a vendor gave one customer leave as a file with the
// questionnaire's id and version and nothing about that customer, and arrive in another
// customer's questionnaire awaiting the vendor's confirmation — never over an answer given
// there, never into a submitted one.

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-portable-"));
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("../db");
const { exportPortableAnswers, importPortableAnswers } = await import(
  "@/lib/portal/portable-answers"
);
const { saveAnswer } = await import("@/lib/portal/save-answer");
const { getMissingRequired, getQuestionnaire } = await import("@/lib/questionnaires");
const { toAnswers } = await import("@/lib/data/answer-rows");

const { prisma } = await setupFreshDatabase();
const first = await createOrgWithUsers(prisma, "portable-first");
const second = await createOrgWithUsers(prisma, "portable-second");
const wellRun = JSON.parse(fs.readFileSync("tests/fixtures/engine/well-run-vendor.json", "utf8"))
  .input as { answers: Record<string, unknown> };

describe("portable answers", () => {
  it("leave one customer with the answers only and arrive at another awaiting confirmation", async () => {
    const a = await sendTestAssessment(prisma, first, {
      vendorName: "Travel Co",
      email: "dr@travel.example",
    });
    // The vendor's confirmed answers at the first customer, and one still awaiting confirmation.
    for (const [questionId, value] of Object.entries(wellRun.answers))
      await prisma.answer.create({
        data: {
          assessmentId: a.assessment.id,
          questionId,
          value: value as object,
          updatedByKind: "vendor",
        },
      });
    await prisma.answer.update({
      where: {
        assessmentId_questionId: { assessmentId: a.assessment.id, questionId: "rpo_minutes" },
      },
      data: { awaitingConfirmation: true, carriedFrom: "previous" },
    });
    const file = await exportPortableAnswers({ assessmentId: a.assessment.id });
    expect(Object.keys(file).sort()).toEqual(["answers", "questionnaire", "version"]);
    expect(file).toMatchObject({ questionnaire: "bcdr-core", version: "1.1.0" });
    expect(file.answers.rpo_minutes).toBeUndefined();
    expect(file.answers.rto_minutes).toBe(wellRun.answers.rto_minutes);
    expect(JSON.stringify(file)).not.toContain(first.org.name);

    // At the second customer the vendor has already answered one question itself.
    const b = await sendTestAssessment(prisma, second, {
      vendorName: "Travel Co",
      email: "dr@travel.example",
    });
    const own = await saveAnswer({
      invitationId: b.invitationId,
      assessmentId: b.assessment.id,
      questionId: "rto_minutes",
      value: 30,
      baseVersion: 0,
      idempotencyKey: "own-rto",
    });
    expect(own.status).toBe("saved");
    const result = await importPortableAnswers({
      invitationId: b.invitationId,
      assessmentId: b.assessment.id,
      input: { ...file, answers: { ...file.answers, not_a_question: "x" } },
    });
    if (result.status !== "imported") throw new Error(JSON.stringify(result));
    expect(result.kept).toEqual(["rto_minutes"]);
    expect(result.dropped).toEqual(["not_a_question"]);
    expect(result.carried).toContain("sites");
    const rows = await prisma.answer.findMany({ where: { assessmentId: b.assessment.id } });
    const rto = rows.find((r) => r.questionId === "rto_minutes")!;
    expect(rto).toMatchObject({ value: 30, awaitingConfirmation: false });
    for (const r of rows.filter((r) => r.questionId !== "rto_minutes"))
      expect(r).toMatchObject({ awaitingConfirmation: true, carriedFrom: "import" });
    // Until confirmed they count as unanswered: the required ones are still missing.
    const q = getQuestionnaire({ id: "bcdr-core", version: "1.1.0" })!;
    const missing = getMissingRequired({ questionnaire: q, answers: toAnswers(rows) }).map(
      (m) => m.id,
    );
    expect(missing).toContain("sites");
    expect(missing).not.toContain("rto_minutes");
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "answers.imported", targetId: b.assessment.id },
    });
    expect(audit).toMatchObject({ orgId: second.org.id, actorInvitationId: b.invitationId });
  });

  it("refuses a file that is not one, naming the field, and another questionnaire's, saving nothing", async () => {
    const c = await sendTestAssessment(prisma, second, {
      vendorName: "Odd Co",
      email: "dr@odd.example",
    });
    const args = { invitationId: c.invitationId, assessmentId: c.assessment.id };
    expect(await importPortableAnswers({ ...args, input: { answers: {} } })).toMatchObject({
      status: "invalid",
      field: "questionnaire",
    });
    expect(
      await importPortableAnswers({
        ...args,
        input: { questionnaire: "bcdr-core", version: "1.1.0", answers: {}, requirements: {} },
      }),
    ).toMatchObject({ status: "invalid" });
    expect(
      await importPortableAnswers({
        ...args,
        input: { questionnaire: "iso-27001", version: "1.0.0", answers: { rto_minutes: 60 } },
      }),
    ).toMatchObject({ status: "invalid", field: "questionnaire" });
    expect(await prisma.answer.count({ where: { assessmentId: c.assessment.id } })).toBe(0);
  });

  it("imports nothing into a submitted questionnaire", async () => {
    const d = await sendTestAssessment(prisma, second, {
      vendorName: "Done Co",
      email: "dr@done.example",
    });
    await prisma.assessment.update({
      where: { id: d.assessment.id },
      data: { status: "submitted", submittedAt: new Date() },
    });
    const r = await importPortableAnswers({
      invitationId: d.invitationId,
      assessmentId: d.assessment.id,
      input: { questionnaire: "bcdr-core", version: "1.1.0", answers: { rto_minutes: 60 } },
    });
    expect(r).toMatchObject({ status: "refused" });
    expect(await prisma.answer.count({ where: { assessmentId: d.assessment.id } })).toBe(0);
  });
});
