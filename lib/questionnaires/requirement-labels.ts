import type { TRequirementField } from "@/lib/scoring/tiers";

/** Each requirement field in words, with its unit: the send form, the policy editor and the
 * offline workbook's Requirements sheet all show these. */
export const REQUIREMENT_LABELS = {
  rto_minutes: { label: "Maximum RTO (minutes)", unit: "min" },
  rpo_minutes: { label: "Maximum RPO (minutes)", unit: "min" },
  min_separation_km: { label: "Minimum site separation (km)", unit: "km" },
  max_test_age_months: { label: "Maximum test age (months)", unit: "months" },
  min_immutable_retention_days: {
    label: "Minimum life of immutable or offline copies (days)",
    unit: "days",
  },
  max_notification_hours: {
    label: "Maximum delay before customers hear of an incident (hours)",
    unit: "hours",
  },
  min_power_autonomy_hours: {
    label: "Minimum run time on site power, grid down (hours)",
    unit: "hours",
  },
  min_failover_staff_count: {
    label: "Minimum people able to lead failover and restore",
    unit: "people",
  },
  plan_must_cover: { label: "Scenarios the plan must cover", unit: "" },
} as const satisfies Record<TRequirementField, { label: string; unit: string }>;
