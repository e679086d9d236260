import { z } from "zod";
import { recordAudit, userActor } from "../audit";
import { addMonthsUtc } from "../dates";
import { db, Prisma } from "../db";
import { ConflictError, NotFoundError, PreconditionError } from "../errors";
import { recordEvent } from "../events/record";
import { findQuestion } from "../questionnaires/registry";
import type { TFinding } from "../schemas/assessment";
import { nextReassessmentDate } from "./assessments";
import { getOrgSettings } from "./org";
import { readStoredQuestionnaire } from "./questionnaire-versions";

/** `actorLabel`: through what the user acted, for the audit log (an API token's name). */
type TScope = { orgId: string; actorId: string; actorLabel?: string };

export class StateError extends ConflictError {}

async function findAssessment({ orgId, assessmentId }: { orgId: string; assessmentId: string }) {
  const a = await db.assessment.findFirst({
    where: { id: assessmentId, orgId },
    include: { vendor: true },
  });
  if (!a) throw new NotFoundError("Assessment not found");
  return a;
}

/**
 * Every question named is one the assessment asks, core or the organisation's own (its stored
 * definition holds both): a crafted id would otherwise reopen an answer no one can see.
 */
async function checkAsked({
  questionnaireVersionId,
  items,
}: {
  questionnaireVersionId: string;
  items: { questionId: string }[];
}) {
  const version = await db.questionnaireVersion.findUniqueOrThrow({
    where: { id: questionnaireVersionId },
    select: { id: true, definition: true },
  });
  const questionnaire = readStoredQuestionnaire(version);
  const issues = items.flatMap((item, i) =>
    findQuestion({ questionnaire, id: item.questionId })
      ? []
      : [
          {
            code: "custom" as const,
            input: item.questionId,
            path: ["items", i, "questionId"],
            message: `Not a question of this questionnaire (${item.questionId})`,
          },
        ],
  );
  if (issues.length) throw new z.ZodError(issues);
}

/** Reopens only the named questions, each with the reviewer's comment. */
export async function requestChanges({
  orgId,
  actorId,
  actorLabel,
  assessmentId,
  items,
}: TScope & { assessmentId: string; items: { questionId: string; comment: string }[] }) {
  const a = await findAssessment({ orgId, assessmentId });
  if (a.status !== "submitted")
    throw new StateError("Changes can be requested only on a submitted assessment");
  await checkAsked({ questionnaireVersionId: a.questionnaireVersionId, items });
  await db.$transaction(async (tx) => {
    const moved = await tx.assessment.updateMany({
      where: { id: a.id, status: "submitted" },
      data: { status: "changes_requested" },
    });
    if (moved.count !== 1)
      throw new StateError("The assessment changed meanwhile; reload and try again");
    for (const item of items) {
      await tx.reviewComment.create({
        data: {
          assessmentId: a.id,
          questionId: item.questionId,
          body: item.comment,
          authorId: actorId,
        },
      });
      // An unanswered question can be reopened too: create its row so the flag exists.
      await tx.answer.upsert({
        where: { assessmentId_questionId: { assessmentId: a.id, questionId: item.questionId } },
        update: { reopened: true },
        create: {
          assessmentId: a.id,
          questionId: item.questionId,
          value: Prisma.JsonNull,
          reopened: true,
          updatedByKind: "user",
          updatedByUserId: actorId,
        },
      });
    }
    await recordAudit({
      tx,
      orgId,
      actor: userActor(actorId, actorLabel),
      action: "assessment.changes_requested",
      targetType: "assessment",
      targetId: a.id,
      data: {
        from: "submitted",
        to: "changes_requested",
        questions: items.map((i) => i.questionId),
      },
    });
    await recordEvent({
      tx,
      orgId,
      type: "assessment.changes_requested",
      actor: userActor(actorId, actorLabel),
      assessmentId: a.id,
      vendorId: a.vendorId,
      payload: { vendorName: a.vendor.name, questions: items.map((i) => i.questionId) },
    });
  });
}

export async function decideAssessment({
  orgId,
  actorId,
  actorLabel,
  assessmentId,
  decision,
  comment,
}: TScope & { assessmentId: string; decision: "accept" | "reject"; comment?: string }) {
  const a = await findAssessment({ orgId, assessmentId });
  if (a.status !== "submitted")
    throw new StateError("Only a submitted assessment can be accepted or rejected");
  const status = decision === "accept" ? "accepted" : "rejected";
  const now = new Date();
  await db.$transaction(async (tx) => {
    const moved = await tx.assessment.updateMany({
      where: { id: a.id, status: "submitted" },
      data: {
        status,
        decidedAt: now,
        decidedById: actorId,
        decisionComment: comment ?? null,
        nextReassessmentDate: nextReassessmentDate({ tier: a.vendor.tier, from: now }),
      },
    });
    if (moved.count !== 1)
      throw new StateError("The assessment changed meanwhile; reload and try again");
    await recordAudit({
      tx,
      orgId,
      actor: userActor(actorId, actorLabel),
      action: `assessment.${status}`,
      targetType: "assessment",
      targetId: a.id,
      data: { from: "submitted", to: status, comment: comment ?? null },
    });
    // The vendor's note carries the decision only, never the reviewer's comment.
    await recordEvent({
      tx,
      orgId,
      type: `assessment.${status}`,
      actor: userActor(actorId, actorLabel),
      assessmentId: a.id,
      vendorId: a.vendorId,
      payload: { vendorName: a.vendor.name, decidedOn: now.toISOString().slice(0, 10) },
    });
  });
}

