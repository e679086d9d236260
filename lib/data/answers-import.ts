import { createHash } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit";
import { db, Prisma } from "../db";
import { NotFoundError } from "../errors";
import { ID_PATTERN } from "../questionnaires/questionnaire-schema";
import {
  describeWorkbookProblem,
  diffWorkbookAnswers,
  type TWorkbookChange,
  type TWorkbookProblem,
} from "../spreadsheets/import-preview";
import { readAnswersWorkbook } from "../spreadsheets/read";
import { loadStoredQuestionnaire } from "./questionnaire-versions";

// Importing a filled offline workbook (issue 22), by the vendor in the portal or by procurement
// on the assessment page. Two calls with the same file: the first only previews (nothing is
// written), the second — with the preview's digest and versions — writes exactly what was
// previewed, in one transaction, each answer as a new version with its revision and audit entry.
// An answer saved since the preview is a conflict: nothing is written and a fresh preview is
// returned. A file with any problem is refused whole.
//
// The vendor's import saves its answers as the vendor's own: it confirmed each in the preview.
// Procurement's import puts answers in the vendor's mouth, so they arrive awaiting the vendor's
// confirmation (carriedFrom "import"), as portable answers do; the vendor confirms and submits.

/** While answers may change by import: not after submission, nor after a change request. */
export const IMPORTABLE_STATUSES = ["sent", "in_progress"] as const;

export type TAnswersImportActor =
  | { kind: "vendor"; invitationId: string }
  | { kind: "user"; userId: string };

export type TAnswersImportInput = {
  orgId: string;
  assessmentId: string;
  /** The uploaded workbook; null when the request held none. */
  bytes: Buffer | null;
  actor: TAnswersImportActor;
  /**
   * Absent: preview only. Present: write the preview its digest and versions name (checked
   * here, after the assessment is found, so another organisation's gets 404 before any 400).
   */
  confirm?: unknown;
};

const ZConfirm = z.strictObject({
  digest: z.string().regex(/^[0-9a-f]{64}$/, "the preview's digest"),
  versions: z.record(z.string().regex(ID_PATTERN), z.number().int().min(0)),
});

export type TAnswersImportResult =
  | { status: "preview"; digest: string; changes: TWorkbookChange[] }
  | { status: "imported"; changes: TWorkbookChange[] }
  /** 422: the workbook (or the confirmation) is refused; nothing was written. */
  | { status: "invalid"; problems: TWorkbookProblem[] }
  /** 409: the assessment takes no import now. */
  | { status: "refused"; error: string }
  /** 409: answers changed since the preview; nothing was written. */
  | { status: "conflict"; error: string; digest: string; changes: TWorkbookChange[] };

const REFUSED =
  "Answers can be imported only until the questionnaire is submitted (and not after the reviewer reopened questions: answer those in the questionnaire).";
const CONFLICT =
  "Answers changed since the preview (saved in the questionnaire meanwhile): review the new preview and confirm again. Nothing was imported.";

class ImportRefused extends Error {}

const problem = (message: string): TWorkbookProblem => ({
  sheet: null,
  row: null,
  question: null,
  message,
});

const sameVersions = (changes: TWorkbookChange[], versions: Readonly<Record<string, number>>) =>
  changes.length === Object.keys(versions).length &&
  changes.every((c) => versions[c.questionId] === c.baseVersion);

