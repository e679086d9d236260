import { recordAudit } from "../audit";
import { loadStoredQuestionnaire } from "../data/questionnaire-versions";
import { db, Prisma } from "../db";
import {
  describeFound,
  findQuestion,
  getQuestionValueSchema,
  issuesToErrors,
  type TParseError,
} from "../questionnaires";
import { type TSiteDraft, ZSiteDrafts } from "../questionnaires/site-drafts";
import { type TSaveAnswer, ZSaveAnswer } from "../schemas/answer-save";
import { EDITABLE } from "./access";

/** A save request as it arrived (checked here, by ZSaveAnswer), for a link's assessment. */
export type TSaveAnswerInput = Partial<Record<keyof TSaveAnswer, unknown>> & {
  invitationId: string;
  assessmentId: string;
};

/** `drafts`: for a sites question, the sites still being entered, stored beside the answer. */
export type TSaveAnswerResult =
  | { status: "saved"; version: number; value: unknown; drafts?: unknown; duplicate?: boolean }
  | { status: "conflict"; version: number; value: unknown; drafts?: unknown; updatedAt: Date }
  | { status: "invalid"; errors: TParseError[] }
  | { status: "locked"; message: string };

type TTx = Prisma.TransactionClient;

/**
 * The earlier save sent with this key, for this question of this assessment only: a key used
 * for another question or another organisation's assessment is another save.
 */
function findResend(
  client: TTx | typeof db,
  { assessmentId, questionId, key }: { assessmentId: string; questionId: string; key: string },
) {
  return client.answerRevision.findFirst({
    where: { idempotencyKey: key, answer: { assessmentId, questionId } },
    select: { version: true, value: true, drafts: true },
  });
}

/**
 * After a change request only reopened answers may change — and questions that had no answer
 * at review time (a reopened answer can make new ones appear), which are open too.
 */
async function isOpenAfterReview({
  assessmentId,
  questionId,
}: {
  assessmentId: string;
  questionId: string;
}): Promise<boolean> {
  const [row, reviewed] = await Promise.all([
    db.answer.findUnique({
      where: { assessmentId_questionId: { assessmentId, questionId } },
      select: { reopened: true, value: true, createdAt: true },
    }),
    db.reviewComment.aggregate({
      where: { assessmentId, resolvedAt: null },
      _max: { createdAt: true },
    }),
  ]);
  if (!row || row.reopened || row.value === null) return true;
  return row.createdAt.getTime() > (reviewed._max.createdAt?.getTime() ?? 0);
}

