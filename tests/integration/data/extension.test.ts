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
const { saveAnswer } = await import("@/lib/portal/save-answer");
const { submitAssessment } = await import("@/lib/portal/submit");
const { requestChanges, createFinding } = await import("@/lib/data/review");
const { getAssessmentDetail } = await import("@/lib/data/assessments");
const { loadPortfolioReport } = await import("@/lib/reports/portfolio-data");
const { readDashboardSnapshot } = await import("@/lib/data/dashboard");
const { parseVendorFilters } = await import("@/lib/data/dashboard/filters");
const { WEAK_VENDOR_ANSWERS } = await import("../../helpers/weak-vendor-answers");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "ext");
const other = await createOrgWithUsers(prisma, "ext-other");
const reviewing = await createOrgWithUsers(prisma, "ext-review");
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

  it("lets a reviewer request changes on an own question and raise a finding on its flag", async () => {
    const scope3 = { orgId: reviewing.org.id, actorId: reviewing.admin.id };
    await ext.importExtension({
      ...scope3,
      extension: ZExtensionImport.parse({
        json: JSON.stringify({
          sections: [
            {
              id: "x_insurance",
              title: "Insurance",
              questions: [
                { id: "x_insured", type: "yesno", label: "Cyber insurance?", required: true },
              ],
            },
          ],
          rules: [
            {
              code: "ORG_NOT_INSURED",
              title: "No cyber insurance",
              explanation: "Answered {answer}.",
              severity: "high",
              question: "x_insured",
              op: "equals",
              value: "no",
            },
          ],
        }),
      }).json,
    });
    const sent = await sendTestAssessment(prisma, reviewing, {
      vendorName: "Review Vendor",
      email: "r@ext.example",
    });
    const ids = { invitationId: sent.invitationId, assessmentId: sent.assessment.id };
    const save = async (questionId: string, value: unknown, key: string) => {
      const row = await prisma.answer.findFirst({ where: { ...pick(ids), questionId } });
      return saveAnswer({
        ...ids,
        questionId,
        value,
        baseVersion: row?.version ?? 0,
        idempotencyKey: key,
      });
    };
    for (const [id, value] of WEAK_VENDOR_ANSWERS)
      expect((await save(id, value, `core-${id}`)).status).toBe("saved");
    expect((await save("x_insured", "no", "own-1")).status).toBe("saved");
    expect(await submitAssessment(ids)).toMatchObject({ status: "submitted" });
    const flag = await prisma.flag.findFirstOrThrow({
      where: { assessmentId: ids.assessmentId, code: "ORG_NOT_INSURED" },
    });
    expect(flag.questions).toEqual(["x_insured"]);
    // The portfolio (dashboard widget and PDF) names it by its rule's title, not its code alone.
    const portfolio = await loadPortfolioReport({ orgId: reviewing.org.id });
    expect(portfolio.topFlags).toContainEqual({
      code: "ORG_NOT_INSURED",
      title: "No cyber insurance",
      count: 1,
    });
    // The dashboard's flag filter offers it by title, and narrows the vendors to those raising it.
    const byOwnFlag = parseVendorFilters({ params: { flag: "ORG_NOT_INSURED" } });
    expect(byOwnFlag.flag).toBe("ORG_NOT_INSURED");
    expect(parseVendorFilters({ params: { flag: "ORG_x'--" } }).flag).toBeUndefined();
    const snapshot = await readDashboardSnapshot({ orgId: reviewing.org.id, filters: byOwnFlag });
    expect(snapshot.ownFlags).toEqual([{ code: "ORG_NOT_INSURED", title: "No cyber insurance" }]);
    expect(snapshot.vendors.rows.map((r) => r.name)).toEqual(["Review Vendor"]);
    const narrowed = await loadPortfolioReport({ orgId: reviewing.org.id, filters: byOwnFlag });
    expect(narrowed.scope).toBe("Flag: No cyber insurance (ORG_NOT_INSURED)");
    const { listAssessmentFlags } = await import("@/lib/data/api-reads");
    expect(
      (await listAssessmentFlags({ orgId: reviewing.org.id, assessmentId: ids.assessmentId })).find(
        (f) => f.code === "ORG_NOT_INSURED",
      )?.title,
    ).toBe("No cyber insurance");

    // The review page lists the own question beside the core ones, flagged.
    const detail = await getAssessmentDetail({
      orgId: reviewing.org.id,
      assessmentId: ids.assessmentId,
    });
    expect(JSON.stringify(detail)).toContain("x_insured");

    // A finding raised from the organisation's flag keeps its code and its question's flag.
    const finding = await createFinding({
      orgId: reviewing.org.id,
      actorId: reviewing.procurement.id,
      input: {
        assessmentId: ids.assessmentId,
        flagId: flag.id,
        title: "Buy cyber insurance",
        description: "",
        severity: "high",
      },
    });
    expect(finding).toMatchObject({ code: "ORG_NOT_INSURED", flagId: flag.id });

    // Changes requested on the own question: it alone reopens; the core answers stay locked.
    await requestChanges({
      orgId: reviewing.org.id,
      actorId: reviewing.procurement.id,
      assessmentId: ids.assessmentId,
      items: [{ questionId: "x_insured", comment: "Please check your policy" }],
    });
    const reopened = await prisma.answer.findFirstOrThrow({
      where: { ...pick(ids), questionId: "x_insured" },
    });
    expect(reopened.reopened).toBe(true);
    expect((await save("customer_export", "self_service", "core-again")).status).toBe("locked");
    expect((await save("x_insured", "yes", "own-2")).status).toBe("saved");
    expect(await submitAssessment(ids)).toMatchObject({ status: "submitted" });
    // Judged again: the own rule no longer holds, so its flag is gone; the finding stays.
    expect(
      await prisma.flag.count({
        where: { assessmentId: ids.assessmentId, code: "ORG_NOT_INSURED" },
      }),
    ).toBe(0);
    expect(await prisma.finding.findUniqueOrThrow({ where: { id: finding.id } })).toMatchObject({
      code: "ORG_NOT_INSURED",
      title: "Buy cyber insurance",
    });
  });

  it("refuses a change request on a question the assessment does not ask", async () => {
    const sent = await prisma.assessment.findFirstOrThrow({
      where: { orgId: reviewing.org.id },
      orderBy: { createdAt: "desc" },
    });
    await prisma.assessment.update({ where: { id: sent.id }, data: { status: "submitted" } });
    await expect(
      requestChanges({
        orgId: reviewing.org.id,
        actorId: reviewing.procurement.id,
        assessmentId: sent.id,
        items: [{ questionId: "x_not_asked", comment: "?" }],
      }),
    ).rejects.toThrow(/x_not_asked/);
    expect(
      await prisma.answer.count({ where: { assessmentId: sent.id, questionId: "x_not_asked" } }),
    ).toBe(0);
  });
});

