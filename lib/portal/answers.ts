import { recordAudit } from "../audit";
import { db, Prisma } from "../db";
import {
  describeFound,
  findQuestion,
  getQuestionValueSchema,
  issuesToErrors,
  type TParseError,
} from "../questionnaires";
import { EDITABLE, getPortalAssessment } from "./access";

export type TSaveAnswerInput = {
  invitationId: string;
  assessmentId: string;
  questionId: string;
  /** null clears the answer. */
  value: unknown;
  /** The version the person edited from: 0 when there was no answer yet. */
  baseVersion: number;
  /** Sent again with a retried save, so that a resend is never applied twice. */
  idempotencyKey: string;
};

export type TSaveAnswerResult =
  | { status: "saved"; version: number; value: unknown; duplicate?: boolean }
  | { status: "conflict"; version: number; value: unknown; updatedAt: Date }
  | { status: "invalid"; errors: TParseError[] }
  | { status: "locked"; message: string };

// Resent saves carry the key of their first attempt (a UUID from the browser).
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * After a change request, a reopened answer can make new questions appear (e.g. export
 * formats once exports exist): those had no answer at review time, so they are open too.
 */
function isNewSinceReview(
  row: { value: unknown; createdAt?: Date } | undefined,
  comments: readonly { createdAt: Date }[],
): boolean {
  if (!row || row.value === null) return true;
  const reviewedAt = Math.max(0, ...comments.map((c) => c.createdAt.getTime()));
  return (row.createdAt?.getTime() ?? 0) > reviewedAt;
}

export async function saveAnswer(input: TSaveAnswerInput): Promise<TSaveAnswerResult> {
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey))
    return {
      status: "invalid",
      errors: [
        {
          path: "idempotencyKey",
          expected: "up to 100 letters, digits, - or _",
          found: describeFound({ value: input.idempotencyKey }),
        },
      ],
    };
  const prior = await db.answerRevision.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
  });
  if (prior)
    return { status: "saved", version: prior.version, value: prior.value, duplicate: true };

  const { assessment, questionnaire } = await getPortalAssessment({
    assessmentId: input.assessmentId,
  });
  const question = findQuestion({ questionnaire, id: input.questionId });
  const path = `answers.${input.questionId}`;
  if (!question)
    return {
      status: "invalid",
      errors: [
        {
          path,
          expected: "a question of this questionnaire",
          found: describeFound({ value: input.questionId }),
        },
      ],
    };
  // The question's value schema refuses NUL, broken characters and over-long strings
  // (lib/schemas/common.ts, findTextProblem), as every staff form field does.
  if (input.value !== null) {
    const parsed = getQuestionValueSchema({ question }).safeParse(input.value);
    if (!parsed.success)
      return {
        status: "invalid",
        errors: issuesToErrors({
          issues: parsed.error.issues,
          prefix: ["answers", input.questionId],
          input: input.value,
        }),
      };
  }
  const row = assessment.answers.find((a) => a.questionId === input.questionId);
  if (!EDITABLE.has(assessment.status))
    return {
      status: "locked",
      message: "This questionnaire was submitted; answers are read-only.",
    };
  if (
    assessment.status === "changes_requested" &&
    !row?.reopened &&
    !isNewSinceReview(row, assessment.reviewComments)
  ) {
    return {
      status: "locked",
      message: "Only the questions the reviewer reopened can be changed.",
    };
  }
  const value = input.value === null ? Prisma.JsonNull : (input.value as Prisma.InputJsonValue);
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.answer.findUnique({
        where: {
          assessmentId_questionId: { assessmentId: assessment.id, questionId: input.questionId },
        },
      });
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== input.baseVersion) {
        return {
          status: "conflict",
          version: currentVersion,
          value: current?.value ?? null,
          updatedAt: current?.updatedAt ?? new Date(),
        } as const;
      }
      const who = { updatedByKind: "vendor" as const, updatedByInvitationId: input.invitationId };
      const saved = current
        ? await tx.answer.update({
            where: { id: current.id, version: currentVersion },
            data: { value, version: { increment: 1 }, ...who },
          })
        : await tx.answer.create({
            data: { assessmentId: assessment.id, questionId: input.questionId, value, ...who },
          });
      await tx.answerRevision.create({
        data: {
          answerId: saved.id,
          version: saved.version,
          value,
          idempotencyKey: input.idempotencyKey,
          changedByKind: "vendor",
          changedByInvitationId: input.invitationId,
        },
      });
      if (assessment.status === "sent") {
        await tx.assessment.updateMany({
          where: { id: assessment.id, status: "sent" },
          data: { status: "in_progress" },
        });
      }
      await recordAudit({
        tx,
        orgId: assessment.orgId,
        actor: { kind: "vendor", invitationId: input.invitationId },
        action: "answer.changed",
        targetType: "assessment",
        targetId: assessment.id,
        data: {
          question: input.questionId,
          from: (current?.value ?? null) as Prisma.InputJsonValue,
          to: (input.value ?? null) as Prisma.InputJsonValue,
          version: saved.version,
        },
      });
      return { status: "saved", version: saved.version, value: saved.value } as const;
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
