import "@/lib/zod-config";
import { z } from "zod";
import { FLAG_CODES, TIERS, type TTier } from "../rules/types";
import type { TOrgPolicy } from "../scoring/policy";
import { zCountryList } from "./assessment";

// The policy editor's form (admins): per tier, the thresholds an organisation may tune (empty
// keeps the tier default) with the reason a reviewer reads beside a tuned flag, and the
// severity caps the engine applies. It parses to the stored policy (ZOrgPolicy's shape).

const optional = (label: string, unit: string, max: number, whole = false) => {
  let n = z.coerce
    .number({ error: `${label} must be a number` })
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} must be at most ${max.toLocaleString("en")} ${unit}`);
  if (whole) n = n.int(`${label} must be a whole number`);
  return z.preprocess((v) => (v === "" || v === null ? undefined : v), n.optional());
};

const ZTierForm = z.object({
  rto_minutes: optional("RTO", "minutes", 525_600),
  rpo_minutes: optional("RPO", "minutes", 525_600),
  min_separation_km: optional("Minimum separation", "km", 20_000),
  max_test_age_months: optional("Maximum test age", "months", 120, true),
  allowed_countries: zCountryList.optional(),
  reason: z.string().trim().max(500, "Reason: at most 500 characters").optional(),
});

const TUNED = ["rto_minutes", "rpo_minutes", "min_separation_km", "max_test_age_months"] as const;

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
      if ((TUNED.some((f) => t[f] !== undefined) || t.allowed_countries?.length) && !t.reason)
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
      const { reason, allowed_countries, ...fields } = form.tiers[tier];
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
            allowed_countries: (tuning?.allowed_countries ?? []).join(", "),
            reason: tuning?.reason ?? "",
          },
        ];
      }),
    ) as TPolicyFormInput["tiers"],
    downgrades: (policy.downgrades ?? []).map((d) => ({ ...d })),
  };
}
