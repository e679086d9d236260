import { recordAudit } from "../audit";
import { findThreadReviewer, questionLabel } from "../data/threads";
import { db } from "../db";
import { recordEvent } from "../events/record";
import { THREAD_OPEN_STATUSES, type TThreadReply } from "../schemas/thread";

export type TVendorReplyResult =
  | { status: "posted"; message: { id: string; author: string; body: string; createdAt: string } }
  | { status: "refused"; code: 404 | 409; error: string; field?: "questionId" };

/**
 * A vendor contact replies on a question's thread, through their link (which names the
 * assessment and organisation: nothing in the request can point elsewhere). The reply, its
 * audit entry and the "vendor replied" event for the thread's reviewer are one transaction.
 */
export async function postVendorReply({
  link,
  questionId,
  body,
}: TThreadReply & {
  link: { invitationId: string; assessmentId: string; orgId: string };
}): Promise<TVendorReplyResult> {
  const a = await db.assessment.findFirst({
    where: { id: link.assessmentId, orgId: link.orgId },
    select: {
      id: true,
      vendorId: true,
      vendor: { select: { name: true } },
      questionnaireVersion: { select: { id: true, definition: true } },
    },
  });
  const label = a && questionLabel({ questionnaireVersion: a.questionnaireVersion, questionId });
  if (!a || !label)
    return {
      status: "refused",
      code: 404,
      error: "Not a question of this questionnaire.",
      field: "questionId",
    };
  const invitation = await db.invitation.findUniqueOrThrow({
    where: { id: link.invitationId },
    select: { email: true },
  });
  return db.$transaction(async (tx): Promise<TVendorReplyResult> => {
    const open = await tx.assessment.count({
      where: { id: a.id, status: { in: [...THREAD_OPEN_STATUSES] } },
    });
    if (!open)
      return {
        status: "refused",
        code: 409,
        error: "Replies can be added only while the reviewer is looking at your answers.",
      };
    const started =
      (await tx.reviewComment.count({ where: { assessmentId: a.id, questionId } })) +
      (await tx.threadComment.count({ where: { assessmentId: a.id, questionId } }));
    if (!started)
      return {
        status: "refused",
        code: 409,
        error: "The reviewer has not opened a thread on this question.",
        field: "questionId",
      };
    const c = await tx.threadComment.create({
      data: {
        orgId: link.orgId,
        assessmentId: a.id,
        questionId,
        authorKind: "vendor",
        authorInvitationId: link.invitationId,
        body,
      },
      select: { id: true, createdAt: true },
    });
    const actor = { kind: "vendor" as const, invitationId: link.invitationId };
    await recordAudit({
      tx,
      orgId: link.orgId,
      actor: { ...actor, label: invitation.email },
      action: "thread.vendor_replied",
      targetType: "assessment",
      targetId: a.id,
      data: { questionId, commentId: c.id },
    });
    // The event carries names and ids only; the reply itself stays in the app.
    await recordEvent({
      tx,
      orgId: link.orgId,
      type: "thread.vendor_replied",
      actor,
      assessmentId: a.id,
      vendorId: a.vendorId,
      reviewerId: await findThreadReviewer(tx, { assessmentId: a.id, questionId }),
      payload: {
        vendorName: a.vendor.name,
        questionId,
        questionLabel: label,
        authorLabel: invitation.email,
      },
    });
    return {
      status: "posted",
      message: { id: c.id, author: invitation.email, body, createdAt: c.createdAt.toISOString() },
    };
  });
}
