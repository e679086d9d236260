import { getAgeInMonths, parseIsoDate, type TCalendarDate } from "@/lib/dates";
import { getQuestionnaire, getQuestions } from "@/lib/questionnaires/registry";
import { labelSite } from "@/lib/rules/describe";
import { buildSiteFacts, type TSiteFacts } from "@/lib/rules/site-facts";
import type { TAnswers, TParty, TSite } from "@/lib/rules/types";
import type { TResolvedRequirements } from "@/lib/scoring/tiers";

// Everything the rules need that is not a bare answer, computed once per assessment.
// Rules compare these facts and answers against thresholds; they never compute geometry
// or calendar arithmetic themselves.

export type TResidencyViolation = { kind: "site" | "subprocessor"; name: string; country: string };

/** Threshold facts, kept apart so the engine can re-run rules with other thresholds. */
export type TThresholdFacts = {
  minSeparationKm: number;
  maxTestAgeMonths: number;
  rtoLimitMinutes: number | null;
  rpoLimitMinutes: number | null;
  minImmutableRetentionDays: number;
  maxNotificationHours: number;
  minPowerAutonomyHours: number;
  minFailoverStaffCount: number;
  /** Scenarios of plan_must_cover that plan_covers lacks; null when plan_covers is unanswered. */
  planScopeMissing: string[] | null;
  planScopeMissingCount: number | null;
};

/** A measured recovery time that counts against the RTO, and the answer it came from. */
export type TMeasuredRecovery = {
  question: "dr_test_recovery_minutes" | "full_restore_test_minutes";
  minutes: number;
};

export type TFacts = TSiteFacts &
  TThresholdFacts & {
    answers: TAnswers;
    /** The answers again as a list in getRuleQuestionIds() order, for fast indexed reads. */
    answerList: readonly unknown[];
    asOf: TCalendarDate;
    requirements: TResolvedRequirements;
    /** |declared - computed| for the closest primary-secondary pair, and that gap / computed. */
    separationClaimGapKm: number | null;
    separationClaimGapRatio: number | null;
    /** Replication copies every change: synchronous or asynchronous. */
    copiesEveryChange: boolean;
    backupIntervalMinutes: number | null;
    restoreTestAgeMonths: number | null;
    drTestAgeMonths: number | null;
    planReviewAgeMonths: number | null;
    residencyViolations: TResidencyViolation[];
    residencyViolationCount: number;
    /** Life of the protected copies: immutable_retention_days, else backup_retention_days. */
    protectedRetentionDays: number | null;
    protectedRetentionQuestion: "immutable_retention_days" | "backup_retention_days" | null;
    /** The measured recovery times that count (see measureRecovery) and the larger of them. */
    measuredRecoveries: TMeasuredRecovery[];
    measuredRecoveryMinutes: number | null;
    /** export_formats is a non-empty list of "proprietary" only. */
    exportProprietaryOnly: boolean;
    /**
     * The codes raised so far in this evaluation. The engine fills it as it runs the rules,
     * v1 rules first, so a 1.1 rule can stay silent "while CODE is raised".
     */
    raisedCodes: string[];
  };

/** Names a rule condition may use in `fact` / `valueFact` (objects and lists are for details). */
export const FACT_NAMES = [
  "siteCount",
  "placeCount",
  "closestSeparationKm",
  "closestSeparationSamePlace",
  "separationClaimGapKm",
  "separationClaimGapRatio",
  "backupSiteCount",
  "backupAllSamePlace",
  "backupFarthestKm",
  "copiesEveryChange",
  "backupIntervalMinutes",
  "restoreTestAgeMonths",
  "drTestAgeMonths",
  "planReviewAgeMonths",
  "residencyViolationCount",
  "sharedProvider",
  "backupAllSameProviderAsPrimary",
  "protectedRetentionDays",
  "measuredRecoveryMinutes",
  "planScopeMissingCount",
  "exportProprietaryOnly",
  "raisedCodes",
  "minSeparationKm",
  "maxTestAgeMonths",
  "rtoLimitMinutes",
  "rpoLimitMinutes",
  "minImmutableRetentionDays",
  "maxNotificationHours",
  "minPowerAutonomyHours",
  "minFailoverStaffCount",
] as const satisfies readonly (keyof TFacts)[];

