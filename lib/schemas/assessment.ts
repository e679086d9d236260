import "@/lib/zod-config";
import { z } from "zod";
import { PLAN_SCENARIOS, type TPlanScenario } from "../rules/types";
import {
  contactGiven,
  ZAssessmentCreateFields,
  ZCancelWrite,
  ZDecisionWrite,
  ZFindingStatusWrite,
  ZFindingWrite,
  zDueDate,
  zQuestionnaireRef,
} from "./canonical/assessment";
import { ZTier, zEmail, zId, zOptionalText, zText } from "./common";
import { formOf } from "./form";

const zMinutes = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .int(`${label} must be whole minutes`)
    .min(0, `${label} cannot be negative`)
    .max(525_600, `${label} must be at most a year`);

const optionalNumber = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** An optional amount typed in a form ("" is absent), named in its messages. Also the policy editor's. */
export const zOptionalAmount = (label: string, unit: string, max: number, whole = false) => {
  let n = z.coerce
    .number({ error: `${label} must be a number` })
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} must be at most ${max.toLocaleString("en")} ${unit}`);
  if (whole) n = n.int(`${label} must be a whole number`);
  return optionalNumber(n);
};

// The form sends text ("DE, IE"); the server may receive the parsed list again: accept both.
// Nothing is cut off: a list too long for the field is refused, not shortened. Also the policy
// editor's (lib/schemas/policy.ts).
export const zCountryList = z.preprocess(
  (v) => (Array.isArray(v) ? v : String(v ?? "").split(/[\s,]+/)),
  z
    .array(z.string().max(10, "Allowed countries: use two-letter codes such as DE, IE, GB"))
    .max(250, "Allowed countries: at most 250 codes")
    .transform((list) => list.map((c) => c.trim().toUpperCase()).filter(Boolean))
    .refine(
      (list) => list.every((c) => /^[A-Z]{2}$/.test(c)),
      "Allowed countries: use two-letter codes such as DE, IE, GB",
    ),
);

/** The plan-scope pair of a form (send form, policy editor): a switch and the ticked list. */
export const zPlanScopeFields = {
  /** "default": the tier's scenarios (the ticks are ignored); otherwise the ticked list. */
  plan_scope: z.enum(["default", "custom"]).optional(),
  // A checkbox group sends false when nothing is ticked: an explicit "no scenario".
  plan_must_cover: z.preprocess(
    (v) => (v === false || v === null ? [] : typeof v === "string" ? [v] : v),
    z.array(z.enum(PLAN_SCENARIOS, { error: "Choose scenarios from the list" })).optional(),
  ),
};

export const ZRequirementsForm = z
  .object({
    tier: ZTier,
    rto_minutes: optionalNumber(zMinutes("RTO")),
    rpo_minutes: optionalNumber(zMinutes("RPO")),
    min_separation_km: optionalNumber(
      z.coerce
        .number({ error: "Minimum separation must be a number" })
        .min(0, "Minimum separation cannot be negative")
        .max(20_000, "Minimum separation must be at most 20,000 km"),
    ),
    max_test_age_months: optionalNumber(
      z.coerce
        .number({ error: "Maximum test age must be a number" })
        .int("Maximum test age must be whole months")
        .min(1, "Maximum test age must be at least 1 month")
        .max(120, "Maximum test age must be at most 120 months"),
    ),
    allowed_countries: zCountryList,
    // bcdr-core 1.1 fields; empty means the tier's default (fixed by the contract).
    min_immutable_retention_days: zOptionalAmount("Minimum protected-copy retention", "days", 3650),
    max_notification_hours: zOptionalAmount("Maximum notification delay", "hours", 720),
    min_power_autonomy_hours: zOptionalAmount("Minimum power autonomy", "hours", 2160),
    min_failover_staff_count: zOptionalAmount("Minimum failover staff", "people", 1000, true),
    ...zPlanScopeFields,
  })
  // plan_scope is the form's own switch: it never reaches the stored requirements, so the
  // output parses to itself again (a list given without the switch is kept).
  .transform(applyPlanScope);

/** What applyPlanScope gives: the form's switch gone, the list kept only when custom. */
type TPlanScoped<T> = Omit<T, "plan_scope" | "plan_must_cover"> & {
  plan_must_cover?: TPlanScenario[];
};

/** The scope switch never reaches what is stored; the ticked list does when "custom". */
export function applyPlanScope<
  T extends { plan_scope?: "default" | "custom"; plan_must_cover?: TPlanScenario[] },
>({ plan_scope, plan_must_cover, ...rest }: T): TPlanScoped<T> {
  return plan_scope === "default" || plan_must_cover === undefined
    ? rest
    : { ...rest, plan_must_cover: [...new Set(plan_must_cover)] };
}

export { zDueDate };

// A question id of the questionnaire file format (snake_case).
export const zQuestionId = z
  .string({ error: "Choose a question" })
  .max(80, "Not a question of this questionnaire")
  .regex(/^[a-z][a-z0-9_]*$/, "Not a question of this questionnaire");

const zMessage = zOptionalText({ label: "Message", max: 2000 });

/** The send form: the canonical request, the requirements typed as text ("DE, IE", "240"). */
export const ZCreateAssessment = formOf(ZAssessmentCreateFields)
  .extend({ requirements: ZRequirementsForm })
  .refine(...contactGiven);
export type TCreateAssessment = z.infer<typeof ZCreateAssessment>;
export type TCreateAssessmentInput = z.input<typeof ZCreateAssessment>;

/** Most vendors one bulk send takes: one page of the vendor list. */
export const BULK_SEND_MAX = 200;

/** One due date and message for several vendors; each gets its tier's requirements. */
export const ZBulkSend = z.object({
  vendorIds: z
    .array(zId("Vendor"), { error: "Choose at least one vendor" })
    .min(1, "Choose at least one vendor")
    .max(BULK_SEND_MAX, `Choose at most ${BULK_SEND_MAX} vendors at once`),
  questionnaire: zQuestionnaireRef,
  dueDate: zDueDate,
  message: zMessage,
});
export type TBulkSend = z.infer<typeof ZBulkSend>;
export type TBulkSendInput = z.input<typeof ZBulkSend>;

export const ZRequestChanges = z.object({
  assessmentId: zId("Assessment"),
  items: z
    .array(
      z.object({
        questionId: zQuestionId,
        comment: zText({ label: "Comment", max: 2000, min: 1 }),
      }),
    )
    .min(1, "Choose at least one question to reopen")
    .max(100, "Reopen at most 100 questions at once"),
});

export const ZDecision = formOf(ZDecisionWrite.extend({ assessmentId: zId("Assessment") }));

export const ZFinding = formOf(ZFindingWrite.extend({ assessmentId: zId("Assessment") }));
export type TFinding = z.infer<typeof ZFinding>;

export const ZFindingStatus = formOf(ZFindingStatusWrite.extend({ findingId: zId("Finding") }));

export const ZAcceptRisk = z.object({
  findingId: zId("Finding"),
  justification: zText({ label: "Justification", max: 5000, min: 20 }),
  until: z.iso.date("Expiry must be a date (YYYY-MM-DD)"),
});

export const ZInvitationRef = z.object({ invitationId: zId("Invitation") });

export const ZEditDueDate = z.object({ assessmentId: zId("Assessment"), dueDate: zDueDate });
export type TEditDueDate = z.infer<typeof ZEditDueDate>;

export const ZCancelAssessment = formOf(ZCancelWrite.extend({ assessmentId: zId("Assessment") }));
export type TCancelAssessment = z.infer<typeof ZCancelAssessment>;

export const ZColleague = z.object({
  name: zOptionalText({ label: "Colleague's name", max: 120 }),
  email: zEmail("Colleague's email"),
});
