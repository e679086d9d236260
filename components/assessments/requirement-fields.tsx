import type { UseFormRegisterReturn } from "react-hook-form";
import { REQUIREMENT_LABELS } from "@/lib/questionnaires/requirement-labels";
import type { TRequirementField, TThresholdSource } from "@/lib/scoring/tiers";

// The requirement fields as the send form and the policy editor show them: one label and unit
// per field, and one plan-scope control (a switch between the tier's scenarios and a ticked list).

type TNumericField = Exclude<TRequirementField, "plan_must_cover">;

const NUMERIC = [
  ["rto_minutes", "rto"],
  ["rpo_minutes", "rpo"],
  ["min_separation_km", "sep"],
  ["max_test_age_months", "age"],
  ["min_immutable_retention_days", "retention"],
  ["max_notification_hours", "notice"],
  ["min_power_autonomy_hours", "power"],
  ["min_failover_staff_count", "staff"],
] as const satisfies readonly (readonly [TNumericField, string])[];

/** The numeric requirements in the order both forms show them. */
export const REQUIREMENT_LIMITS = NUMERIC.map(([key, id]) => ({
  key,
  id,
  ...REQUIREMENT_LABELS[key],
}));

/** The options of plan_covers, in the questionnaire's words. */
export const PLAN_SCENARIO_OPTIONS = [
  { value: "site_loss", label: "Loss of a site" },
  { value: "region_loss", label: "Loss of a whole region" },
  { value: "ransomware", label: "Ransomware or destructive attack" },
  { value: "provider_failure", label: "Failure of a hosting or cloud provider" },
  { value: "data_corruption", label: "Data corruption or mistaken deletion" },
  { value: "staff_loss", label: "Loss of key staff" },
] as const;

/** "Leave empty for the tier default: 100 km" (or the organisation's policy, when it sets it). */
export const requirementHint = (
  v: number | null | undefined,
  unit: string,
  from: TThresholdSource = "tier_default",
) => {
  const whose = from === "policy" ? "your organisation's policy" : "the tier default";
  return v === null || v === undefined
    ? `No ${from === "policy" ? "requirement in your organisation's policy" : "default for this tier"}: leave empty for none`
    : `Leave empty for ${whose}: ${v} ${unit}`;
};

/** A plan's scope: the tier's scenarios, or only the ticked ones (none ticked: none required). */
export function PlanScopeFields({
  idPrefix,
  legend,
  tierScenarios,
  custom,
  scope,
  list,
  error,
  from = "tier_default",
}: {
  idPrefix: string;
  legend: string;
  /** The tier default's scenarios (plan_must_cover values). */
  tierScenarios: readonly string[];
  /** Whether "only the ticked scenarios" is chosen (the ticks are disabled otherwise). */
  custom: boolean;
  scope: UseFormRegisterReturn;
  list: UseFormRegisterReturn;
  error?: string;
  /** Where the default scenarios come from: the tier, or the organisation's policy. */
  from?: TThresholdSource;
}) {
  const defaults = PLAN_SCENARIO_OPTIONS.filter((s) => tierScenarios.includes(s.value))
    .map((s) => s.label.toLowerCase())
    .join(", ");
  const errorId = `${idPrefix}-scope-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <label className="flex items-start gap-2 text-sm">
        <input type="radio" value="default" className="mt-0.5" {...scope} />
        <span>
          {from === "policy" ? "Your organisation's policy" : "The tier default"}:{" "}
          {defaults || "none"}
        </span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input type="radio" value="custom" className="mt-0.5" {...scope} />
        <span>Only the scenarios ticked below (none ticked: no scenario is required)</span>
      </label>
      <div className="grid gap-1 pl-6 sm:grid-cols-2">
        {PLAN_SCENARIO_OPTIONS.map((s) => (
          <label
            key={s.value}
            className={`flex items-start gap-2 text-sm ${custom ? "" : "text-slate-500"}`}
          >
            <input
              type="checkbox"
              value={s.value}
              className="mt-0.5"
              disabled={!custom}
              {...list}
            />
            <span>{s.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