export type TComputeFactsInput = {
  answers: TAnswers;
  requirements: TResolvedRequirements;
  /** YYYY-MM-DD; must be a real date. */
  asOf: string;
};

export function computeFacts({ answers: given, requirements, asOf }: TComputeFactsInput): TFacts {
  const ids = getRuleQuestionIds();
  const answers = normalizeAnswers(given, ids);
  const asOfDate = parseIsoDate({ text: asOf });
  if (!asOfDate) throw new Error(`asOf must be a real YYYY-MM-DD date, got ${asOf}`);
  const sites = answers.sites as readonly TSite[] | undefined;
  const backupIds = answers.backup_site_ids as readonly string[] | undefined;
  const siteFacts = buildSiteFacts({ sites, backupIds });
  const declared = answers.declared_min_separation_km;
  const closest = siteFacts.closestPair;
  const gap = typeof declared === "number" && closest ? Math.abs(declared - closest.km) : null;
  const frequency = answers.backup_frequency_hours;
  const mode = answers.replication_mode;
  const residencyViolations = findResidencyViolations({
    allowed: requirements.allowed_countries,
    sites,
    parties: answers.subprocessors as readonly TParty[] | undefined,
  });
  const measuredRecoveries = measureRecovery(answers);
  const retention = readProtectedRetention(answers);
  const formats = answers.export_formats;
  return {
    ...siteFacts,
    ...getThresholdFacts({ requirements, answers }),
    answers,
    answerList: ids.map((id) => answers[id]),
    asOf: asOfDate,
    requirements,
    separationClaimGapKm: gap,
    separationClaimGapRatio: gap === null || !closest ? null : ratio(gap, closest.km),
    copiesEveryChange: mode === "synchronous" || mode === "asynchronous",
    backupIntervalMinutes: typeof frequency === "number" ? frequency * 60 : null,
    restoreTestAgeMonths: ageOf(answers.restore_test_last_date, asOfDate),
    drTestAgeMonths: ageOf(answers.dr_test_last_date, asOfDate),
    planReviewAgeMonths: ageOf(answers.plan_last_reviewed_date, asOfDate),
    residencyViolations,
    residencyViolationCount: residencyViolations.length,
    protectedRetentionDays: retention?.days ?? null,
    protectedRetentionQuestion: retention?.question ?? null,
    measuredRecoveries,
    measuredRecoveryMinutes: measuredRecoveries.length
      ? Math.max(...measuredRecoveries.map((m) => m.minutes))
      : null,
    exportProprietaryOnly:
      Array.isArray(formats) &&
      formats.length > 0 &&
      formats.every((format) => format === "proprietary"),
    raisedCodes: [],
  };
}

/**
 * The measured recovery times that count against an RTO: a DR test's only when a plan
 * exists, the test has a date and it actually failed over; a restore's only when backups
 * exist, the test has a date and its scope covered the full environment (and not "never").
 */
function measureRecovery(answers: TAnswers): TMeasuredRecovery[] {
  const found: TMeasuredRecovery[] = [];
  const dr = answers.dr_test_recovery_minutes;
  if (
    typeof dr === "number" &&
    answers.plan_exists === "yes" &&
    answers.dr_test_last_date !== undefined &&
    (answers.dr_test_type === "partial_failover" || answers.dr_test_type === "full_failover")
  ) {
    found.push({ question: "dr_test_recovery_minutes", minutes: dr });
  }
  const restore = answers.full_restore_test_minutes;
  const scope = answers.restore_test_scope;
  if (
    typeof restore === "number" &&
    answers.backup_exists === "yes" &&
    answers.restore_test_last_date !== undefined &&
    Array.isArray(scope) &&
    scope.includes("full_environment") &&
    !scope.includes("never")
  ) {
    found.push({ question: "full_restore_test_minutes", minutes: restore });
  }
  return found;
}

function readProtectedRetention(answers: TAnswers) {
  const immutable = answers.immutable_retention_days;
  if (typeof immutable === "number") {
    return { days: immutable, question: "immutable_retention_days" as const };
  }
  const retention = answers.backup_retention_days;
  if (typeof retention === "number") {
    return { days: retention, question: "backup_retention_days" as const };
  }
  return null;
}

