import { z } from "zod";
import { FLAG_CODES, PLAN_SCENARIOS, TIERS } from "@/lib/rules/types";

// An organisation's standing policy. It may tune thresholds per tier and lower a code's
// severity, always with a reason; the engine then still shows what was tuned away as an
// `info` flag, so no code disappears from a report without a trace.

const reason = z.string().trim().min(1, "a reason a reviewer can read");
const amount = (what: string) => z.number({ error: what }).min(0, what);

export const ZTierTuning = z.strictObject({
  /** null removes the requirement for this tier. */
  rto_minutes: amount("a number of minutes, 0 or more").nullable().optional(),
  rpo_minutes: amount("a number of minutes, 0 or more").nullable().optional(),
  min_separation_km: amount("a number of kilometres, 0 or more").optional(),
  max_test_age_months: z.number().int().min(0).optional(),
  // The bcdr-core 1.1 fields: the contract fixes their tier defaults (what `assess` uses); an
  // organisation may still tune them in the app, and the engine shows what a tuning avoided.
  min_immutable_retention_days: amount("a number of days, 0 or more").optional(),
  max_notification_hours: amount("a number of hours, 0 or more").optional(),
  min_power_autonomy_hours: amount("a number of hours, 0 or more").optional(),
  min_failover_staff_count: z.number().int().min(0).optional(),
  /** Scenarios this tier's plans must cover; [] requires none. */
  plan_must_cover: z.array(z.enum(PLAN_SCENARIOS)).optional(),
  /** Where this tier's data may be, unless an assessment names its own countries. */
  allowed_countries: z
    .array(z.string().regex(/^[A-Z]{2}$/, "two-letter country codes such as DE"))
    .optional(),
  reason,
});
export type TTierTuning = z.infer<typeof ZTierTuning>;

export const ZSeverityDowngrade = z.strictObject({
  code: z.enum(FLAG_CODES),
  /** The highest severity the code may have; "info" keeps it visible but out of the rating. */
  severity: z.enum(["high", "medium", "low", "info"]),
  reason,
});
export type TSeverityDowngrade = z.infer<typeof ZSeverityDowngrade>;

export const ZOrgPolicy = z
  .strictObject({
    tiers: z.partialRecord(z.enum(TIERS), ZTierTuning).optional(),
    downgrades: z.array(ZSeverityDowngrade).optional(),
  })
  .check((ctx) => {
    const codes = (ctx.value.downgrades ?? []).map((d) => d.code);
    const duplicate = codes.find((code, i) => codes.indexOf(code) !== i);
    if (duplicate) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: ["downgrades"],
        message: `one downgrade per code (${duplicate} appears twice)`,
      });
    }
  });
export type TOrgPolicy = z.infer<typeof ZOrgPolicy>;
