import type { TRequirements } from "@/lib/questionnaires/answers";
import type { TTier } from "@/lib/rules/types";
import type { TOrgPolicy } from "@/lib/scoring/policy";

/** How often each tier is reassessed, in months. */
export const REASSESS_MONTHS = { critical: 6, high: 12, moderate: 24, low: 36 } as const;

export type TThresholds = {
  /** null: no RTO requirement applies, so RTO_EXCEEDS_REQUIREMENT stays silent. */
  rto_minutes: number | null;
  rpo_minutes: number | null;
  min_separation_km: number;
  max_test_age_months: number;
};
export type TThresholdField = keyof TThresholds;
export const THRESHOLD_FIELDS = [
  "rto_minutes",
  "rpo_minutes",
  "min_separation_km",
  "max_test_age_months",
] as const satisfies readonly TThresholdField[];

/**
 * Defaults by criticality tier. Critical and high follow common practice for hosted
 * systems of record (4 h / 15 min and 24 h / 4 h; sites at least 100 km apart so one
 * regional disaster cannot hit both; yearly tests as ISO 22301 expects). A low-tier vendor
 * has no RTO/RPO requirement unless procurement or the organisation's policy sets one.
 */
export const TIER_DEFAULTS: Readonly<Record<TTier, Readonly<TThresholds>>> = {
  critical: { rto_minutes: 240, rpo_minutes: 15, min_separation_km: 100, max_test_age_months: 12 },
  high: { rto_minutes: 1440, rpo_minutes: 240, min_separation_km: 100, max_test_age_months: 12 },
  moderate: {
    rto_minutes: 4320,
    rpo_minutes: 1440,
    min_separation_km: 50,
    max_test_age_months: 12,
  },
  low: { rto_minutes: null, rpo_minutes: null, min_separation_km: 10, max_test_age_months: 24 },
};

/** Where a threshold came from, so a flag can say "your requirement" or "the tier default". */
export type TThresholdSource = "tier_default" | "policy" | "requirement";

export type TResolvedRequirements = TThresholds & {
  tier: TTier;
  /** Empty: any country is allowed. */
  allowed_countries: string[];
  sources: Record<TThresholdField, TThresholdSource>;
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
  const resolved: TResolvedRequirements = {
    ...TIER_DEFAULTS[tier],
    tier,
    allowed_countries: [...(requirements.allowed_countries ?? [])],
    sources: {
      rto_minutes: "tier_default",
      rpo_minutes: "tier_default",
      min_separation_km: "tier_default",
      max_test_age_months: "tier_default",
    },
    policy_reason: tuning?.reason ?? null,
  };
  for (const field of THRESHOLD_FIELDS) {
    const own = requirements[field];
    const tuned = tuning?.[field];
    if (own !== undefined) {
      resolved[field] = own;
      resolved.sources[field] = "requirement";
    } else if (tuned !== undefined) {
      (resolved as Record<TThresholdField, number | null>)[field] = tuned;
      resolved.sources[field] = "policy";
    }
  }
  return resolved;
}