export async function createFinding({
  orgId,
  actorId,
  actorLabel,
  input,
}: TScope & { input: TFinding }) {
  const a = await findAssessment({ orgId, assessmentId: input.assessmentId });
  const flag = input.flagId
    ? await db.flag.findFirst({ where: { id: input.flagId, assessmentId: a.id } })
    : null;
  if (input.flagId && !flag) throw new NotFoundError("Flag not found");
  if (input.ownerId && !(await db.user.findFirst({ where: { id: input.ownerId, orgId } })))
    throw new NotFoundError("Owner not found");
  return db.$transaction(async (tx) => {
    const f = await tx.finding.create({
      data: {
        orgId,
        vendorId: a.vendorId,
        assessmentId: a.id,
        flagId: flag?.id ?? null,
        code: flag?.code ?? null,
        title: input.title,
        description: input.description,
        severity: input.severity,
        ownerId: input.ownerId ?? null,
        dueDate: input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null,
      },
    });
    await recordAudit({
      tx,
      orgId,
      actor: userActor(actorId, actorLabel),
      action: "finding.created",
      targetType: "finding",
      targetId: f.id,
      data: { title: f.title, severity: f.severity },
    });
    return f;
  });
}

async function findFinding({ orgId, findingId }: { orgId: string; findingId: string }) {
  const f = await db.finding.findFirst({ where: { id: findingId, orgId } });
  if (!f) throw new NotFoundError("Finding not found");
  return f;
}

export async function setFindingStatus({
  orgId,
  actorId,
  actorLabel,
  findingId,
  status,
  note,
  ifVersion,
}: TScope & {
  findingId: string;
  status: "open" | "in_progress" | "remediated" | "closed";
  note?: string;
  /** Write only over this version (its updatedAt), else PreconditionError: an API If-Match. */
  ifVersion?: Date;
}) {
  const f = await findFinding({ orgId, findingId });
  await db.$transaction(async (tx) => {
    const written = await tx.finding.updateMany({
      where: { id: f.id, orgId, ...(ifVersion ? { updatedAt: ifVersion } : {}) },
      data: {
        status,
        remediationNote: note ?? f.remediationNote,
        closedAt: status === "closed" ? new Date() : null,
      },
    });
    if (written.count !== 1) throw new PreconditionError();
    await recordAudit({
      tx,
      orgId,
      actor: userActor(actorId, actorLabel),
      action: "finding.status_changed",
      targetType: "finding",
      targetId: f.id,
      data: { from: f.status, to: status },
    });
  });
}

/** The organisation's cap on a risk acceptance made today: its months, and the latest expiry day. */
export async function getRiskAcceptanceLimit({
  orgId,
  now = new Date(),
}: {
  orgId: string;
  now?: Date;
}) {
  const { riskAcceptanceMaxMonths: months } = await getOrgSettings({ orgId });
  return { months, latest: addMonthsUtc(now, months).toISOString().slice(0, 10) };
}

export async function acceptRisk({
  orgId,
  actorId,
  actorLabel,
  findingId,
  justification,
  until,
}: TScope & { findingId: string; justification: string; until: string }) {
  const f = await findFinding({ orgId, findingId });
  const expiry = new Date(`${until}T00:00:00Z`);
  // The acceptance ends at the start of its expiry day (the expiry job reopens the finding then).
  if (expiry.getTime() <= Date.now())
    throw new ConflictError("The acceptance must expire after today", { field: "until" });
  const { months, latest } = await getRiskAcceptanceLimit({ orgId });
  if (until > latest)
    throw new ConflictError(
      `A risk may be accepted for at most ${months} months (your organisation's limit): choose ${latest} or earlier`,
      { field: "until" },
    );
  await db.$transaction(async (tx) => {
    await tx.finding.update({
      where: { id: f.id },
      data: {
        status: "risk_accepted",
        riskJustification: justification,
        riskAcceptedById: actorId,
        riskAcceptedAt: new Date(),
        riskAcceptedUntil: expiry,
      },
    });
    await recordAudit({
      tx,
      orgId,
      actor: userActor(actorId, actorLabel),
      action: "finding.risk_accepted",
      targetType: "finding",
      targetId: f.id,
      data: { from: f.status, to: "risk_accepted", until },
    });
  });
}
