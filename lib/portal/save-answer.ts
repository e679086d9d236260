import crypto from "node:crypto";
import { loadStoredQuestionnaire } from "../data/questionnaire-versions";
import { db, isUniqueViolation } from "../db";
import {
  describeFound,
  findQuestion,
  getQuestionValueSchema,
  issuesToErrors,
  type TParseError,
} from "../questionnaires";
import { ID_PATTERN } from "../questionnaires/questionnaire-schema";
import { type TSiteDraft, ZSiteDrafts } from "../questionnaires/site-drafts";
import { type TSaveAnswer, ZSaveAnswer } from "../schemas/answer-save";
import { EDITABLE } from "./access";

/** A save request as it arrived (checked here, by ZSaveAnswer), for a link's assessment. */
export type TSaveAnswerInput = Partial<Record<keyof TSaveAnswer, unknown>> & {
  invitationId: string;
  assessmentId: string;
  /** The assessment as the link's lookup read it, when the caller has it (saves a query). */
  assessment?: { orgId: string; status: string; questionnaireVersionId: string };
};

/** `drafts`: for a sites question, the sites still being entered, stored beside the answer. */
export type TSaveAnswerResult =
  | { status: "saved"; version: number; value: unknown; drafts?: unknown; duplicate?: boolean }
  | { status: "conflict"; version: number; value: unknown; drafts?: unknown; updatedAt: Date }
  | { status: "invalid"; errors: TParseError[] }
  | { status: "locked"; message: string };

/**
 * The earlier save sent with this key, for this question of this assessment only: a key used
 * for another question or another organisation's assessment is another save.
 */
function findResend({
  assessmentId,
  questionId,
  key,
}: {
  assessmentId: string;
  questionId: string;
  key: string;
}) {
  return db.answerRevision.findFirst({
    where: { idempotencyKey: key, answer: { assessmentId, questionId } },
    select: { version: true, value: true, drafts: true },
  });
}

/**
 * After a change request only reopened answers may change — and questions that had no answer
 * at review time (a reopened answer can make new ones appear), which are open too.
 */
async function isOpenAfterReview({
  assessmentId,
  questionId,
}: {
  assessmentId: string;
  questionId: string;
}): Promise<boolean> {
  const [row, reviewed] = await Promise.all([
    db.answer.findUnique({
      where: { assessmentId_questionId: { assessmentId, questionId } },
      select: { reopened: true, value: true, createdAt: true, awaitingConfirmation: true },
    }),
    db.reviewComment.aggregate({
      where: { assessmentId, resolvedAt: null },
      _max: { createdAt: true },
    }),
  ]);
  // An answer carried over and never confirmed was no answer at review time: still to give.
  if (!row || row.reopened || row.value === null || row.awaitingConfirmation) return true;
  return row.createdAt.getTime() > (reviewed._max.createdAt?.getTime() ?? 0);
}

const unknownQuestion = (questionId: string): TSaveAnswerResult => ({
  status: "invalid",
  errors: [
    {
      path: `answers.${questionId}`,
      expected: "a question of this questionnaire",
      found: describeFound({ value: questionId }),
    },
  ],
});

