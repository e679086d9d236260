import type { TConditionReaders, TConditionScope, TReader } from "@/lib/rules/conditions";
import { type FACT_NAMES, getRuleQuestionIds, type TFacts } from "@/lib/rules/facts";

// Operand readers for rule conditions. Each fact gets its own function literal so every
// read site has a single-shape inline cache; answers are read by index from answerList.
// A generic scope[name] read would see every fact name and every answers shape at one
// site, and that lookup, not the rules themselves, would dominate the engine's time.

type TFactName = (typeof FACT_NAMES)[number];
const f = (scope: TConditionScope) => scope as unknown as TFacts;

export const FACT_READERS: Readonly<Record<TFactName, TReader>> = {
  siteCount: (s) => f(s).siteCount,
  placeCount: (s) => f(s).placeCount,
  closestSeparationKm: (s) => f(s).closestSeparationKm,
  closestSeparationSamePlace: (s) => f(s).closestSeparationSamePlace,
  separationClaimGapKm: (s) => f(s).separationClaimGapKm,
  separationClaimGapRatio: (s) => f(s).separationClaimGapRatio,
  backupSiteCount: (s) => f(s).backupSiteCount,
  backupAllSamePlace: (s) => f(s).backupAllSamePlace,
  backupFarthestKm: (s) => f(s).backupFarthestKm,
  copiesEveryChange: (s) => f(s).copiesEveryChange,
  backupIntervalMinutes: (s) => f(s).backupIntervalMinutes,
  restoreTestAgeMonths: (s) => f(s).restoreTestAgeMonths,
  drTestAgeMonths: (s) => f(s).drTestAgeMonths,
  planReviewAgeMonths: (s) => f(s).planReviewAgeMonths,
  residencyViolationCount: (s) => f(s).residencyViolationCount,
  sharedProvider: (s) => f(s).sharedProvider,
  backupAllSameProviderAsPrimary: (s) => f(s).backupAllSameProviderAsPrimary,
  protectedRetentionDays: (s) => f(s).protectedRetentionDays,
  measuredRecoveryMinutes: (s) => f(s).measuredRecoveryMinutes,
  planScopeMissingCount: (s) => f(s).planScopeMissingCount,
  exportProprietaryOnly: (s) => f(s).exportProprietaryOnly,
  raisedCodes: (s) => f(s).raisedCodes,
  minSeparationKm: (s) => f(s).minSeparationKm,
  maxTestAgeMonths: (s) => f(s).maxTestAgeMonths,
  rtoLimitMinutes: (s) => f(s).rtoLimitMinutes,
  rpoLimitMinutes: (s) => f(s).rpoLimitMinutes,
  minImmutableRetentionDays: (s) => f(s).minImmutableRetentionDays,
  maxNotificationHours: (s) => f(s).maxNotificationHours,
  minPowerAutonomyHours: (s) => f(s).minPowerAutonomyHours,
  minFailoverStaffCount: (s) => f(s).minFailoverStaffCount,
};

/** Readers over TFacts; an unknown fact or question name is a bug in a rule definition. */
export function buildFactReaders(): TConditionReaders {
  const index = new Map(getRuleQuestionIds().map((id, i) => [id, i]));
  return {
    question: (id) => {
      const i = index.get(id);
      if (i === undefined) throw new Error(`rule reads unknown question ${id}`);
      return (s) => f(s).answerList[i];
    },
    fact: (name) => {
      const reader = FACT_READERS[name as TFactName];
      if (!reader) throw new Error(`rule reads unknown fact ${name}`);
      return reader;
    },
  };
}
