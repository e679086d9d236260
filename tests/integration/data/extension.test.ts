import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Guards against an organisation's own questions that are lost, leak or shift under a sent
// assessment: each save is a new version of that organisation only, an assessment keeps the
// version it was sent with, a bad form names its field, and an exported extension imported into
// another organisation gives the same questions and rules (issue 19).

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-extension-"));
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("../db");
const ext = await import("@/lib/data/extension");
const { readStoredQuestionnaire } = await import("@/lib/data/questionnaire-versions");
const { ZExtensionImport } = await import("@/lib/schemas/extension");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "ext");
const other = await createOrgWithUsers(prisma, "ext-other");
const scope = { orgId: org.org.id, actorId: org.admin.id };

const question = {
  section: "",
  sectionTitle: "Insurance",
  id: "x_insured",
  label: "Do you hold cyber insurance?",
  type: "yesno" as const,
  required: true,
  conditionQuestion: "",
};

/** The field errors a refused edit names. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return (e as { issues: { path: string[]; message: string }[] }).issues.map(
      (i) => `${i.path.join(".")}: ${i.message}`,
    );
  }
  throw new Error("the edit was accepted");
}

describe("the questionnaire extension", () => {
  it("saves each change as a new version, naming a bad field without saving", async () => {
    expect(await ext.addExtensionQuestion({ ...scope, form: question })).toMatchObject({
      version: 1,
    });
    const sectionId = (await ext.getCurrentExtension(scope))!.extension.sections[0]!.id;
    expect(
      await ext.addExtensionQuestion({
        ...scope,
        form: {
          ...question,
          section: sectionId,
          id: "x_audit",
          label: "When was the last backup audit?",
          type: "date",
          conditionQuestion: "backup_exists",
          conditionValue: "yes",
        },
      }),
    ).toMatchObject({ version: 2 });
    expect(
      await refusal(
        ext.addExtensionQuestion({ ...scope, form: { ...question, section: sectionId } }),
      ),
    ).toEqual(["id: an id used once (x_insured appears twice)"]);
    expect(
      await refusal(
        ext.addExtensionRule({
          ...scope,
          form: {
            code: "ORG_OLD",
            title: "Old",
            explanation: "x",
            severity: "low",
            question: "x_insured",
            op: "lt",
            value: "3",
          },
        }),
      ),
    ).toEqual(["op: for a yesno question, one of equals, in"]);
    await ext.addExtensionRule({
      ...scope,
      form: {
        code: "ORG_NOT_INSURED",
        title: "No cyber insurance",
        explanation: "Answered {answer}.",
        severity: "high",
        question: "x_insured",
        op: "equals",
        value: "no",
      },
    });
    const editor = await ext.getExtensionEditor(scope);
    expect(editor.version).toBe(3);
    expect(editor.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(editor.extension.sections[0]!.questions[1]!.visibleWhen).toEqual({
      question: "backup_exists",
      op: "equals",
      value: "yes",
    });
    // Another organisation sees none of it.
    expect(await ext.getCurrentExtension({ orgId: other.org.id })).toBeNull();
    expect(
      await prisma.auditEvent.count({
        where: { orgId: org.org.id, action: "org.extension_changed" },
      }),
    ).toBe(3);
  });

  it("sends assessments with the current version, which later versions leave alone", async () => {
    const { assessment } = await sendTestAssessment(prisma, org, {
      vendorName: "Ext Vendor",
      email: "v@ext.example",
    });
    const row = await prisma.assessment.findUniqueOrThrow({
      where: { id: assessment.id },
      include: { questionnaireVersion: true, extensionVersion: true },
    });
    expect(row.extensionVersion?.version).toBe(3);
    const ids = () =>
      readStoredQuestionnaire(row.questionnaireVersion)
        .sections.at(-1)!
        .questions.map((q) => q.id);
    expect(ids()).toEqual(["x_insured", "x_audit"]);
    await ext.removeExtensionItem({ ...scope, form: { kind: "rule", id: "ORG_NOT_INSURED" } });
    await ext.removeExtensionItem({ ...scope, form: { kind: "question", id: "x_insured" } });
    const again = await prisma.assessment.findUniqueOrThrow({
      where: { id: assessment.id },
      include: { questionnaireVersion: true, extensionVersion: true },
    });
    expect(again.extensionVersion?.version).toBe(3);
    expect(
      readStoredQuestionnaire(again.questionnaireVersion)
        .sections.at(-1)!
        .questions.map((q) => q.id),
    ).toEqual(["x_insured", "x_audit"]);
    expect(await ext.getAssessmentOrgRules(again)).toHaveLength(1);
    // An organisation without an extension sends the plain core questionnaire.
    const plain = await sendTestAssessment(prisma, other, {
      vendorName: "Plain",
      email: "p@ext.example",
    });
    const plainRow = await prisma.assessment.findUniqueOrThrow({
      where: { id: plain.assessment.id },
    });
    expect(plainRow.extensionVersionId).toBeNull();
  });

  it("imports an exported extension into another organisation with the same questions", async () => {
    const source = (
      await prisma.extensionVersion.findFirstOrThrow({ where: { orgId: org.org.id, version: 3 } })
    ).definition;
    const file = ext.exportExtension({ extension: ext.readExtension({ definition: source }) });
    const parsed = ZExtensionImport.parse({ json: file });
    await ext.importExtension({
      orgId: other.org.id,
      actorId: other.admin.id,
      extension: parsed.json,
    });
    const imported = (await ext.getCurrentExtension({ orgId: other.org.id }))!;
    expect(imported.version).toBe(1);
    expect(imported.extension).toEqual(ext.readExtension({ definition: source }));
    expect(ext.exportExtension(imported)).toBe(file);
  });

  it("refuses a file that is not an extension, naming the field", () => {
    const errors = (json: string) => {
      const r = ZExtensionImport.safeParse({ json });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(errors("{not json")).toEqual(["json: File: not JSON"]);
    expect(
      errors(
        JSON.stringify({
          sections: [
            {
              id: "x_s",
              title: "S",
              questions: [{ id: "backup_exists", type: "yesno", label: "B", required: true }],
            },
          ],
          rules: [],
        }),
      ),
    ).toContain('json.sections.0.questions.0.id: an id starting with "x_"');
  });
});