/** Validates one autosave, then applies it once: versioned, audited, conflicts reported. */
export async function saveAnswer(input: TSaveAnswerInput): Promise<TSaveAnswerResult> {
  const request = ZSaveAnswer.safeParse(input);
  if (!request.success)
    return {
      status: "invalid",
      errors: issuesToErrors({ issues: request.error.issues, input }),
    };
  const { questionId, value, baseVersion, idempotencyKey: key } = request.data;
  const { assessmentId, invitationId } = input;
  // Only what this save needs: the status and the questionnaire (cached per version).
  const assessment = await db.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: { id: true, orgId: true, status: true, questionnaireVersionId: true },
  });
  const questionnaire = await loadStoredQuestionnaire({ id: assessment.questionnaireVersionId });
  const question = findQuestion({ questionnaire, id: questionId });
  if (!question)
    return {
      status: "invalid",
      errors: [
        {
          path: `answers.${questionId}`,
          expected: "a question of this questionnaire",
          found: describeFound({ value: questionId }),
        },
      ],
    };
  // After the question is known: an id that names none (a NUL in it, say, which PostgreSQL
  // refuses in any text) never reaches a query.
  const prior = await findResend(db, { assessmentId, questionId, key });
  if (prior) return { status: "saved", ...prior, duplicate: true };

  const keepsDrafts = question.type === "sites";
  let drafts: TSiteDraft[] = [];
  if (request.data.drafts !== undefined) {
    const parsed = keepsDrafts
      ? ZSiteDrafts.safeParse(request.data.drafts)
      : ZSiteDrafts.max(0, "no drafts: only the sites question keeps drafts").safeParse(
          request.data.drafts,
        );
    if (!parsed.success)
      return {
        status: "invalid",
        errors: issuesToErrors({
          issues: parsed.error.issues,
          prefix: ["answers", questionId, "drafts"],
          input: request.data.drafts,
        }),
      };
    drafts = parsed.data;
  }
  // The question's value schema refuses NUL, broken characters and over-long strings
  // (lib/schemas/common.ts, findTextProblem), as every staff form field does.
  if (value !== null) {
    const parsed = getQuestionValueSchema({ question }).safeParse(value);
    if (!parsed.success)
      return {
        status: "invalid",
        errors: issuesToErrors({
          issues: parsed.error.issues,
          prefix: ["answers", questionId],
          input: value,
        }),
      };
  }
  if (!EDITABLE.has(assessment.status))
    return {
      status: "locked",
      message: "This questionnaire was submitted; answers are read-only.",
    };
  if (
    assessment.status === "changes_requested" &&
    !(await isOpenAfterReview({ assessmentId, questionId }))
  ) {
    return {
      status: "locked",
      message: "Only the questions the reviewer reopened can be changed.",
    };
  }
  const json = value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
  // Saving a sites answer saves its whole state: the drafts sent with it replace the old ones.
  const draftsJson = keepsDrafts
    ? drafts.length
      ? (drafts as Prisma.InputJsonValue)
      : Prisma.DbNull
    : undefined;
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.answer.findUnique({
        where: { assessmentId_questionId: { assessmentId, questionId } },
      });
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== baseVersion) {
        // A resend that raced its own first attempt is that save, not a conflict with it.
        const twin = await findResend(tx, { assessmentId, questionId, key });
        if (twin) return { status: "saved", ...twin, duplicate: true };
        return {
          status: "conflict",
          version: currentVersion,
          value: current?.value ?? null,
          drafts: current?.drafts ?? null,
          updatedAt: current?.updatedAt ?? new Date(),
        } as const;
      }
      const who = { updatedByKind: "vendor" as const, updatedByInvitationId: invitationId };
      const saved = current
        ? await tx.answer.update({
            where: { id: current.id, version: currentVersion },
            data: { value: json, drafts: draftsJson, version: { increment: 1 }, ...who },
          })
        : await tx.answer.create({
            data: { assessmentId, questionId, value: json, drafts: draftsJson, ...who },
          });
      await tx.answerRevision.create({
        data: {
          answerId: saved.id,
          version: saved.version,
          value: json,
          drafts: draftsJson,
          idempotencyKey: key,
          changedByKind: "vendor",
          changedByInvitationId: invitationId,
        },
      });
      if (assessment.status === "sent") {
        await tx.assessment.updateMany({
          where: { id: assessmentId, status: "sent" },
          data: { status: "in_progress" },
        });
      }
      await recordAudit({
        tx,
        orgId: assessment.orgId,
        actor: { kind: "vendor", invitationId },
        action: "answer.changed",
        targetType: "assessment",
        targetId: assessmentId,
        data: {
          question: questionId,
          from: (current?.value ?? null) as Prisma.InputJsonValue,
          to: value as Prisma.InputJsonValue,
          ...(drafts.length ? { drafts: drafts.length } : {}),
          version: saved.version,
        },
      });
      return {
        status: "saved",
        version: saved.version,
        value: saved.value,
        ...(keepsDrafts ? { drafts: saved.drafts } : {}),
      } as const;
    });
  } catch (e) {
    // Two saves of the same question raced: the loser re-reads and reports a conflict or its twin.
    if (
      e instanceof Prisma.PrismaClientKnownRequestError &&
      (e.code === "P2002" || e.code === "P2025")
    ) {
      return saveAnswer(input);
    }
    throw e;
  }
}
