import "@/lib/zod-config";
import { z } from "zod";
import { FLAG_CODES, TIERS, type TTier } from "../rules/types";
import type { TOrgPolicy } from "../scoring/policy";
import { RESILIENCE_FIELDS, THRESHOLD_FIELDS } from "../scoring/tiers";
import { applyPlanScope, zCountryList, zOptionalAmount, zPlanScopeFields } from "./assessment";

// The policy editor's form (admins): per tier, every requirement field an organisation may tune
// (empty keeps the tier default; the 1.1 fields included) with the reason a reviewer reads beside a tuned flag, and the
// severity caps the engine applies. It parses to the stored policy (ZOrgPolicy's shape).

const ZTierForm = z.object({
  rto_minutes: zOptionalAmount("RTO", "minutes", 525_600),
  rpo_minutes: zOptionalAmount("RPO", "minutes", 525_600),
  min_separation_km: zOptionalAmount("Minimum separation", "km", 20_000),
  max_test_age_months: zOptionalAmount("Maximum test age", "months", 120, true),
  // The bcdr-core 1.1 fields, with the send form's limits and wording.
  min_immutable_retention_days: zOptionalAmount("Minimum protected-copy retention", "days", 3650),
  max_notification_hours: zOptionalAmount("Maximum notification delay", "hours", 720),
  min_power_autonomy_hours: zOptionalAmount("Minimum power autonomy", "hours", 2160),
  min_failover_staff_count: zOptionalAmount("Minimum failover staff", "people", 1000, true),
  ...zPlanScopeFields,
  allowed_countries: zCountryList.optional(),
  reason: z.string().trim().max(500, "Reason: at most 500 characters").optional(),
});

const TUNED = [...THRESHOLD_FIELDS, ...RESILIENCE_FIELDS] as const;

export const CAP_SEVERITIES = ["high", "medium", "low", "info"] as const;

export const ZPolicyForm = z
  .object({
    tiers: z.object(
      Object.fromEntries(TIERS.map((t) => [t, ZTierForm])) as Record<TTier, typeof ZTierForm>,
    ),
    downgrades: z
      .array(
        z.object({
          code: z.enum(FLAG_CODES, { error: "Choose a flag" }),
          severity: z.enum(CAP_SEVERITIES, { error: "Choose the highest severity" }),
          reason: z
            .string()
            .trim()
            .min(1, "Say why this flag is capped (reviewers read it beside the flag)")
            .max(500, "Reason: at most 500 characters"),
        }),
      )
      .max(50, "At most 50 severity caps"),
  })
  .check((ctx) => {
    for (const tier of TIERS) {
      const t = ctx.value.tiers[tier];
      const scoped = applyPlanScope(t);
      const tuned = TUNED.some((f) => scoped[f] !== undefined);
      if ((tuned || t.allowed_countries?.length) && !t.reason)
        ctx.issues.push({
          code: "custom",
          input: t.reason,
          path: ["tiers", tier, "reason"],
          message: "Say why this tier is tuned (reviewers read it beside the flags it changes)",
        });
    }
    const seen = new Set<string>();
    ctx.value.downgrades.forEach((d, i) => {
      if (seen.has(d.code))
        ctx.issues.push({
          code: "custom",
          input: d.code,
          path: ["downgrades", i, "code"],
          message: "This flag is capped twice: keep one cap per flag",
        });
      seen.add(d.code);
    });
  })
  .transform((form): TOrgPolicy => {
    const tiers: NonNullable<TOrgPolicy["tiers"]> = {};
    for (const tier of TIERS) {
      const { reason, allowed_countries, ...fields } = applyPlanScope(form.tiers[tier]);
      const set: Record<string, unknown> = Object.fromEntries(
        Object.entries(fields).filter(([, v]) => v !== undefined),
      );
      if (allowed_countries?.length) set.allowed_countries = allowed_countries;
      if (Object.keys(set).length) tiers[tier] = { ...set, reason: reason ?? "" };
    }
    return {
      ...(Object.keys(tiers).length ? { tiers } : {}),
      ...(form.downgrades.length ? { downgrades: form.downgrades } : {}),
    };
  });
export type TPolicyFormInput = z.input<typeof ZPolicyForm>;

/** The stored policy as the form's starting values (numbers as typed, empty where not tuned). */
export function policyToForm(policy: TOrgPolicy): TPolicyFormInput {
  const show = (v: number | null | undefined) => (v === undefined || v === null ? "" : String(v));
  return {
    tiers: Object.fromEntries(
      TIERS.map((t) => {
        const tuning = policy.tiers?.[t];
        return [
          t,
          {
            rto_minutes: show(tuning?.rto_minutes),
            rpo_minutes: show(tuning?.rpo_minutes),
            min_separation_km: show(tuning?.min_separation_km),
            max_test_age_months: show(tuning?.max_test_age_months),
            min_immutable_retention_days: show(tuning?.min_immutable_retention_days),
            max_notification_hours: show(tuning?.max_notification_hours),
            min_power_autonomy_hours: show(tuning?.min_power_autonomy_hours),
            min_failover_staff_count: show(tuning?.min_failover_staff_count),
            plan_scope: tuning?.plan_must_cover ? "custom" : "default",
            plan_must_cover: [...(tuning?.plan_must_cover ?? [])],
            allowed_countries: (tuning?.allowed_countries ?? []).join(", "),
            reason: tuning?.reason ?? "",
          },
        ];
      }),
    ) as TPolicyFormInput["tiers"],
    downgrades: (policy.downgrades ?? []).map((d) => ({ ...d })),
  };
}