/** Validates one autosave, then applies it once: versioned, audited, conflicts reported. */
export async function saveAnswer(input: TSaveAnswerInput, retries = 2): Promise<TSaveAnswerResult> {
  const request = ZSaveAnswer.safeParse(input);
  if (!request.success)
    return {
      status: "invalid",
      errors: issuesToErrors({ issues: request.error.issues, input }),
    };
  const { questionId, value, baseVersion, idempotencyKey: key } = request.data;
  const { assessmentId, invitationId } = input;
  // Question ids are snake_case: any other string names no question, and is never sent to the
  // database (a NUL byte would make PostgreSQL fail the query).
  if (!ID_PATTERN.test(questionId)) return unknownQuestion(questionId);

  // Only what this save needs: the status and the questionnaire (cached per version). The
  // link's own lookup has read them already (lib/portal/access.ts) when the route passes them.
  const assessment =
    input.assessment ??
    (await db.assessment.findUniqueOrThrow({
      where: { id: assessmentId },
      select: { orgId: true, status: true, questionnaireVersionId: true },
    }));
  const questionnaire = await loadStoredQuestionnaire({ id: assessment.questionnaireVersionId });
  const question = findQuestion({ questionnaire, id: questionId });
  if (!question) return unknownQuestion(questionId);
  const keepsDrafts = question.type === "sites";
  let drafts: TSiteDraft[] = [];
  if (request.data.drafts !== undefined) {
    const parsed = keepsDrafts
      ? ZSiteDrafts.safeParse(request.data.drafts)
      : ZSiteDrafts.max(0, "no drafts: only the sites question keeps drafts").safeParse(
          request.data.drafts,
        );
    if (!parsed.success)
      return {
        status: "invalid",
        errors: issuesToErrors({
          issues: parsed.error.issues,
          prefix: ["answers", questionId, "drafts"],
          input: request.data.drafts,
        }),
      };
    drafts = parsed.data;
  }
  // The question's value schema refuses NUL, broken characters and over-long strings
  // (lib/schemas/common.ts, findTextProblem), as every staff form field does.
  if (value !== null) {
    const parsed = getQuestionValueSchema({ question }).safeParse(value);
    if (!parsed.success)
      return {
        status: "invalid",
        errors: issuesToErrors({
          issues: parsed.error.issues,
          prefix: ["answers", questionId],
          input: value,
        }),
      };
  }
  const locked = !EDITABLE.has(assessment.status)
    ? "This questionnaire was submitted; answers are read-only."
    : assessment.status === "changes_requested" &&
        !(await isOpenAfterReview({ assessmentId, questionId }))
      ? "Only the questions the reviewer reopened can be changed."
      : null;
  if (locked) {
    // A resend of a save that was applied before the questionnaire closed is that save.
    const prior = await findResend({ assessmentId, questionId, key });
    if (prior) return { status: "saved", ...prior, duplicate: true };
    return { status: "locked", message: locked };
  }
  // Saving a sites answer saves its whole state: the drafts sent with it replace the old ones.
  const row = {
    assessmentId,
    questionId,
    invitationId,
    orgId: assessment.orgId,
    baseVersion,
    key,
    value,
    keepsDrafts,
    drafts: keepsDrafts && drafts.length ? drafts : null,
  };
  try {
    const saved = await writeAnswer(row);
    if (saved)
      return {
        status: "saved",
        version: saved.version,
        value: saved.value,
        ...(keepsDrafts ? { drafts: saved.drafts } : {}),
      };
  } catch (e) {
    // This key was used for an earlier save of this answer (that save is the answer), or two
    // saves raced to create the answer (the loser tries again and sees a conflict or its twin).
    if (!isUniqueViolation(e)) throw e;
    const twin = await findResend({ assessmentId, questionId, key });
    if (twin) return { status: "saved", ...twin, duplicate: true };
    if (retries <= 0) throw e;
    return saveAnswer(input, retries - 1);
  }
  // Not applied: the answer is not at the version this save started from. A resend that raced
  // its own first attempt (or came after it) is that save, not a conflict with it.
  const twin = await findResend({ assessmentId, questionId, key });
  if (twin) return { status: "saved", ...twin, duplicate: true };
  const current = await db.answer.findUnique({
    where: { assessmentId_questionId: { assessmentId, questionId } },
    select: { version: true, value: true, drafts: true, updatedAt: true },
  });
  // The answer moved between the write and this read back to the version the save expected
  // cannot happen (versions only grow), so a missing row here is a raced creation: try again.
  if (!current && baseVersion === 0 && retries > 0) return saveAnswer(input, retries - 1);
  return {
    status: "conflict",
    version: current?.version ?? 0,
    value: current?.value ?? null,
    drafts: current?.drafts ?? null,
    updatedAt: current?.updatedAt ?? new Date(),
  };
}

type TAnswerWrite = {
  assessmentId: string;
  questionId: string;
  invitationId: string;
  orgId: string;
  baseVersion: number;
  key: string;
  value: unknown;
  keepsDrafts: boolean;
  drafts: TSiteDraft[] | null;
};

/** A record id in the shape of the ORM's cuids: "c" and 24 lowercase letters or digits. */
const newId = () => `c${crypto.randomBytes(12).toString("hex")}`;