function findPlanScopeMissing(covers: unknown, required: readonly string[]): string[] | null {
  if (!Array.isArray(covers)) return null;
  return required.filter((scenario) => !covers.includes(scenario));
}

/**
 * The bcdr-core version the rules are written for: the latest shipped. Answers given on an
 * older version (a subset of its questions) are judged by these rules too.
 */
export function getRulesVersion(): string {
  return getQuestionnaire({ id: "bcdr-core" })?.version ?? "unknown";
}

let bcdrCoreIds: readonly string[] | undefined;

/** The question ids the rules are written for (bcdr-core's), in form order. */
export function getRuleQuestionIds(): readonly string[] {
  const questionnaire = getQuestionnaire({ id: "bcdr-core" });
  bcdrCoreIds ??= questionnaire ? getQuestions({ questionnaire }).map((q) => q.id) : [];
  return bcdrCoreIds;
}

let template: { ids: readonly string[]; value: Record<string, unknown> } | undefined;

/**
 * Copies the answers into an object with every question id as a key, cloned from one
 * template so that every assessment shares one object shape. Parsed answers hold any subset
 * of keys in any order; rule reads over such objects go megamorphic, and an object grown
 * key by key falls back to a slow dictionary.
 */
function normalizeAnswers(answers: TAnswers, ids: readonly string[]): TAnswers {
  if (template?.ids !== ids) {
    // JSON.parse builds fast-mode objects; spreading one clones its shape.
    const keys = JSON.stringify(Object.fromEntries(ids.map((id) => [id, 0])));
    template = { ids, value: JSON.parse(keys) };
  }
  const out: Record<string, unknown> = { ...template.value };
  for (const id of ids) out[id] = answers[id];
  for (const id in answers) if (!(id in out)) out[id] = answers[id];
  return out as TAnswers;
}

export type TGetThresholdFactsInput = { requirements: TResolvedRequirements; answers: TAnswers };

/** The facts that depend on the requirements (a policy's baseline re-evaluation swaps them). */
export function getThresholdFacts({
  requirements,
  answers,
}: TGetThresholdFactsInput): TThresholdFacts {
  const planScopeMissing = findPlanScopeMissing(answers.plan_covers, requirements.plan_must_cover);
  return {
    planScopeMissing,
    planScopeMissingCount: planScopeMissing?.length ?? null,
    minSeparationKm: requirements.min_separation_km,
    maxTestAgeMonths: requirements.max_test_age_months,
    rtoLimitMinutes: requirements.rto_minutes,
    rpoLimitMinutes: requirements.rpo_minutes,
    minImmutableRetentionDays: requirements.min_immutable_retention_days,
    maxNotificationHours: requirements.max_notification_hours,
    minPowerAutonomyHours: requirements.min_power_autonomy_hours,
    minFailoverStaffCount: requirements.min_failover_staff_count,
  };
}

function ratio(gap: number, computed: number): number {
  if (computed > 0) return gap / computed;
  return gap > 0 ? Number.POSITIVE_INFINITY : 0;
}

function ageOf(value: unknown, asOf: TCalendarDate): number | null {
  if (typeof value !== "string") return null;
  const date = parseIsoDate({ text: value });
  return date ? getAgeInMonths({ date, asOf }) : null;
}

type TFindResidencyViolationsInput = {
  allowed: readonly string[];
  sites: readonly TSite[] | undefined;
  parties: readonly TParty[] | undefined;
};

function findResidencyViolations({ allowed, sites, parties }: TFindResidencyViolationsInput) {
  const found: TResidencyViolation[] = [];
  if (allowed.length === 0) return found;
  for (const site of sites ?? []) {
    if (!allowed.includes(site.country)) {
      found.push({ kind: "site", name: labelSite(site), country: site.country });
    }
  }
  for (const party of parties ?? []) {
    if (!allowed.includes(party.country)) {
      found.push({ kind: "subprocessor", name: party.name, country: party.country });
    }
  }
  return found;
}

export { effectiveKm, measurePair, type TSitePair } from "@/lib/rules/site-facts";
