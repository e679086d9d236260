import { recordAudit } from "../audit";
import { db, type Prisma } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { findQuestion } from "../questionnaires/registry";
import { THREAD_OPEN_STATUSES } from "../schemas/thread";
import { readStoredQuestionnaire } from "./questionnaire-versions";

// A question's thread: the reviewer's request (a ReviewComment, written by requestChanges)
// opens it, then the reviewer and the vendor's contacts add ThreadComments. Both sides may
// write while the assessment is reopened (changes requested) or under review (submitted).

export type TThreadMessage = {
  id: string;
  side: "staff" | "vendor";
  /** A staff member's name, or the vendor contact's email. */
  author: string;
  body: string;
  /** ISO date-time. */
  createdAt: string;
  /** The reviewer's change request that reopened the question. */
  request: boolean;
};

/** Question id → its messages, oldest first. Only questions with a thread are keys. */
export type TThreads = Record<string, TThreadMessage[]>;

/** Every thread of an assessment of `orgId` (the portal passes its link's organisation). */
export async function listThreads({
  orgId,
  assessmentId,
}: {
  orgId: string;
  assessmentId: string;
}): Promise<TThreads> {
  const [requests, comments] = await Promise.all([
    db.reviewComment.findMany({
      where: { assessmentId, assessment: { orgId }, questionId: { not: null } },
      select: {
        id: true,
        questionId: true,
        body: true,
        createdAt: true,
        author: { select: { name: true } },
      },
    }),
    db.threadComment.findMany({
      where: { assessmentId, orgId },
      select: {
        id: true,
        questionId: true,
        body: true,
        createdAt: true,
        authorKind: true,
        authorUser: { select: { name: true } },
        authorInvitation: { select: { email: true } },
      },
    }),
  ]);
  const messages = [
    ...requests.map((r) => ({
      id: r.id,
      questionId: r.questionId!,
      side: "staff" as const,
      author: r.author?.name ?? "Reviewer",
      body: r.body,
      createdAt: r.createdAt,
      request: true,
    })),
    ...comments.map((c) => ({
      id: c.id,
      questionId: c.questionId,
      side: c.authorKind === "vendor" ? ("vendor" as const) : ("staff" as const),
      author:
        c.authorKind === "vendor"
          ? (c.authorInvitation?.email ?? "Vendor contact")
          : (c.authorUser?.name ?? "Reviewer"),
      body: c.body,
      createdAt: c.createdAt,
      request: false,
    })),
  ];
  messages.sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
  const threads: TThreads = {};
  for (const { questionId, createdAt, ...m } of messages) {
    threads[questionId] = [
      ...(threads[questionId] ?? []),
      { ...m, createdAt: createdAt.toISOString() },
    ];
  }
  return threads;
}

/**
 * The reviewer a thread belongs to: whoever reopened the question last, else the first staff
 * member who wrote on it. Their mail and inbox get the vendor's replies.
 */
export async function findThreadReviewer(
  tx: Prisma.TransactionClient,
  { assessmentId, questionId }: { assessmentId: string; questionId: string },
): Promise<string | null> {
  const request = await tx.reviewComment.findFirst({
    where: { assessmentId, questionId, authorId: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { authorId: true },
  });
  if (request?.authorId) return request.authorId;
  const first = await tx.threadComment.findFirst({
    where: { assessmentId, questionId, authorKind: "user", authorUserId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { authorUserId: true },
  });
  return first?.authorUserId ?? null;
}

/** The question's label in the assessment's own questionnaire version, or undefined. */
export function questionLabel({
  questionnaireVersion,
  questionId,
}: {
  questionnaireVersion: { id: string; definition: unknown };
  questionId: string;
}) {
  const questionnaire = readStoredQuestionnaire(questionnaireVersion);
  return findQuestion({ questionnaire, id: questionId })?.label;
}

/** A reviewer writes on a question's thread (starting it, if the question has none yet). */
export async function postStaffThreadComment({
  orgId,
  actorId,
  assessmentId,
  questionId,
  body,
}: {
  orgId: string;
  actorId: string;
  assessmentId: string;
  questionId: string;
  body: string;
}) {
  const a = await db.assessment.findFirst({
    where: { id: assessmentId, orgId },
    select: {
      id: true,
      status: true,
      questionnaireVersion: { select: { id: true, definition: true } },
    },
  });
  if (!a) throw new NotFoundError("Assessment not found");
  if (!questionLabel({ questionnaireVersion: a.questionnaireVersion, questionId }))
    throw new NotFoundError("Question not found");
  return db.$transaction(async (tx) => {
    // Checked in the transaction: a decision made meanwhile closes the thread.
    const open = await tx.assessment.count({
      where: { id: a.id, status: { in: [...THREAD_OPEN_STATUSES] } },
    });
    if (!open)
      throw new ConflictError(
        "Comments can be added only while the assessment is under review or reopened",
      );
    const c = await tx.threadComment.create({
      data: {
        orgId,
        assessmentId: a.id,
        questionId,
        authorKind: "user",
        authorUserId: actorId,
        body,
      },
      select: { id: true, createdAt: true },
    });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: "thread.commented",
      targetType: "assessment",
      targetId: a.id,
      data: { questionId, commentId: c.id },
    });
    return c;
  });
}
