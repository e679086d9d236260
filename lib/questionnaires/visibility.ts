import type { TQuestion, TQuestionnaire } from "@/lib/questionnaires/questionnaire-schema";
import { evaluateCondition } from "@/lib/rules/conditions";
import type { TAnswers } from "@/lib/rules/types";

// Visibility governs the web form only: the engine reads every answer it is given.

export type TIsQuestionVisibleInput = { question: TQuestion; answers: TAnswers };

export function isQuestionVisible({ question, answers }: TIsQuestionVisibleInput): boolean {
  if (question.visibleWhen === undefined) return true;
  return evaluateCondition({ condition: question.visibleWhen, scope: { answers } });
}

export type TGetVisibleQuestionsInput = { questionnaire: TQuestionnaire; answers: TAnswers };

export function getVisibleQuestions({
  questionnaire,
  answers,
}: TGetVisibleQuestionsInput): TQuestion[] {
  return questionnaire.sections.flatMap((s) =>
    s.questions.filter((question) => isQuestionVisible({ question, answers })),
  );
}

export type TIsAnsweredInput = { question: TQuestion; answers: TAnswers };

/** An empty list is an answer ("none"); a blank text is not. */
export function isAnswered({ question, answers }: TIsAnsweredInput): boolean {
  const value = answers[question.id];
  if (value === undefined || value === null) return false;
  return typeof value !== "string" || value.trim() !== "";
}

/** Required questions the vendor can currently see and has not answered, in form order. */
export function getMissingRequired({
  questionnaire,
  answers,
}: TGetVisibleQuestionsInput): TQuestion[] {
  return getVisibleQuestions({ questionnaire, answers }).filter(
    (question) => question.required && !isAnswered({ question, answers }),
  );
}
