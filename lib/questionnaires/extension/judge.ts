import { isOlderThanMonths, parseIsoDate } from "@/lib/dates";
import { describeAnswer } from "@/lib/questionnaires/describe-answer";
import type { TQuestionnaire } from "@/lib/questionnaires/questionnaire-schema";
import { findQuestion } from "@/lib/questionnaires/registry";
import { isQuestionVisible } from "@/lib/questionnaires/visibility";
import { assessAnswers, compareFlags, type TAssessAnswersInput } from "@/lib/rules/engine";
import type { TAnswers, TAnswerValue, TFlag, TRating, TSeverity } from "@/lib/rules/types";
import { computeScore, getRating } from "@/lib/scoring/score";
import { splitAnswers } from "./merge";
import type { TOrgRule } from "./schema";

// The organisation's rules over its own questions, and the rating they count in. The core
// engine never sees an extension answer: they are set aside before it runs, so the core flags
// are the ones `assess` would give for the same core answers.

/** A flag raised by an organisation's rule: its code is the organisation's own (ORG_…). */
export type TOrgFlag = Omit<TFlag, "code"> & { code: string };

export type TTestRuleInput = { rule: TOrgRule; value: TAnswerValue; asOf: string };

/** Whether an answered question's value meets the rule. */
export function testRule({ rule, value, asOf }: TTestRuleInput): boolean {
  const r = rule.value;
  const values = Array.isArray(value) ? (value as readonly unknown[]) : [value];
  switch (rule.op) {
    case "equals":
      return values.includes(r);
    case "in":
      return Array.isArray(r) && values.some((v) => (r as unknown[]).includes(v));
    case "lt":
      return typeof value === "number" && typeof r === "number" && value < r;
    case "gt":
      return typeof value === "number" && typeof r === "number" && value > r;
    case "olderThanMonths": {
      const date = typeof value === "string" ? parseIsoDate({ text: value }) : null;
      const today = parseIsoDate({ text: asOf });
      return (
        !!date &&
        !!today &&
        typeof r === "number" &&
        isOlderThanMonths({ date, asOf: today, months: r })
      );
    }
  }
}

export type TJudgeOrgRulesInput = {
  questionnaire: TQuestionnaire;
  rules: readonly TOrgRule[];
  answers: TAnswers;
  asOf: string;
};

/** The flags the organisation's rules raise; a hidden or unanswered question is not judged. */
export function judgeOrgRules({
  questionnaire,
  rules,
  answers,
  asOf,
}: TJudgeOrgRulesInput): TOrgFlag[] {
  return rules.flatMap((rule) => {
    const question = findQuestion({ questionnaire, id: rule.question });
    const value = answers[rule.question];
    if (!question || value === undefined || !isQuestionVisible({ question, answers })) return [];
    if (!testRule({ rule, value, asOf })) return [];
    const detail = rule.explanation
      .replaceAll("{answer}", describeAnswer({ question, value, answers }))
      .replaceAll("{question}", question.label);
    return [
      {
        code: rule.code,
        severity: rule.severity as TSeverity,
        title: rule.title,
        detail,
        questions: [question.id],
      },
    ];
  });
}

export type TAssessWithExtensionInput = TAssessAnswersInput & { rules: readonly TOrgRule[] };

export type TExtendedAssessment = Omit<ReturnType<typeof assessAnswers>, "flags"> & {
  flags: TOrgFlag[];
  score: number;
  rating: TRating;
};

/** The core engine over the core answers, then the organisation's rules; both count in the rating. */
export function assessWithExtension(input: TAssessWithExtensionInput): TExtendedAssessment {
  const { core } = splitAnswers({ answers: input.answers });
  const judged = assessAnswers({ ...input, answers: core });
  const own = judgeOrgRules({ ...input, rules: input.rules });
  if (own.length === 0) return judged;
  const flags = [...judged.flags, ...own].sort((a, b) => compareFlags(a as TFlag, b as TFlag));
  return { ...judged, flags, score: computeScore({ flags }), rating: getRating({ flags }) };
}
