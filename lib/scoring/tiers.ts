import type { TRequirements } from "@/lib/questionnaires/answers-schema";
import { PLAN_SCENARIOS, type TPlanScenario, type TTier } from "@/lib/rules/types";
import type { TOrgPolicy } from "@/lib/scoring/policy";

/** A plan review older than this is stale (PLAN_REVIEW_STALE); the contract fixes it. */
export const PLAN_REVIEW_MAX_MONTHS = 12;

/** The dated evidence whose age the engine, the dashboard and the vendor page judge. */
export type TEvidenceKind =
  | "dr_test_last_date"
  | "restore_test_last_date"
  | "plan_last_reviewed_date";

/**
 * How many months one kind of evidence stays fresh: the one place every reader asks (the rules
 * through their thresholds, the dashboard's decay clocks, the vendor's evidence dates).
 */
export function evidenceMaxAgeMonths({
  kind,
  maxTestAgeMonths,
}: {
  kind: TEvidenceKind;
  /** The assessment's resolved max_test_age_months. */
  maxTestAgeMonths: number;
}): number {
  return kind === "plan_last_reviewed_date" ? PLAN_REVIEW_MAX_MONTHS : maxTestAgeMonths;
}

/** How often each tier is reassessed, in months. */
export const REASSESS_MONTHS = { critical: 6, high: 12, moderate: 24, low: 36 } as const;

/** The v1 thresholds: tier defaults are ours to choose, and an organisation policy may tune them. */
export type TThresholds = {
  /** null: no RTO requirement applies, so RTO_EXCEEDS_REQUIREMENT stays silent. */
  rto_minutes: number | null;
  rpo_minutes: number | null;
  min_separation_km: number;
  max_test_age_months: number;
};
export type TThresholdField = keyof TThresholds;
/** The thresholds an organisation policy may tune per tier. */
export const THRESHOLD_FIELDS = [
  "rto_minutes",
  "rpo_minutes",
  "min_separation_km",
  "max_test_age_months",
] as const satisfies readonly TThresholdField[];

/**
 * The requirement fields contract 1.1 added. Their tier defaults are fixed by the contract (so
 * that two engines, and `assess`, give the same flags); an organisation's policy may tune them
 * in the app like the others, and the engine then shows what the tuning avoided.
 */
export type TResilienceThresholds = {
  min_immutable_retention_days: number;
  max_notification_hours: number;
  min_power_autonomy_hours: number;
  min_failover_staff_count: number;
  /** Scenarios the plan must cover; [] requires none. */
  plan_must_cover: readonly TPlanScenario[];
};
export type TResilienceField = keyof TResilienceThresholds;
export const RESILIENCE_FIELDS = [
  "min_immutable_retention_days",
  "max_notification_hours",
  "min_power_autonomy_hours",
  "min_failover_staff_count",
  "plan_must_cover",
] as const satisfies readonly TResilienceField[];

/** Every requirement with a tier default. */
export type TRequirementField = TThresholdField | TResilienceField;

const CORE_SCENARIOS: readonly TPlanScenario[] = ["site_loss", "ransomware", "data_corruption"];

/**
 * Defaults by criticality tier. Critical and high follow common practice for hosted
 * systems of record (4 h / 15 min and 24 h / 4 h; sites at least 100 km apart so one
 * regional disaster cannot hit both; yearly tests as ISO 22301 expects). A low-tier vendor
 * has no RTO/RPO requirement unless procurement or the organisation's policy sets one.
 * The last five fields are the contract's own table (bcdr-core 1.1).
 */
export const TIER_DEFAULTS: Readonly<
  Record<TTier, Readonly<TThresholds> & Readonly<TResilienceThresholds>>
> = {
  critical: {
    rto_minutes: 240,
    rpo_minutes: 15,
    min_separation_km: 100,
    max_test_age_months: 12,
    min_immutable_retention_days: 30,
    max_notification_hours: 4,
    min_power_autonomy_hours: 72,
    min_failover_staff_count: 3,
    plan_must_cover: PLAN_SCENARIOS,
  },
  high: {
    rto_minutes: 1440,
    rpo_minutes: 240,
    min_separation_km: 100,
    max_test_age_months: 12,
    min_immutable_retention_days: 30,
    max_notification_hours: 24,
    min_power_autonomy_hours: 48,
    min_failover_staff_count: 2,
    plan_must_cover: PLAN_SCENARIOS,
  },
  moderate: {
    rto_minutes: 4320,
    rpo_minutes: 1440,
    min_separation_km: 50,
    max_test_age_months: 12,
    min_immutable_retention_days: 14,
    max_notification_hours: 72,
    min_power_autonomy_hours: 24,
    min_failover_staff_count: 2,
    plan_must_cover: CORE_SCENARIOS,
  },
  low: {
    rto_minutes: null,
    rpo_minutes: null,
    min_separation_km: 10,
    max_test_age_months: 24,
    min_immutable_retention_days: 7,
    max_notification_hours: 72,
    min_power_autonomy_hours: 12,
    min_failover_staff_count: 1,
    plan_must_cover: CORE_SCENARIOS,
  },
};

/** Where a threshold came from, so a flag can say "your requirement" or "the tier default". */
export type TThresholdSource = "tier_default" | "policy" | "requirement";

export type TResolvedRequirements = TThresholds &
  TResilienceThresholds & {
    tier: TTier;
    /** Empty: any country is allowed. */
    allowed_countries: string[];
    sources: Record<TRequirementField, TThresholdSource>;
    /** The policy's reason for its tuning of this tier, when it tuned any threshold. */
    policy_reason: string | null;
  };

export type TResolveRequirementsInput = { requirements: TRequirements; policy?: TOrgPolicy };

/** Tier default, then the organisation's tuning for the tier, then the assessment's own fields. */
export function resolveRequirements({
  requirements,
  policy,
}: TResolveRequirementsInput): TResolvedRequirements {
  const tier = requirements.tier;
  const tuning = policy?.tiers?.[tier];
  const defaults = TIER_DEFAULTS[tier];
  const sources = {} as Record<TRequirementField, TThresholdSource>;
  for (const field of [...THRESHOLD_FIELDS, ...RESILIENCE_FIELDS]) sources[field] = "tier_default";
  const resolved: TResolvedRequirements = {
    ...defaults,
    plan_must_cover: [...defaults.plan_must_cover],
    tier,
    // The assessment's own list, else the policy's for the tier; empty means any country.
    allowed_countries: [
      ...(requirements.allowed_countries?.length
        ? requirements.allowed_countries
        : (tuning?.allowed_countries ?? [])),
    ],
    sources,
    policy_reason: tuning?.reason ?? null,
  };
  for (const field of THRESHOLD_FIELDS) {
    const own = requirements[field];
    const tuned = tuning?.[field];
    if (own !== undefined) {
      resolved[field] = own;
      sources[field] = "requirement";
    } else if (tuned !== undefined) {
      (resolved as Record<TThresholdField, number | null>)[field] = tuned;
      sources[field] = "policy";
    }
  }
  for (const field of RESILIENCE_FIELDS) {
    const own = requirements[field];
    const tuned = tuning?.[field];
    const value = own !== undefined ? own : tuned;
    if (value === undefined) continue;
    (resolved as Record<TResilienceField, unknown>)[field] = Array.isArray(value)
      ? [...value]
      : value;
    sources[field] = own !== undefined ? "requirement" : "policy";
  }
  return resolved;
}
