import { Prisma } from "../db";
import type { AnswerSource } from "../generated/prisma/enums";
import {
  findQuestion,
  getQuestionValueSchema,
  parseAnswers,
  type TQuestionnaire,
} from "../questionnaires";

/**
 * The answers of `answers` that `questionnaire` accepts: the question exists in it and the value
 * is valid for it, alone and beside the others (a site reference must name a carried site).
 */
export function selectCarriable({
  questionnaire,
  answers,
}: {
  questionnaire: TQuestionnaire;
  answers: Readonly<Record<string, unknown>>;
}): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(answers)) {
    const question = findQuestion({ questionnaire, id });
    if (!question || value === null || value === undefined) continue;
    const parsed = getQuestionValueSchema({ question }).safeParse(value);
    if (parsed.success) kept[id] = parsed.data;
  }
  // Each round drops the answers the whole set refuses; a dropped site list can make a site
  // reference invalid in turn, hence the loop (bounded by the number of answers).
  for (let round = Object.keys(kept).length; round > 0; round--) {
    const whole = parseAnswers({ questionnaire, input: kept });
    if (whole.ok) break;
    for (const e of whole.errors) delete kept[/^answers\.(\w+)/.exec(e.path)?.[1] ?? ""];
  }
  return kept;
}

export type TCarryAnswersInInput = {
  tx: Prisma.TransactionClient;
  assessmentId: string;
  questionnaire: TQuestionnaire;
  /** Question id → value, from wherever they come (an earlier assessment, a file). */
  answers: Readonly<Record<string, unknown>>;
  source: AnswerSource;
};

/**
 * Carries answers into an assessment, each awaiting the vendor's confirmation: it counts as
 * unanswered until the vendor saves it again (Confirm, or a new value). Answers the assessment's
 * questionnaire does not accept are dropped and listed. An answer already there is replaced as a
 * new version, so an autosave built on the old one reports a conflict instead of overwriting it.
 */
export async function carryAnswersIn({
  tx,
  assessmentId,
  questionnaire,
  answers,
  source,
}: TCarryAnswersInInput): Promise<{ carried: string[]; dropped: string[] }> {
  const kept = selectCarriable({ questionnaire, answers });
  const carried = Object.keys(kept).sort();
  for (const questionId of carried) {
    const value = kept[questionId] as Prisma.InputJsonValue;
    const state = {
      awaitingConfirmation: true,
      carriedFrom: source,
      updatedByKind: "system",
      updatedByUserId: null,
      updatedByInvitationId: null,
    } as const;
    const saved = await tx.answer.upsert({
      where: { assessmentId_questionId: { assessmentId, questionId } },
      create: { assessmentId, questionId, value, ...state },
      update: { value, drafts: Prisma.DbNull, version: { increment: 1 }, ...state },
    });
    await tx.answerRevision.create({
      data: { answerId: saved.id, version: saved.version, value, changedByKind: "system" },
    });
  }
  const dropped = Object.keys(answers)
    .filter((id) => !(id in kept))
    .sort();
  return { carried, dropped };
}
