import { z } from "zod";
import { ZCountryCode } from "@/lib/questionnaires/countries";
import { issuesToErrors, type TParseResult } from "@/lib/questionnaires/errors";
import type { TQuestionnaire } from "@/lib/questionnaires/questionnaire-schema";
import { getQuestions } from "@/lib/questionnaires/registry";
import { getQuestionValueSchema, SITE_FIELDS } from "@/lib/questionnaires/values";
import { PLAN_SCENARIOS, type TAnswers, TIERS, type TSite } from "@/lib/rules/types";

// The one answers schema, built from the questionnaire definition: the CLI, the server,
// the API and the web form all validate with what this returns.

const schemas = new WeakMap<TQuestionnaire, z.ZodType<TAnswers>>();

export type TBuildAnswersSchemaInput = { questionnaire: TQuestionnaire };

export function buildAnswersSchema({
  questionnaire,
}: TBuildAnswersSchemaInput): z.ZodType<TAnswers> {
  const cached = schemas.get(questionnaire);
  if (cached) return cached;
  const questions = getQuestions({ questionnaire });
  const shape: Record<string, z.ZodType> = {};
  for (const question of questions)
    shape[question.id] = getQuestionValueSchema({ question }).optional();
  const refs = questions.filter((q) => q.type === "siterefs");
  const schema = z
    .strictObject(shape, { error: "an object of answers keyed by question id" })
    .check((ctx) => {
      const answers = ctx.value as Record<string, unknown>;
      for (const ref of refs) {
        const ids = answers[ref.id] as readonly string[] | undefined;
        if (ids === undefined || ref.refersTo === undefined) continue;
        const sites = (answers[ref.refersTo] as readonly TSite[] | undefined) ?? [];
        const known = new Set(sites.map((s) => s.id));
        const listed = sites.length ? sites.map((s) => s.id).join(", ") : "none are listed";
        ids.forEach((id, index) => {
          if (known.has(id)) return;
          ctx.issues.push({
            code: "custom",
            input: id,
            path: [ref.id, index],
            message: `the id of a site in answers.${ref.refersTo} (${listed})`,
          });
        });
      }
    }) as unknown as z.ZodType<TAnswers>;
  schemas.set(questionnaire, schema);
  return schema;
}

export type TParseAnswersInput = { questionnaire: TQuestionnaire; input: unknown };

export function parseAnswers({ questionnaire, input }: TParseAnswersInput): TParseResult<TAnswers> {
  const result = buildAnswersSchema({ questionnaire }).safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const where = `${questionnaire.id} ${questionnaire.version}`;
  return {
    ok: false,
    errors: issuesToErrors({
      issues: result.error.issues,
      input,
      prefix: ["answers"],
      describeUnknownKey: (path) => {
        if (path.length === 0) return `a question id of ${where} (no question has this id)`;
        const type = getQuestions({ questionnaire }).find((q) => q.id === path[0])?.type;
        if (type === "sites") return `only the site fields ${SITE_FIELDS}`;
        if (type === "parties") return "only the fields name, service and country";
        return "only the fields this answer type defines";
      },
    }),
  };
}

const count = (what: string) => z.number({ error: what }).min(0, what);
const wholeCount = (what: string) => z.number({ error: what }).int(what).min(0, what);

export const ZRequirements = z.strictObject(
  {
    tier: z.enum(TIERS, {
      error: `the vendor's tier: one of ${TIERS.map((t) => `"${t}"`).join(", ")}`,
    }),
    rto_minutes: count("a number of minutes, 0 or more").optional(),
    rpo_minutes: count("a number of minutes, 0 or more").optional(),
    min_separation_km: count("a number of kilometres, 0 or more").optional(),
    max_test_age_months: z
      .number({ error: "a whole number of months, 0 or more" })
      .int("a whole number of months, 0 or more")
      .min(0, "a whole number of months, 0 or more")
      .optional(),
    allowed_countries: z.array(ZCountryCode, { error: "a list of country codes" }).optional(),
    // (1.1) Absent: the tier's default, fixed by the contract.
    min_immutable_retention_days: count("a number of days, 0 or more").optional(),
    max_notification_hours: count("a number of hours, 0 or more").optional(),
    min_power_autonomy_hours: count("a number of hours, 0 or more").optional(),
    min_failover_staff_count: wholeCount("a whole number of people, 0 or more").optional(),
    plan_must_cover: z
      .array(
        z.enum(PLAN_SCENARIOS, {
          error: `one of ${PLAN_SCENARIOS.map((s) => `"${s}"`).join(", ")}`,
        }),
        { error: "a list of plan scenarios (options of plan_covers)" },
      )
      .optional(),
  },
  { error: "an object with at least the vendor's tier" },
);
export type TRequirements = z.infer<typeof ZRequirements>;

export type TParseRequirementsInput = { input: unknown };

export function parseRequirements({ input }: TParseRequirementsInput): TParseResult<TRequirements> {
  const result = ZRequirements.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: issuesToErrors({
      issues: result.error.issues,
      input,
      prefix: ["requirements"],
      describeUnknownKey: () => `only ${Object.keys(ZRequirements.shape).join(", ")}`,
    }),
  };
}