/** Previews or (with `confirm`) imports a workbook into one assessment of the organisation. */
export async function importAnswersWorkbook(
  input: TAnswersImportInput,
): Promise<TAnswersImportResult> {
  const { orgId, assessmentId, bytes, actor, confirm } = input;
  const a = await db.assessment.findFirst({
    where: { id: assessmentId, orgId },
    select: {
      status: true,
      questionnaireVersionId: true,
      questionnaireVersion: { select: { key: true, version: true } },
      answers: {
        select: { questionId: true, value: true, version: true, awaitingConfirmation: true },
      },
    },
  });
  if (!a) throw new NotFoundError("Assessment not found");

  const confirmed = confirm === undefined ? undefined : ZConfirm.safeParse(confirm);
  if (confirmed && !confirmed.success)
    return {
      status: "invalid",
      problems: [problem("confirm: expected the preview's digest and versions.")],
    };
  if (!bytes)
    return { status: "invalid", problems: [problem("Choose a workbook (.xlsx) to upload.")] };

  if (!(IMPORTABLE_STATUSES as readonly string[]).includes(a.status))
    return { status: "refused", error: REFUSED };

  const questionnaire = await loadStoredQuestionnaire({ id: a.questionnaireVersionId });
  const read = await readAnswersWorkbook(bytes);
  if (!read.ok)
    return {
      status: "invalid",
      problems: read.errors.map((error) => describeWorkbookProblem({ error, questionnaire })),
    };
  const { key, version } = a.questionnaireVersion;
  if (read.value.questionnaire.id !== key || read.value.questionnaire.version !== version)
    return {
      status: "invalid",
      problems: [
        {
          ...problem(""),
          sheet: "About",
          row: "1-2",
          message: `This workbook is for questionnaire ${read.value.questionnaire.id} ${read.value.questionnaire.version}; this assessment uses ${key} ${version}. Download this assessment's workbook and fill that one.`,
        },
      ],
    };

  const digest = createHash("sha256").update(bytes).digest("hex");
  const changes = diffWorkbookAnswers({
    questionnaire,
    current: a.answers,
    incoming: read.value.answers as Record<string, unknown>,
  });
  if (!confirmed) return { status: "preview", digest, changes };
  if (confirmed.data.digest !== digest || !sameVersions(changes, confirmed.data.versions))
    return { status: "conflict", error: CONFLICT, digest, changes };

  const values = read.value.answers as Record<string, Prisma.InputJsonValue>;
  try {
    await db.$transaction(async (tx) => {
      // Holds the assessment's row until commit: a submit waits for the import, never splits it.
      const open = await tx.assessment.updateMany({
        where: { id: assessmentId, orgId, status: { in: [...IMPORTABLE_STATUSES] } },
        data: actor.kind === "vendor" ? { status: "in_progress" } : { updatedAt: new Date() },
      });
      if (open.count === 0) throw new ImportRefused(REFUSED);
      const before = new Map(a.answers.map((r) => [r.questionId, r.value] as const));
      for (const change of changes) {
        const value = values[change.questionId]!;
        const version = await writeAnswer({ tx, assessmentId, change, value, actor });
        // Each answer audited as an autosave is (lib/portal/save-answer.ts), marked as imported.
        await recordAudit({
          tx,
          orgId,
          actor,
          action: "answer.changed",
          targetType: "assessment",
          targetId: assessmentId,
          data: {
            question: change.questionId,
            from: (before.get(change.questionId) ?? null) as Prisma.InputJsonValue,
            to: value,
            version,
            via: "workbook",
          },
        });
      }
      await recordAudit({
        tx,
        orgId,
        actor,
        action: "answers.imported",
        targetType: "assessment",
        targetId: assessmentId,
        data: {
          from: "workbook",
          questions: changes.map((c) => c.questionId),
          awaitingConfirmation: actor.kind === "user",
        },
      });
    });
  } catch (e) {
    if (e instanceof ImportRefused) return { status: "refused", error: e.message };
    const raced =
      e instanceof Prisma.PrismaClientKnownRequestError &&
      (e.code === "P2002" || e.code === "P2025");
    if (!raced) throw e;
    const again = await importAnswersWorkbook({ ...input, confirm: undefined });
    return again.status === "preview" ? { ...again, status: "conflict", error: CONFLICT } : again;
  }
  return { status: "imported", changes };
}

/** One answer's new version, built on the version the preview showed (P2025/P2002 if not). */
async function writeAnswer({
  tx,
  assessmentId,
  change,
  value,
  actor,
}: {
  tx: Prisma.TransactionClient;
  assessmentId: string;
  change: TWorkbookChange;
  value: Prisma.InputJsonValue;
  actor: TAnswersImportActor;
}) {
  const { questionId, baseVersion } = change;
  const vendor = actor.kind === "vendor";
  const state = {
    value,
    // The workbook carries no half-entered sites: a list it sets replaces any kept beside it.
    drafts: Prisma.DbNull,
    awaitingConfirmation: !vendor,
    ...(vendor ? {} : { carriedFrom: "import" as const }),
    updatedByKind: actor.kind,
    updatedByUserId: vendor ? null : actor.userId,
    updatedByInvitationId: vendor ? actor.invitationId : null,
  };
  const saved =
    baseVersion === 0
      ? await tx.answer.create({ data: { assessmentId, questionId, ...state } })
      : await tx.answer.update({
          where: { assessmentId_questionId: { assessmentId, questionId }, version: baseVersion },
          data: { ...state, version: { increment: 1 } },
        });
  await tx.answerRevision.create({
    data: {
      answerId: saved.id,
      version: saved.version,
      value,
      changedByKind: actor.kind,
      changedByUserId: vendor ? null : actor.userId,
      changedByInvitationId: vendor ? actor.invitationId : null,
    },
  });
  return saved.version;
}
