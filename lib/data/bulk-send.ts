import { db } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { type TBulkSend, ZRequirementsForm } from "../schemas/assessment";
import {
  createAndSendAssessment,
  OPEN_ASSESSMENT_STATUSES,
  REASSESSABLE_STATUSES,
} from "./assessments";
import { contactOrder } from "./vendors";

export type TBulkSkipReason = "open_assessment" | "no_contact" | "archived";

export type TBulkSendResult = {
  sent: { vendorId: string; vendorName: string; assessmentId: string; email: string }[];
  skipped: { vendorId: string; vendorName: string; reason: TBulkSkipReason; status?: string }[];
};

export type TBulkSendInput = { orgId: string; actorId: string; input: TBulkSend };

/**
 * One assessment per vendor, each sent like a single send (createAndSendAssessment: its tier's
 * requirements with the policy, audited, mailed, starting from its last submitted answers) to
 * the vendor's primary contact. A vendor with
 * an open assessment or without a contact is skipped and reported, never sent to. Any vendor
 * that is not the caller's organisation's refuses the whole request before anything is sent.
 */
export async function bulkSendAssessments({
  orgId,
  actorId,
  input,
}: TBulkSendInput): Promise<TBulkSendResult> {
  const ids = [...new Set(input.vendorIds)];
  const vendors = await db.vendor.findMany({
    where: { id: { in: ids }, orgId },
    select: {
      id: true,
      name: true,
      tier: true,
      status: true,
      contacts: { orderBy: [...contactOrder], take: 1, select: { id: true, email: true } },
      assessments: {
        where: { status: { in: [...OPEN_ASSESSMENT_STATUSES] } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { status: true },
      },
    },
  });
  if (vendors.length !== ids.length) throw new NotFoundError("Vendor not found");
  // A reassessment starts from the vendor's last submitted (or decided) answers, as a single
  // send does by default; the vendor confirms or changes each.
  const done = await db.assessment.findMany({
    where: { orgId, vendorId: { in: ids }, status: { in: [...REASSESSABLE_STATUSES] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, vendorId: true },
  });
  const lastDone = new Map<string, string>();
  for (const a of done) if (!lastDone.has(a.vendorId)) lastDone.set(a.vendorId, a.id);
  const byId = new Map(vendors.map((v) => [v.id, v]));
  const result: TBulkSendResult = { sent: [], skipped: [] };
  for (const id of ids) {
    const v = byId.get(id)!;
    const skip = (reason: TBulkSkipReason, status?: string) =>
      result.skipped.push({ vendorId: v.id, vendorName: v.name, reason, status });
    const open = v.assessments[0];
    const contact = v.contacts[0];
    if (v.status !== "active") skip("archived");
    else if (open) skip("open_assessment", open.status);
    else if (!contact) skip("no_contact");
    else {
      try {
        const a = await createAndSendAssessment({
          orgId,
          actorId,
          input: {
            vendorId: v.id,
            questionnaire: input.questionnaire,
            // What the send form sends with every requirement left empty: the tier's defaults.
            requirements: ZRequirementsForm.parse({ tier: v.tier }),
            dueDate: input.dueDate,
            contactId: contact.id,
            contactName: undefined,
            contactEmail: undefined,
            message: input.message,
            previousAssessmentId: lastDone.get(v.id),
          },
        });
        result.sent.push({
          vendorId: v.id,
          vendorName: v.name,
          assessmentId: a.id,
          email: contact.email,
        });
      } catch (e) {
        // Another send reached this vendor between the read above and its row lock.
        if (!(e instanceof ConflictError)) throw e;
        skip("open_assessment");
      }
    }
  }
  return result;
}
