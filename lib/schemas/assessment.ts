import "@/lib/zod-config";
import { z } from "zod";
import { ZTier, zEmail, zOptionalText, zText } from "./common";

const zMinutes = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .int(`${label} must be whole minutes`)
    .min(0, `${label} cannot be negative`)
    .max(525_600, `${label} must be at most a year`);

const optionalNumber = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const ZRequirementsForm = z.object({
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
  // The form sends text ("DE, IE"); the server may receive the parsed list again: accept both.
  allowed_countries: z.preprocess(
    (v) =>
      Array.isArray(v)
        ? v
        : String(v ?? "")
            .slice(0, 400)
            .split(/[\s,]+/),
    z
      .array(z.string().max(10))
      .max(250)
      .transform((list) => list.map((c) => c.trim().toUpperCase()).filter(Boolean))
      .refine(
        (list) => list.every((c) => /^[A-Z]{2}$/.test(c)),
        "Allowed countries: use two-letter codes such as DE, IE, GB",
      ),
  ),
});

export const ZCreateAssessment = z.object({
  vendorId: z.string().min(1, "Choose a vendor").max(64),
  questionnaire: z.string().min(1, "Choose a questionnaire").max(80),
  requirements: ZRequirementsForm,
  dueDate: z.iso.date("Due date must be a date (YYYY-MM-DD)"),
  contactName: zOptionalText({ label: "Contact name", max: 120 }),
  contactEmail: zEmail("Contact email"),
  message: zOptionalText({ label: "Message", max: 2000 }),
  previousAssessmentId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
});
export type TCreateAssessment = z.infer<typeof ZCreateAssessment>;
export type TCreateAssessmentInput = z.input<typeof ZCreateAssessment>;

export const ZRequestChanges = z.object({
  assessmentId: z.string().min(1).max(64),
  items: z
    .array(
      z.object({
        questionId: z.string().min(1).max(80),
        comment: zText({ label: "Comment", max: 2000, min: 1 }),
      }),
    )
    .min(1, "Choose at least one question to reopen")
    .max(100),
});

export const ZDecision = z.object({
  assessmentId: z.string().min(1).max(64),
  decision: z.enum(["accept", "reject"]),
  comment: zOptionalText({ label: "Comment", max: 2000 }),
});

export const ZFinding = z.object({
  assessmentId: z.string().min(1).max(64),
  flagId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  title: zText({ label: "Title", max: 200, min: 1 }),
  description: zText({ label: "Description", max: 5000 }),
  severity: z.enum(["critical", "high", "medium", "low", "info"], { error: "Choose a severity" }),
  ownerId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  dueDate: z
    .union([z.literal(""), z.iso.date("Due date must be a date (YYYY-MM-DD)")])
    .optional()
    .transform((v) => v || undefined),
});
export type TFinding = z.infer<typeof ZFinding>;

export const ZFindingStatus = z.object({
  findingId: z.string().min(1).max(64),
  status: z.enum(["open", "in_progress", "remediated", "closed"]),
  note: zOptionalText({ label: "Note", max: 2000 }),
});

export const ZAcceptRisk = z.object({
  findingId: z.string().min(1).max(64),
  justification: zText({ label: "Justification", max: 5000, min: 20 }),
  until: z.iso.date("Expiry must be a date (YYYY-MM-DD)"),
});

export const ZInvitationRef = z.object({ invitationId: z.string().min(1).max(64) });

export const ZColleague = z.object({
  name: zOptionalText({ label: "Name", max: 120 }),
  email: zEmail("Colleague's email"),
});