/**
 * Applies one save in a single statement (one round trip, atomic by itself): the answer moves
 * from `baseVersion` to the next version (or is created at version 1 from base 0), its revision
 * and the "answer.changed" audit event are written, and a sent assessment becomes in progress.
 * Null when the answer was not at `baseVersion` (nothing written). This is the portal's hottest
 * path — every autosave of every vendor — so it is SQL, not four ORM calls in a transaction
 * (bench:autosave: the ORM's per-query compilation and round trips were most of its time).
 * The row it locks (FOR UPDATE) is the answer's, so concurrent saves of one question queue
 * there, and the loser sees the new version and writes nothing.
 */
async function writeAnswer(w: TAnswerWrite) {
  const value = JSON.stringify(w.value ?? null);
  const drafts = w.drafts ? JSON.stringify(w.drafts) : null;
  const rows = await db.$queryRaw<{ version: number; value: unknown; drafts: unknown }[]>`
    WITH old AS (
      SELECT "id", "value", "version", "awaitingConfirmation", "carriedFrom"
      FROM "Answer" WHERE "assessmentId" = ${w.assessmentId} AND "questionId" = ${w.questionId}
      FOR UPDATE
    ), created AS (
      INSERT INTO "Answer" ("id", "assessmentId", "questionId", "value", "drafts", "version",
        "updatedByKind", "updatedByInvitationId", "createdAt", "updatedAt")
      SELECT ${newId()}, ${w.assessmentId}, ${w.questionId}, ${value}::jsonb, ${drafts}::jsonb, 1,
        'vendor', ${w.invitationId}, (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
      WHERE ${w.baseVersion}::int = 0 AND NOT EXISTS (SELECT 1 FROM old)
      ON CONFLICT ("assessmentId", "questionId") DO NOTHING
      RETURNING "id", "version", "value", "drafts"
    ), updated AS (
      -- Any save confirms an answer carried over, whether its value changed or not.
      UPDATE "Answer" a SET "value" = ${value}::jsonb,
        "drafts" = CASE WHEN ${w.keepsDrafts} THEN ${drafts}::jsonb ELSE a."drafts" END,
        "version" = a."version" + 1, "awaitingConfirmation" = false,
        "updatedByKind" = 'vendor', "updatedByInvitationId" = ${w.invitationId},
        "updatedAt" = (now() AT TIME ZONE 'UTC')
      FROM old WHERE a."id" = old."id" AND old."version" = ${w.baseVersion}::int
      RETURNING a."id", a."version", a."value", a."drafts"
    ), saved AS (
      SELECT * FROM created UNION ALL SELECT * FROM updated
    ), revision AS (
      INSERT INTO "AnswerRevision" ("id", "answerId", "version", "value", "drafts",
        "idempotencyKey", "changedByKind", "changedByInvitationId", "createdAt")
      SELECT ${newId()}, s."id", s."version", ${value}::jsonb,
        CASE WHEN ${w.keepsDrafts} THEN ${drafts}::jsonb END, ${w.key}, 'vendor',
        ${w.invitationId}, (now() AT TIME ZONE 'UTC')
      FROM saved s
    ), audit AS (
      INSERT INTO "AuditEvent" ("orgId", "actorKind", "actorInvitationId", "action", "targetType",
        "targetId", "data", "createdAt")
      SELECT ${w.orgId}, 'vendor', ${w.invitationId}, 'answer.changed', 'assessment',
        ${w.assessmentId},
        jsonb_build_object('question', ${w.questionId}::text,
          'from', coalesce(old."value", 'null'::jsonb), 'to', ${value}::jsonb,
          'version', s."version")
        || CASE WHEN ${w.drafts?.length ?? 0}::int > 0
             THEN jsonb_build_object('drafts', ${w.drafts?.length ?? 0}::int) ELSE '{}'::jsonb END
        || CASE WHEN old."awaitingConfirmation"
             THEN jsonb_build_object('confirmed', coalesce(to_jsonb(old."carriedFrom"::text), 'true'::jsonb))
             ELSE '{}'::jsonb END,
        (now() AT TIME ZONE 'UTC')
      FROM saved s LEFT JOIN old ON true
    ), started AS (
      UPDATE "Assessment" SET "status" = 'in_progress', "updatedAt" = (now() AT TIME ZONE 'UTC')
      WHERE "id" = ${w.assessmentId} AND "status" = 'sent' AND EXISTS (SELECT 1 FROM saved)
    )
    SELECT "version", "value", "drafts" FROM saved`;
  return rows[0] ?? null;
}
