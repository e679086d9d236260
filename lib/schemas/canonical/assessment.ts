import "@/lib/zod-config";
import { z } from "zod";
import { getTodayUtc } from "../../dates";
import { ZRequirements } from "../../questionnaires/answers-schema";
import { zEmail, zId, zText } from "../common";

// The canonical assessment, finding and decision shapes: plain JSON types, the one definition
// the REST API, its OpenAPI document and the forms (lib/schemas/assessment.ts) derive from.

// A questionnaire's due date: a real calendar day (zod refuses 2026-02-31 rather than rolling
// it over) and not before today (UTC), or the overdue reminder would go out at once.
export const zDueDate = z.iso
  .date({ error: "Due date must be a real calendar date (YYYY-MM-DD)", abort: true })
  .check((ctx) => {
    const today = getTodayUtc();
    if (ctx.value < today)
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        message: `Due date cannot be in the past: choose ${today} (today, UTC) or later`,
      });
  });

// A questionnaire is named "key" or "key@version", as listed in questionnaires/.
const QUESTIONNAIRE_REF = /^[a-z0-9][a-z0-9-]*(@[0-9A-Za-z.+-]+)?$/;

export const zQuestionnaireRef = z
  .string({ error: "Choose a questionnaire" })
  .min(1, "Choose a questionnaire")
  .max(80, "Choose a questionnaire from the list")
  .regex(QUESTIONNAIRE_REF, "Choose a questionnaire from the list");

/** Checked with the other fields' errors, so a form shows every missing field at once. */
export const contactGiven: [
  (v: { contactId?: string; contactEmail?: string }) => boolean,
  { path: PropertyKey[]; message: string; when: () => boolean },
] = [
  (v) => !!(v.contactId || v.contactEmail),
  {
    path: ["contactEmail"],
    message: "Contact email is required (or pick a saved contact)",
    when: () => true,
  },
];

export const ZAssessmentCreateFields = z.object({
  vendorId: zId("Vendor"),
  questionnaire: zQuestionnaireRef,
  requirements: ZRequirements,
  dueDate: zDueDate,
  /** One of the vendor's saved contacts; absent: the contact given below, saved to the vendor. */
  contactId: zId("Vendor contact").optional(),
  contactName: zText({ label: "Contact name", max: 120 }).optional(),
  contactEmail: zEmail("Contact email").optional(),
  message: zText({ label: "Message", max: 2000 }).optional(),
  previousAssessmentId: zId("Start from").optional(),
  /** Send although the vendor already has an open assessment. */
  confirmSecondOpen: z.boolean().optional(),
});

/** Create an assessment and send its link to the vendor's contact. */
export const ZAssessmentCreate = ZAssessmentCreateFields.refine(...contactGiven).meta({
  id: "AssessmentCreate",
});

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export const FINDING_STATUSES = ["open", "in_progress", "remediated", "closed"] as const;

export const ZFindingWrite = z
  .object({
    flagId: zId("From flag").optional(),
    title: zText({ label: "Title", max: 200, min: 1 }),
    description: zText({ label: "Description", max: 5000 }),
    severity: z.enum(SEVERITIES, { error: "Choose a severity" }),
    ownerId: zId("Owner").optional(),
    dueDate: z.iso.date("Due date must be a date (YYYY-MM-DD)").optional(),
  })
  .meta({ id: "FindingCreate" });

export const ZFindingStatusWrite = z
  .object({
    status: z.enum(FINDING_STATUSES),
    note: zText({ label: "Note", max: 2000 }).optional(),
  })
  .meta({ id: "FindingStatusChange" });

export const ZDecisionWrite = z
  .object({
    decision: z.enum(["accept", "reject"]),
    comment: zText({ label: "Comment", max: 2000 }).optional(),
  })
  .meta({ id: "Decision" });

export const ZCancelWrite = z
  .object({ reason: zText({ label: "Reason", max: 2000, min: 1 }) })
  .meta({ id: "Cancellation" });

const zTime = z.iso.datetime();
const zDay = z.iso.date();

export const ZInvitationRead = z
  .object({
    id: z.string(),
    kind: z.enum(["primary", "colleague"]),
    email: z.string(),
    expiresAt: zTime,
    revokedAt: zTime.nullable(),
    lastSentAt: zTime.nullable(),
  })
  .meta({ id: "Invitation" });

export const ZAssessmentRead = z
  .object({
    id: z.string(),
    vendorId: z.string(),
    status: z.enum([
      "draft",
      "sent",
      "in_progress",
      "submitted",
      "changes_requested",
      "accepted",
      "rejected",
      "cancelled",
    ]),
    questionnaire: z.object({ key: z.string(), version: z.string() }),
    requirements: ZRequirements,
    dueDate: zDay.nullable(),
    sentAt: zTime.nullable(),
    submittedAt: zTime.nullable(),
    decidedAt: zTime.nullable(),
    decisionComment: z.string().nullable(),
    score: z.number().nullable(),
    rating: z.enum(SEVERITIES).nullable(),
    cancelReason: z.string().nullable(),
    createdAt: zTime,
    updatedAt: zTime,
    invitations: z.array(ZInvitationRead),
  })
  .meta({ id: "Assessment" });

export const ZFlagRead = z
  .object({
    id: z.string(),
    code: z.string(),
    severity: z.enum(SEVERITIES),
    title: z.string(),
    detail: z.string(),
    questions: z.array(z.string()),
  })
  .meta({ id: "Flag" });

export const ZFindingRead = z
  .object({
    id: z.string(),
    vendorId: z.string(),
    assessmentId: z.string().nullable(),
    flagId: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    severity: z.enum(SEVERITIES),
    status: z.enum([...FINDING_STATUSES, "risk_accepted"]),
    ownerId: z.string().nullable(),
    dueDate: zDay.nullable(),
    createdAt: zTime,
    updatedAt: zTime,
  })
  .meta({ id: "Finding" });
export type TAssessmentRead = z.infer<typeof ZAssessmentRead>;
export type TFindingRead = z.infer<typeof ZFindingRead>;

/** A page of a list: `nextCursor` goes in `cursor` for the next page; null on the last. */
export const zPageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/** List queries: the cursor of the last page and the page size (1 to 200, default 50). */
export const ZPageQuery = z.object({
  cursor: zId("cursor").optional(),
  limit: z
    .string()
    .regex(/^([1-9][0-9]?|1[0-9]{2}|200)$/, "limit must be a whole number from 1 to 200")
    .optional(),
});
