import { recordAudit } from "../audit";
import { toAnswers } from "../data/answer-rows";
import { getAssessmentOrgRules } from "../data/extension";
import {
  diffResolved,
  readResolvedRequirements,
  resolveAssessmentRequirements,
} from "../data/requirements";
import { getTodayUtc } from "../dates";
import { db, type Prisma } from "../db";
import { recordEvent } from "../events/record";
import {
  getMissingRequired,
  parseAnswers,
  parseRequirements,
  type TParseError,
} from "../questionnaires";
import { assessWithExtension } from "../questionnaires/extension/judge";
import { describeSiteDraft, mergeSiteDrafts, ZSiteDrafts } from "../questionnaires/site-drafts";
import type { TSite } from "../rules/types";
import { ZOrgPolicy } from "../scoring";
import { EDITABLE, getPortalAssessment } from "./access";

/** The drafts kept beside the answers, each as what the vendor must still do. */
function listDrafts({
  answers,
}: {
  answers: readonly { questionId: string; value: unknown; drafts: unknown }[];
}) {
  return answers.flatMap(({ questionId, value, drafts }) => {
    const parsed = ZSiteDrafts.safeParse(drafts ?? []);
    if (!parsed.success || !parsed.data.length) return [];
    // Numbered as the editor numbers them: the answer's sites and the drafts, in order.
    const sites = Array.isArray(value) ? (value as TSite[]) : [];
    const merged = mergeSiteDrafts({ sites, drafts: parsed.data });
    return parsed.data.map((draft) => ({
      questionId,
      message: describeSiteDraft({ draft, index: merged.findIndex((s) => s.id === draft.id) }),
    }));
  });
}

export type TSubmitResult =
  | { status: "submitted"; rating: string; score: number }
  | { status: "already_submitted" }
  | {
      status: "incomplete";
      /** `awaitingConfirmation`: carried over from earlier answers, to confirm or change. */
      missing: { id: string; label: string; awaitingConfirmation?: boolean }[];
      errors: TParseError[];
      /** Items still being entered (sites without a location…): one sentence each. */
      drafts: { questionId: string; message: string }[];
    };

/** Checks the answers, judges them with the engine and locks them. Submitting twice is a no-op. */
export async function submitAssessment({
  invitationId,
  assessmentId,
}: {
  invitationId: string;
  assessmentId: string;
}): Promise<TSubmitResult> {
  const { assessment, questionnaire } = await getPortalAssessment({ assessmentId });
  if (!EDITABLE.has(assessment.status)) return { status: "already_submitted" };
  // An answer carried over and not yet confirmed is not an answer yet (toAnswers leaves it out).
  const answers = toAnswers(assessment.answers);
  const awaiting = new Set(
    assessment.answers.filter((a) => a.awaitingConfirmation).map((a) => a.questionId),
  );
  const missing = getMissingRequired({ questionnaire, answers }).map((q) => ({
    id: q.id,
    label: q.label,
    ...(awaiting.has(q.id) ? { awaitingConfirmation: true } : {}),
  }));
  const parsed = parseAnswers({ questionnaire, input: answers });
  const drafts = listDrafts({ answers: assessment.answers });
  if (missing.length || !parsed.ok || drafts.length)
    return { status: "incomplete", missing, errors: parsed.ok ? [] : parsed.errors, drafts };
  const requirements = parseRequirements({ input: assessment.requirements });
  if (!requirements.ok)
    throw new Error(`Stored requirements are invalid: ${JSON.stringify(requirements.errors)}`);
  const org = await db.organization.findUniqueOrThrow({ where: { id: assessment.orgId } });
  const policy = ZOrgPolicy.safeParse(org.policy);
  // Worked out again with today's policy (the engine below uses the same resolver); when the
  // policy changed them since sending, what they were is kept for the review page to show.
  const resolved = resolveAssessmentRequirements({
    requirements: assessment.requirements,
    policy: org.policy,
  });
  const before = readResolvedRequirements({
    stored: assessment.resolvedRequirements,
    requirements: assessment.requirements,
    policy: org.policy,
  });
  const changedSinceSent =
    assessment.resolvedRequirements && before && resolved && diffResolved(before, resolved).length;
  const asOf = getTodayUtc();
  // The core engine judges the core answers; the organisation's rules its own questions.
  const result = assessWithExtension({
    rules: await getAssessmentOrgRules(assessment),
    questionnaire,
    requirements: requirements.value,
    answers: parsed.value,
    asOf,
    policy: policy.success ? policy.data : undefined,
  });
  return db.$transaction(async (tx) => {
    const moved = await tx.assessment.updateMany({
      where: {
        id: assessment.id,
        status: { in: [...EDITABLE] as ("sent" | "in_progress" | "changes_requested")[] },
      },
      data: {
        status: "submitted",
        submittedAt: new Date(),
        asOfDate: new Date(`${asOf}T00:00:00Z`),
        score: result.score,
        rating: result.rating,
        resolvedRequirements: resolved as unknown as Prisma.InputJsonValue | undefined,
        requirementsPolicyVersion: org.policyVersion,
        // The first version sent is kept across rounds of changes.
        ...(changedSinceSent && !assessment.requirementsAtSend
          ? { requirementsAtSend: before as unknown as Prisma.InputJsonValue }
          : {}),
      },
    });
    if (moved.count !== 1) return { status: "already_submitted" } as const;
    await tx.flag.deleteMany({ where: { assessmentId: assessment.id } });
    await tx.flag.createMany({
      data: result.flags.map((f) => ({
        assessmentId: assessment.id,
        code: f.code,
        severity: f.severity,
        title: f.title,
        detail: f.detail,
        questions: f.questions,
      })),
    });
    await tx.answer.updateMany({
      where: { assessmentId: assessment.id },
      data: { reopened: false },
    });
    await tx.reviewComment.updateMany({
      where: { assessmentId: assessment.id, resolvedAt: null },
      data: { resolvedAt: new Date() },
    });
    await recordAudit({
      tx,
      orgId: assessment.orgId,
      actor: { kind: "vendor", invitationId },
      action: "assessment.submitted",
      targetType: "assessment",
      targetId: assessment.id,
      data: {
        from: assessment.status,
        to: "submitted",
        score: result.score,
        rating: result.rating,
        flags: result.flags.map((f) => f.code),
      } as Prisma.InputJsonValue,
    });
    await recordEvent({
      tx,
      orgId: assessment.orgId,
      type: "assessment.submitted",
      actor: { kind: "vendor", invitationId },
      assessmentId: assessment.id,
      vendorId: assessment.vendorId,
      payload: { vendorName: assessment.vendor.name },
    });
    // The moment a serious flag exists: one event each (webhooks subscribe to them).
    for (const f of result.flags.filter((x) => x.severity === "high" || x.severity === "critical"))
      await recordEvent({
        tx,
        orgId: assessment.orgId,
        type: "flag.raised",
        actor: { kind: "vendor", invitationId },
        assessmentId: assessment.id,
        vendorId: assessment.vendorId,
        payload: {
          vendorName: assessment.vendor.name,
          code: f.code,
          severity: f.severity,
          title: f.title,
        },
      });
    return { status: "submitted", rating: result.rating, score: result.score } as const;
  });
}
