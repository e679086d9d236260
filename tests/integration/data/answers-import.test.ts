import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  answerCell,
  editWorkbook,
  externalLink,
  hugeSheet,
  macroEnabled,
  withFormula,
  zipBomb,
} from "../../helpers/hostile-workbooks";

// Importing a filled workbook (issue 22). Guards against: an answer written before the vendor
// confirmed the preview; a hostile file (zip bomb, 100,000 rows, a formula, macros, external
// links) saving anything; an import overwriting an answer saved after its preview; procurement
// importing into another organisation's assessment or one already submitted.

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-workbook-import-"));
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("../db");
const { importAnswersWorkbook } = await import("@/lib/data/answers-import");
const { getAssessmentWorkbook } = await import("@/lib/data/assessment-workbook");
const { saveAnswer } = await import("@/lib/portal/save-answer");
const { writeAnswersWorkbook } = await import("@/lib/spreadsheets/write");
const { parseAssessmentFile } = await import("@/lib/questionnaires/assessment-file");
const { NotFoundError } = await import("@/lib/errors");

const { prisma } = await setupFreshDatabase();
const buyer = await createOrgWithUsers(prisma, "import-buyer");
const other = await createOrgWithUsers(prisma, "import-other");
const wellRun = JSON.parse(fs.readFileSync("tests/fixtures/engine/well-run-vendor.json", "utf8"));