describe("a version saved before a check was added", () => {
  it("reads back as saved, and the next edit names what to fix rather than dropping it", async () => {
    const last = await ext.getCurrentExtension({ orgId: other.org.id });
    const definition = {
      sections: [
        {
          id: "x_old",
          title: "Old",
          questions: [
            {
              id: "x_old_q",
              type: "yesno",
              label: "Old?",
              required: true,
              // Saved when conditions' answers were not checked: "maybe" is no answer of it.
              visibleWhen: { question: "backup_exists", op: "equals", value: "maybe" },
            },
          ],
        },
      ],
      rules: [],
    };
    await prisma.extensionVersion.create({
      data: { orgId: other.org.id, version: (last?.version ?? 0) + 1, definition },
    });
    const read = await ext.getCurrentExtension({ orgId: other.org.id });
    expect(read?.extension.sections[0]?.questions.map((q) => q.id)).toEqual(["x_old_q"]);
    expect(
      await refusal(
        ext.addExtensionQuestion({
          orgId: other.org.id,
          actorId: other.admin.id,
          form: { ...question, section: "x_old", id: "x_new" },
        }),
      ),
    ).toEqual([
      "label: the condition's answer to backup_exists: one of yes, no, unknown (not maybe)",
    ]);
    expect((await ext.getCurrentExtension({ orgId: other.org.id }))?.version).toBe(read?.version);
  });
});

const pick = ({ assessmentId }: { assessmentId: string }) => ({ assessmentId });
