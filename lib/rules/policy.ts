import { formatRequirement } from "@/lib/rules/describe";
import type { TFacts } from "@/lib/rules/facts";
import { getThresholdFacts } from "@/lib/rules/facts";
import { SEVERITY_RANK, type TFlag } from "@/lib/rules/types";
import type { TOrgPolicy } from "@/lib/scoring/policy";
import {
  RESILIENCE_FIELDS,
  THRESHOLD_FIELDS,
  TIER_DEFAULTS,
  type TRequirementField,
  type TResolvedRequirements,
} from "@/lib/scoring/tiers";

// A policy may lower what the rules say, never hide it: a downgraded flag keeps its code
// and says why, and a flag that only the policy's thresholds avoid is shown as `info`.

const NAMES: Record<TRequirementField, string> = {
  rto_minutes: "RTO",
  rpo_minutes: "RPO",
  min_separation_km: "minimum site separation",
  max_test_age_months: "maximum test age",
  min_immutable_retention_days: "minimum protected-copy retention",
  max_notification_hours: "maximum notification delay",
  min_power_autonomy_hours: "minimum power autonomy",
  min_failover_staff_count: "minimum failover staff",
  plan_must_cover: "scenarios the plan must cover",
};

export type TApplyPolicyInput = {
  flags: readonly TFlag[];
  facts: TFacts;
  policy: TOrgPolicy;
  /** Re-runs the rules on other facts; injected to keep this module free of the engine. */
  evaluate?: (facts: TFacts) => TFlag[];
};

export function applyPolicy({ flags, facts, policy, evaluate }: TApplyPolicyInput): TFlag[] {
  const out = flags.map((flag) => downgrade(flag, policy));
  const requirements = facts.requirements;
  const tuned = [...THRESHOLD_FIELDS, ...RESILIENCE_FIELDS].filter(
    (f) => requirements.sources[f] === "policy",
  );
  if (tuned.length === 0 || !evaluate) return out;
  const baseline: TResolvedRequirements = {
    ...requirements,
    sources: { ...requirements.sources },
  };
  for (const field of tuned) {
    (baseline as Record<TRequirementField, unknown>)[field] =
      TIER_DEFAULTS[requirements.tier][field];
    baseline.sources[field] = "tier_default";
  }
  const raised = new Set(flags.map((f) => f.code));
  const changes = tuned
    .map(
      (f) =>
        `${NAMES[f]} ${formatRequirement(f, requirements[f])} instead of ${formatRequirement(f, baseline[f])}`,
    )
    .join(", ");
  const baselineFacts = {
    ...facts,
    ...getThresholdFacts({ requirements: baseline, answers: facts.answers }),
    requirements: baseline,
  };
  for (const flag of evaluate(baselineFacts)) {
    if (raised.has(flag.code)) continue;
    out.push({
      ...flag,
      severity: "info",
      detail: `Not raised only because your organisation's policy for ${requirements.tier}-tier vendors sets ${changes} (reason: ${requirements.policy_reason}). At the default thresholds this would be ${flag.severity}: ${flag.detail}`,
    });
  }
  return out;
}

function downgrade(flag: TFlag, policy: TOrgPolicy): TFlag {
  const rule = policy.downgrades?.find((d) => d.code === flag.code);
  if (!rule || SEVERITY_RANK[rule.severity] >= SEVERITY_RANK[flag.severity]) return flag;
  return {
    ...flag,
    severity: rule.severity,
    detail: `${flag.detail} (Lowered from ${flag.severity} to ${rule.severity} by your organisation's policy: ${rule.reason}.)`,
  };
}
