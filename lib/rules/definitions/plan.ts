import type { TRuleDefinition } from "@/lib/rules/definitions/types";
import { describeThreshold, formatMonths } from "@/lib/rules/describe";
import { PLAN_REVIEW_MAX_MONTHS } from "@/lib/scoring/tiers";

// A plan that is missing, never exercised, or exercised only around a table tells the
// buyer little about what happens on the day.

const noPlan: TRuleDefinition = {
  code: "NO_BCDR_PLAN",
  title: "No business-continuity / disaster-recovery plan is confirmed",
  questions: ["plan_exists"],
  variants: [
    { severity: "critical", when: { question: "plan_exists", op: "notEquals", value: "yes" } },
  ],
  explain: ({ facts }) => {
    const value = facts.answers.plan_exists;
    const why =
      value === "no"
        ? "The vendor has no written BC/DR plan for this service"
        : value === "unknown"
          ? 'The vendor does not know whether a written BC/DR plan exists (answered "unknown")'
          : "Whether a written BC/DR plan exists is not answered";
    return `${why}: recovery would be improvised during the incident.`;
  },
};

const drNever: TRuleDefinition = {
  code: "DR_NEVER_TESTED",
  title: "The disaster-recovery plan has never been exercised",
  questions: ["dr_test_last_date", "dr_test_type"],
  variants: [
    {
      severity: "critical",
      when: {
        all: [
          { question: "plan_exists", op: "equals", value: "yes" },
          {
            any: [
              { question: "dr_test_last_date", op: "absent" },
              { question: "dr_test_type", op: "equals", value: "none" },
            ],
          },
        ],
      },
    },
  ],
  explain: ({ facts }) => {
    const why =
      facts.answers.dr_test_type === "none"
        ? 'The last exercise type is "none"'
        : "No date of a DR exercise is given";
    return `A plan exists, but it has never been exercised (${why}): whether it works, and how long recovery really takes, is unknown.`;
  },
};

const drStale: TRuleDefinition = {
  code: "DR_TEST_STALE",
  title: "The last disaster-recovery exercise is too old",
  questions: ["dr_test_last_date"],
  variants: [
    {
      severity: "high",
      when: { fact: "drTestAgeMonths", op: "gte", valueFact: "maxTestAgeMonths" },
    },
  ],
  explain: ({ facts }) =>
    `The last DR exercise was on ${facts.answers.dr_test_last_date}, ${formatMonths(facts.drTestAgeMonths ?? 0)} before the assessment date; ${describeThreshold(facts, "max_test_age_months")}. Systems and staff have changed since.`,
};

const tabletop: TRuleDefinition = {
  code: "DR_TEST_TABLETOP_ONLY",
  title: "The last exercise did not fail anything over",
  questions: ["dr_test_type"],
  variants: [
    {
      severity: "medium",
      when: { question: "dr_test_type", op: "in", value: ["tabletop", "walkthrough"] },
    },
  ],
  explain: ({ facts }) =>
    `The last DR exercise was a ${facts.answers.dr_test_type}: the team discussed the plan but no system was actually failed over, so the recovery times are untested.`,
};

const failedObjectives: TRuleDefinition = {
  code: "DR_TEST_FAILED_OBJECTIVES",
  title: "The last exercise missed its recovery objectives",
  questions: ["dr_test_met_objectives"],
  variants: [
    {
      severity: "high",
      when: { question: "dr_test_met_objectives", op: "in", value: ["no", "unknown"] },
    },
  ],
  explain: ({ facts }) =>
    facts.answers.dr_test_met_objectives === "no"
      ? "The last DR exercise did not meet its RTO or RPO: the stated objectives are not achievable as things stand."
      : 'The vendor does not know whether the last DR exercise met its RTO and RPO (answered "unknown"), so the stated objectives are unproven.',
};

const reviewStale: TRuleDefinition = {
  code: "PLAN_REVIEW_STALE",
  title: `The plan has not been reviewed in the last ${PLAN_REVIEW_MAX_MONTHS} months`,
  questions: ["plan_last_reviewed_date"],
  variants: [
    {
      severity: "low",
      when: { fact: "planReviewAgeMonths", op: "gte", value: PLAN_REVIEW_MAX_MONTHS },
    },
  ],
  explain: ({ facts }) =>
    `The plan was last reviewed on ${facts.answers.plan_last_reviewed_date}, ${formatMonths(facts.planReviewAgeMonths ?? 0)} before the assessment date; plans should be reviewed at least every ${PLAN_REVIEW_MAX_MONTHS} months.`,
};

export const PLAN_RULES: readonly TRuleDefinition[] = [
  noPlan,
  drNever,
  drStale,
  tabletop,
  failedObjectives,
  reviewStale,
];
