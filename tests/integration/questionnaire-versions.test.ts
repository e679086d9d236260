import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// bcdr-core 1.0.0 and 1.1.0 side by side: an assessment sent on 1.0.0 keeps its questions and
// is judged at submit by the current engine; a reassessment goes out on 1.1.0, carries the
// 1.0.0 answers over (awaiting the vendor's confirmation) and asks only the new questions.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-versions-"));
process.env.DATA_DIR = dataDir;
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers } = await import("./db");
const { createAndSendAssessment } = await import("@/lib/data/assessments");
const { submitAssessment } = await import("@/lib/portal/submit");
const { getMissingRequired, getQuestionnaire } = await import("@/lib/questionnaires");
const { ensureQuestionnaireVersion, readStoredQuestionnaire } = await import(
  "@/lib/data/questionnaire-versions"
);
const { toAnswers } = await import("@/lib/data/answer-rows");
const { ZRequirementsForm } = await import("@/lib/schemas/assessment");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "versions");
const wellRun = JSON.parse(
  fs.readFileSync(path.resolve("tests/fixtures/engine/well-run-vendor.json"), "utf8"),
);

/** The 1.1 codes that read only questions 1.1 added: silent for answers given on 1.0.0. */
const ONLY_1_1_QUESTIONS = [
  "COMMON_MODE_CHANGE",
  "RECOVERY_NEEDS_PRIMARY",
  "RECOVERY_IDENTITY_SHARED",
  "POWER_AUTONOMY_SHORT",
  "MEASURED_RECOVERY_EXCEEDS_RTO",
  "KEY_PERSON_DEPENDENCY",
];

async function send(vendorId: string, questionnaire: string, previousAssessmentId?: string) {
  return createAndSendAssessment({
    orgId: org.org.id,
    actorId: org.procurement.id,
    input: {
      vendorId,
      questionnaire,
      requirements: ZRequirementsForm.parse({ tier: "high", allowed_countries: "" }),
      dueDate: "2099-01-31",
      contactEmail: "dr@vendor.example",
      contactName: undefined,
      message: undefined,
      previousAssessmentId,
      confirmSecondOpen: true,
    },
  });
}

const versionOf = async (assessmentId: string) =>
  (
    await prisma.assessment.findUniqueOrThrow({
      where: { id: assessmentId },
      include: { questionnaireVersion: true },
    })
  ).questionnaireVersion;

describe("questionnaire versions side by side", () => {
  let vendorId = "";
  let oldId = "";

  it("first sends at once share one version row (the losers of the race read the winner's)", async () => {
    await prisma.questionnaireVersion.deleteMany({ where: { assessments: { none: {} } } });
    const rows = await Promise.all(
      Array.from({ length: 20 }, () => ensureQuestionnaireVersion({ id: "bcdr-core" })),
    );
    expect(new Set(rows.map((r) => r.id)).size).toBe(1);
  });

  it("new assessments go out on 1.1.0", async () => {
    const vendor = await prisma.vendor.create({
      data: { orgId: org.org.id, name: "Versioned Co", tier: "high" },
    });
    vendorId = vendor.id;
    const fresh = await send(vendorId, "bcdr-core");
    expect((await versionOf(fresh.id)).version).toBe("1.1.0");
  });

  it("an assessment sent on 1.0.0 keeps its questions and is judged by the current engine", async () => {
    const old = await send(vendorId, "bcdr-core@1.0.0");
    oldId = old.id;
    const stored = await versionOf(old.id);
    expect(stored.version).toBe("1.0.0");
    // The 1.0 answers of the well-run vendor, but customers hear of incidents after 48 h.
    const answers = { ...wellRun.input.answers, customer_notification_hours: 48 };
    await prisma.answer.createMany({
      data: Object.entries(answers).map(([questionId, value]) => ({
        assessmentId: old.id,
        questionId,
        value: value as object,
        updatedByKind: "vendor" as const,
      })),
    });
    const questionnaire = readStoredQuestionnaire({ id: stored.id, definition: stored.definition });
    expect(
      getMissingRequired({ questionnaire, answers: toAnswers(await answerRows(old.id)) }),
    ).toEqual([]);
    const invitation = await prisma.invitation.findFirstOrThrow({
      where: { assessmentId: old.id },
    });
    const result = await submitAssessment({ invitationId: invitation.id, assessmentId: old.id });
    expect(result).toMatchObject({ status: "submitted", rating: "medium" });
    const codes = (await prisma.flag.findMany({ where: { assessmentId: old.id } })).map(
      (f) => f.code,
    );
    // A 1.1 code that reads a 1.0 answer speaks (48 h against the high tier's 24 h) ...
    expect(codes).toEqual(["NOTIFICATION_TOO_SLOW"]);
    // ... those that read only 1.1 questions stay silent.
    for (const code of ONLY_1_1_QUESTIONS) expect(codes).not.toContain(code);
  });

  it("a reassessment goes out on 1.1.0, carries the 1.0.0 answers over and asks the new questions", async () => {
    const next = await send(vendorId, "bcdr-core", oldId);
    expect((await versionOf(next.id)).version).toBe("1.1.0");
    const rows = await answerRows(next.id);
    // Carried over awaiting the vendor's confirmation: unanswered until confirmed ...
    expect(rows.every((r) => r.awaitingConfirmation && r.carriedFrom === "previous")).toBe(true);
    expect(toAnswers(rows)).toEqual({});
    // ... and once confirmed, only the new questions are left to answer.
    const carried = toAnswers(rows.map((r) => ({ ...r, awaitingConfirmation: false })));
    expect(carried.customer_notification_hours).toBe(48);
    expect(Object.keys(carried).sort()).toEqual(Object.keys(wellRun.input.answers).sort());
    const missing = getMissingRequired({
      questionnaire: getQuestionnaire({ id: "bcdr-core", version: "1.1.0" })!,
      answers: carried,
    }).map((q) => q.id);
    expect(missing.sort()).toEqual(
      [
        "unstaged_changes",
        "single_source_suppliers",
        "recovery_dependencies",
        "recovery_identity_independent",
        "power_autonomy_hours",
        // Immutable and offline copies exist: how long they are kept is asked too.
        "immutable_retention_days",
        "failover_qualified_staff_count",
      ].sort(),
    );
  });

  it("stores the 1.1 requirement fields; an explicit empty plan_must_cover stays (no scenario)", async () => {
    const a = await createAndSendAssessment({
      orgId: org.org.id,
      actorId: org.procurement.id,
      input: {
        vendorId,
        questionnaire: "bcdr-core",
        requirements: ZRequirementsForm.parse({
          tier: "critical",
          allowed_countries: "",
          max_notification_hours: "48",
          min_failover_staff_count: "2",
          plan_scope: "custom",
          plan_must_cover: false,
        }),
        dueDate: "2099-01-31",
        contactEmail: "dr@vendor.example",
        contactName: undefined,
        message: undefined,
        previousAssessmentId: undefined,
        confirmSecondOpen: true,
      },
    });
    const row = await prisma.assessment.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.requirements).toEqual({
      tier: "critical",
      max_notification_hours: 48,
      min_failover_staff_count: 2,
      plan_must_cover: [],
    });
  });
});

function answerRows(assessmentId: string) {
  return prisma.answer.findMany({ where: { assessmentId } });
}
