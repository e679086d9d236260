import { db } from "../db";

// A "round" is one reopening of a question: from the reviewer's request to the vendor's next
// submission (or now, while it is still open). The answer's revisions say what it was at the
// request and what it became by the round's end.

export type TRound = {
  requestedAt: Date;
  /** The answer when the reviewer reopened it; undefined when no record of it exists. */
  before: { value: unknown } | undefined;
  /** The answer at the round's end (the resubmission), or now while the round is open. */
  after: unknown;
  closed: boolean;
  changed: boolean;
};

type TRequest = { createdAt: Date; resolvedAt: Date | null };
type TRevision = { createdAt: Date; value: unknown };

const valueAt = (revisions: TRevision[], at: Date) =>
  revisions.filter((r) => r.createdAt.getTime() <= at.getTime()).at(-1);

/**
 * One question's rounds, oldest first. `revisions` are the answer's writes oldest first;
 * `answer` is its row now (absent if never written). Requests made in one change request (the
 * same question named twice) count as one round.
 */
export function roundsOf({
  requests,
  revisions,
  answer,
}: {
  requests: TRequest[];
  revisions: TRevision[];
  answer: { value: unknown; createdAt: Date } | undefined;
}): TRound[] {
  const sorted = [...requests].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const rounds: TRound[] = [];
  let openUntil = -Infinity;
  for (const r of sorted) {
    if (r.createdAt.getTime() <= openUntil) continue;
    openUntil = r.resolvedAt?.getTime() ?? Infinity;
    const prior = valueAt(revisions, r.createdAt);
    // No write before the request: the answer was empty then, unless a row older than the
    // request holds a value written without a revision (imported data), which is unknown.
    const before = prior
      ? { value: prior.value }
      : !answer || answer.createdAt.getTime() >= r.createdAt.getTime() - 1000
        ? { value: null }
        : undefined;
    const after = r.resolvedAt
      ? (valueAt(revisions, r.resolvedAt)?.value ?? before?.value ?? null)
      : (answer?.value ?? null);
    rounds.push({
      requestedAt: r.createdAt,
      before,
      after,
      closed: r.resolvedAt !== null,
      changed: before !== undefined && JSON.stringify(before.value) !== JSON.stringify(after),
    });
  }
  return rounds;
}

/** Question id → its reopened rounds, for an assessment of `orgId`. */
export async function listAnswerRounds({
  orgId,
  assessmentId,
}: {
  orgId: string;
  assessmentId: string;
}): Promise<Record<string, TRound[]>> {
  const [requests, answers] = await Promise.all([
    db.reviewComment.findMany({
      where: { assessmentId, assessment: { orgId }, questionId: { not: null } },
      select: { questionId: true, createdAt: true, resolvedAt: true },
    }),
    db.answer.findMany({
      where: { assessmentId, assessment: { orgId } },
      select: {
        questionId: true,
        value: true,
        createdAt: true,
        revisions: { orderBy: { version: "asc" }, select: { createdAt: true, value: true } },
      },
    }),
  ]);
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  const out: Record<string, TRound[]> = {};
  for (const questionId of new Set(requests.map((r) => r.questionId!))) {
    const answer = byQuestion.get(questionId);
    out[questionId] = roundsOf({
      requests: requests.filter((r) => r.questionId === questionId),
      revisions: answer?.revisions ?? [],
      answer,
    });
  }
  return out;
}
