import { recordAudit, type TActor } from "../audit";
import { db } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { invitationExpiry } from "./invitations";

// Procurement's changes to a sent assessment: a new due date, or cancelling it.

/** Awaiting the vendor's answers: the due date still means something, and reminders go out. */
export const AWAITING_VENDOR = ["sent", "in_progress", "changes_requested"] as const;
/** Not decided yet: cancelling is still possible (a decided one keeps its decision). */
export const CANCELLABLE = [...AWAITING_VENDOR, "draft", "submitted"] as const;

const STATE_WORDS: Record<string, string> = {
  draft: "a draft",
  submitted: "submitted",
  accepted: "accepted",
  rejected: "rejected",
  cancelled: "cancelled",
};
const CHANGED_MEANWHILE = "The assessment changed meanwhile; reload and try again";
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

async function findScoped({ orgId, assessmentId }: { orgId: string; assessmentId: string }) {
  const a = await db.assessment.findFirst({
    where: { id: assessmentId, orgId },
    select: { id: true, status: true, dueDate: true },
  });
  if (!a) throw new NotFoundError("Assessment not found");
  return a;
}

export type TEditDueDateInput = {
  orgId: string;
  actor: TActor;
  assessmentId: string;
  /** YYYY-MM-DD, not before today (ZEditDueDate checks it). */
  dueDate: string;
};

/**
 * Moves the due date of an assessment the vendor is still answering. Reminders are keyed by the
 * due date (lib/jobs/reminders.ts), so the new date's due-soon and overdue reminders go out
 * once each; the vendor's links last until 30 days after the new date, as when first sent.
 */
export async function editDueDate({ orgId, actor, assessmentId, dueDate }: TEditDueDateInput) {
  const a = await findScoped({ orgId, assessmentId });
  if (!(AWAITING_VENDOR as readonly string[]).includes(a.status))
    throw new ConflictError(
      `The due date can change only while the vendor is answering; this assessment is ${STATE_WORDS[a.status] ?? a.status}`,
    );
  const next = new Date(`${dueDate}T00:00:00Z`);
  if (a.dueDate?.getTime() === next.getTime()) return { dueDate, changed: false };
  const expiresAt = invitationExpiry({ dueDate: next });
  await db.$transaction(async (tx) => {
    const moved = await tx.assessment.updateMany({
      where: { id: a.id, status: { in: [...AWAITING_VENDOR] }, dueDate: a.dueDate },
      data: { dueDate: next },
    });
    if (moved.count !== 1) throw new ConflictError(CHANGED_MEANWHILE);
    // Links are only ever lengthened here: a revoked one stays revoked.
    const links = await tx.invitation.updateMany({
      where: { assessmentId: a.id, revokedAt: null, expiresAt: { lt: expiresAt } },
      data: { expiresAt },
    });
    await recordAudit({
      tx,
      orgId,
      actor,
      action: "assessment.due_date_changed",
      targetType: "assessment",
      targetId: a.id,
      data: { from: day(a.dueDate), to: dueDate, linksExtended: links.count },
    });
  });
  return { dueDate, changed: true };
}

export type TCancelAssessmentInput = {
  orgId: string;
  actor: TActor;
  assessmentId: string;
  reason: string;
};

/**
 * Cancels an undecided assessment, with the reason. Its vendor links then answer 410 naming
 * whom to ask (lib/portal/access.ts), its reminders stop, and it leaves the due and overdue
 * lists and counts (they read open statuses only).
 */
export async function cancelAssessment({
  orgId,
  actor,
  assessmentId,
  reason,
}: TCancelAssessmentInput) {
  const a = await findScoped({ orgId, assessmentId });
  if (!(CANCELLABLE as readonly string[]).includes(a.status))
    throw new ConflictError(
      `Only an assessment without a decision can be cancelled; this one is ${STATE_WORDS[a.status] ?? a.status}`,
    );
  await db.$transaction(async (tx) => {
    const moved = await tx.assessment.updateMany({
      where: { id: a.id, status: a.status },
      data: { status: "cancelled", cancelledAt: new Date(), cancelReason: reason },
    });
    if (moved.count !== 1) throw new ConflictError(CHANGED_MEANWHILE);
    await recordAudit({
      tx,
      orgId,
      actor,
      action: "assessment.cancelled",
      targetType: "assessment",
      targetId: a.id,
      data: { from: a.status, to: "cancelled", reason },
    });
  });
  return { cancelled: true as const };
}