/** The assessment's own workbook, filled with the well-run vendor's answers. */
async function filledWorkbook(orgId: string, assessmentId: string) {
  const { input } = await getAssessmentWorkbook({ orgId, assessmentId });
  const parsed = parseAssessmentFile({
    input: { ...wellRun.input, version: input.questionnaire.version },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return writeAnswersWorkbook({ ...input, answers: parsed.value.answers });
}

async function sent(name: string) {
  const s = await sendTestAssessment(prisma, buyer, { vendorName: name, email: "dr@x.example" });
  return {
    ...s,
    args: {
      orgId: buyer.org.id,
      assessmentId: s.assessment.id,
      actor: { kind: "vendor" as const, invitationId: s.invitationId },
    },
  };
}

const confirmOf = (p: {
  digest: string;
  changes: { questionId: string; baseVersion: number }[];
}) => ({
  digest: p.digest,
  versions: Object.fromEntries(p.changes.map((c) => [c.questionId, c.baseVersion])),
});

describe("importing a filled workbook", () => {
  it("previews without writing, then saves exactly the preview as the vendor's answers", async () => {
    const a = await sent("Preview Co");
    await saveAnswer({
      invitationId: a.invitationId,
      assessmentId: a.assessment.id,
      questionId: "rto_minutes",
      value: 30,
      baseVersion: 0,
      idempotencyKey: "own-rto",
    });
    const bytes = await filledWorkbook(buyer.org.id, a.assessment.id);
    const preview = await importAnswersWorkbook({ ...a.args, bytes });
    if (preview.status !== "preview") throw new Error(JSON.stringify(preview));
    const rto = preview.changes.find((c) => c.questionId === "rto_minutes");
    expect(rto).toMatchObject({ from: "30", to: "60", baseVersion: 1 });
    expect(preview.changes.find((c) => c.questionId === "sites")?.to).toMatch(/^\d+ entries: /);
    expect(await prisma.answer.count({ where: { assessmentId: a.assessment.id } })).toBe(1);

    const done = await importAnswersWorkbook({ ...a.args, bytes, confirm: confirmOf(preview) });
    expect(done.status).toBe("imported");
    const rows = await prisma.answer.findMany({ where: { assessmentId: a.assessment.id } });
    expect(rows).toHaveLength(preview.changes.length);
    expect(rows.find((r) => r.questionId === "rto_minutes")).toMatchObject({
      value: 60,
      version: 2,
      awaitingConfirmation: false,
      updatedByKind: "vendor",
    });
    expect(rows.every((r) => !r.awaitingConfirmation)).toBe(true);
    expect(
      await prisma.answerRevision.count({ where: { answer: { assessmentId: a.assessment.id } } }),
    ).toBe(rows.length + 1);
    const audit = await prisma.auditEvent.findMany({
      where: { targetId: a.assessment.id, action: { in: ["answer.changed", "answers.imported"] } },
    });
    expect(audit.filter((e) => e.action === "answers.imported")).toHaveLength(1);
    expect(audit.filter((e) => (e.data as { via?: string }).via === "workbook")).toHaveLength(
      preview.changes.length,
    );
    // The same file again changes nothing.
    const again = await importAnswersWorkbook({ ...a.args, bytes });
    expect(again).toMatchObject({ status: "preview", changes: [] });
  });

  it("a blank cell keeps the answer; an answer saved after the preview is a conflict, nothing written", async () => {
    const a = await sent("Conflict Co");
    for (const [questionId, value, key] of [
      ["rto_minutes", 30, "k1"],
      ["rpo_minutes", 5, "k2"],
    ] as const)
      await saveAnswer({
        invitationId: a.invitationId,
        assessmentId: a.assessment.id,
        questionId,
        value,
        baseVersion: 0,
        idempotencyKey: key,
      });
    const bytes = await editWorkbook(await filledWorkbook(buyer.org.id, a.assessment.id), (b) => {
      answerCell(b, "rpo_minutes").value = null;
    });
    const preview = await importAnswersWorkbook({ ...a.args, bytes });
    if (preview.status !== "preview") throw new Error(JSON.stringify(preview));
    expect(preview.changes.map((c) => c.questionId)).not.toContain("rpo_minutes");
    await saveAnswer({
      invitationId: a.invitationId,
      assessmentId: a.assessment.id,
      questionId: "rto_minutes",
      value: 45,
      baseVersion: 1,
      idempotencyKey: "k3",
    });
    const before = await prisma.answer.findMany({ where: { assessmentId: a.assessment.id } });
    const result = await importAnswersWorkbook({ ...a.args, bytes, confirm: confirmOf(preview) });
    expect(result).toMatchObject({ status: "conflict" });
    if (result.status !== "conflict") return;
    expect(result.changes.find((c) => c.questionId === "rto_minutes")).toMatchObject({
      from: "45",
      baseVersion: 2,
    });
    expect(await prisma.answer.findMany({ where: { assessmentId: a.assessment.id } })).toEqual(
      before,
    );
    expect(
      await prisma.answer.findFirst({
        where: { assessmentId: a.assessment.id, questionId: "rpo_minutes" },
      }),
    ).toMatchObject({ value: 5 });
  });

  it.each([
    ["a zip bomb", zipBomb, /zip bomb/],
    ["100,000 rows", (b: Buffer) => hugeSheet(b), /100,00\d rows/],
    [
      "a formula (refused, its cached value not taken)",
      (b: Buffer) => withFormula(b, "rto_minutes"),
      /formula/,
    ],
    ["a macro-enabled file renamed .xlsx", macroEnabled, /macros/],
    ["external links", externalLink, /links to other files/],
  ])(
    "refuses %s with a message, saving nothing",
    async (_, make, message) => {
      const a = await sent(`Hostile ${String(message)}`);
      const bytes = await make(await filledWorkbook(buyer.org.id, a.assessment.id));
      const result = await importAnswersWorkbook({ ...a.args, bytes });
      expect(result.status).toBe("invalid");
      if (result.status !== "invalid") return;
      expect(result.problems[0]?.message).toMatch(message);
      // Not even with a made-up confirmation.
      const forced = await importAnswersWorkbook({
        ...a.args,
        bytes,
        confirm: { digest: "0".repeat(64), versions: {} },
      });
      expect(forced.status).toBe("invalid");
      expect(await prisma.answer.count({ where: { assessmentId: a.assessment.id } })).toBe(0);
    },
    120_000,
  );

  it("names the sheet, row and question of each bad value", async () => {
    const a = await sent("Typo Co");
    const bytes = await editWorkbook(await filledWorkbook(buyer.org.id, a.assessment.id), (b) => {
      answerCell(b, "rto_minutes").value = "four hours";
    });
    const result = await importAnswersWorkbook({ ...a.args, bytes });
    if (result.status !== "invalid") throw new Error(JSON.stringify(result));
    expect(result.problems).toContainEqual({
      sheet: "5. Recovery objectives",
      row: expect.stringMatching(/^\d+$/),
      question: expect.stringMatching(/recovery time/i),
      message: expect.stringMatching(/^Expected .*number.*; found "four hours"\.$/),
    });
    expect(await prisma.answer.count({ where: { assessmentId: a.assessment.id } })).toBe(0);
  });

  it("procurement's import arrives awaiting the vendor's confirmation; another organisation's is not found; a submitted one takes none", async () => {
    const a = await sent("Staff Co");
    const bytes = await filledWorkbook(buyer.org.id, a.assessment.id);
    const staff = { ...a.args, actor: { kind: "user" as const, userId: buyer.procurement.id } };
    await expect(
      importAnswersWorkbook({ ...staff, orgId: other.org.id, bytes }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const preview = await importAnswersWorkbook({ ...staff, bytes });
    if (preview.status !== "preview") throw new Error(JSON.stringify(preview));
    expect(
      await importAnswersWorkbook({ ...staff, bytes, confirm: confirmOf(preview) }),
    ).toMatchObject({
      status: "imported",
    });
    const rows = await prisma.answer.findMany({ where: { assessmentId: a.assessment.id } });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows)
      expect(r).toMatchObject({
        awaitingConfirmation: true,
        carriedFrom: "import",
        updatedByKind: "user",
        updatedByUserId: buyer.procurement.id,
      });
    expect(
      await prisma.auditEvent.count({
        where: {
          targetId: a.assessment.id,
          action: "answers.imported",
          actorUserId: buyer.procurement.id,
        },
      }),
    ).toBe(1);

    await prisma.assessment.update({
      where: { id: a.assessment.id },
      data: { status: "submitted" },
    });
    const count = await prisma.answerRevision.count({
      where: { answer: { assessmentId: a.assessment.id } },
    });
    expect(await importAnswersWorkbook({ ...staff, bytes })).toMatchObject({ status: "refused" });
    expect(
      await prisma.answerRevision.count({ where: { answer: { assessmentId: a.assessment.id } } }),
    ).toBe(count);
  });
});
