import { recordAudit, userActor } from "../audit";
import { addMonthsUtc } from "../dates";
import { db, type Prisma } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import type { AssessmentStatus } from "../generated/prisma/enums";
import { flagTitle } from "../rules/flag-titles";
import type { TCreateAssessment } from "../schemas/assessment";
import { REASSESS_MONTHS } from "../scoring/tiers";
import { diffAnswers, toAnswers } from "./answer-rows";
import { carryAnswersIn } from "./carry-answers";
import { getCurrentExtension } from "./extension";
import { issueInvitation, mailInvitation } from "./invitations";
import { ensureQuestionnaireVersion, readStoredQuestionnaire } from "./questionnaire-versions";
import {
  diffResolved,
  readResolvedRequirements,
  resolveAssessmentRequirements,
} from "./requirements";
import { saveVendorContact } from "./vendors";

/** `actorLabel`: through what the user acted, for the audit log (an API token's name). */
type TScope = { orgId: string; actorId: string; actorLabel?: string };

export const assessmentListSelect = {
  id: true,
  status: true,
  dueDate: true,
  sentAt: true,
  submittedAt: true,
  score: true,
  rating: true,
  createdAt: true,
  vendor: { select: { id: true, name: true, tier: true } },
} satisfies Prisma.AssessmentSelect;

export function listAssessments({
  orgId,
  vendorId,
  take = 100,
}: {
  orgId: string;
  vendorId?: string;
  take?: number;
}) {
  return db.assessment.findMany({
    where: { orgId, ...(vendorId ? { vendorId } : {}) },
    select: assessmentListSelect,
    orderBy: { createdAt: "desc" },
    take,
  });
}

/** Not yet decided: the vendor is answering, or its answers await review. */
export const OPEN_ASSESSMENT_STATUSES = [
  "draft",
  "sent",
  "in_progress",
  "changes_requested",
  "submitted",
] as const satisfies readonly AssessmentStatus[];

/**
 * Whose answers a reassessment may start from: submitted, or decided. Not one cancelled (its
 * answers were withdrawn) nor one back with the vendor (its answers are being changed).
 */
export const REASSESSABLE_STATUSES = [
  "submitted",
  "accepted",
  "rejected",
] as const satisfies readonly AssessmentStatus[];

export type TFindOpenAssessmentInput = {
  orgId: string;
  vendorId: string;
  tx?: Prisma.TransactionClient;
};

/** The vendor's most recent open assessment, if it has one (the send form warns about it). */
export function findOpenAssessment({ orgId, vendorId, tx = db }: TFindOpenAssessmentInput) {
  return tx.assessment.findFirst({
    where: { orgId, vendorId, status: { in: [...OPEN_ASSESSMENT_STATUSES] } },
    select: { id: true, status: true, dueDate: true, sentAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * Creates the assessment, its first invitation, and mails the link. A vendor with an open
 * assessment gets a second one only when the caller confirms it (`confirmSecondOpen`).
 */
/** The send form's checked values; a caller that types the contact may leave out contactId. */
export type TSendAssessment = Omit<TCreateAssessment, "contactId"> & { contactId?: string };

export async function createAndSendAssessment({
  orgId,
  actorId,
  actorLabel,
  input,
}: TScope & { input: TSendAssessment }) {
  const vendor = await db.vendor.findFirst({
    where: { id: input.vendorId, orgId, status: "active" },
  });
  if (!vendor) throw new NotFoundError("Vendor not found");
  // Sent to one of the vendor's saved contacts, or to the contact typed (saved to it below).
  const saved = input.contactId
    ? await db.vendorContact.findFirst({
        where: { id: input.contactId, orgId, vendorId: vendor.id },
        select: { name: true, email: true },
      })
    : null;
  if (input.contactId && !saved) throw new NotFoundError("Vendor contact not found");
  const contact = saved ?? { name: input.contactName, email: input.contactEmail ?? "" };
  // A reassessment starts from the answers of one of the vendor's submitted (or decided) ones.
  const previous = input.previousAssessmentId
    ? await db.assessment.findFirst({
        where: {
          id: input.previousAssessmentId,
          orgId,
          vendorId: vendor.id,
          status: { in: [...REASSESSABLE_STATUSES] },
        },
        include: { answers: true },
      })
    : null;
  if (input.previousAssessmentId && !previous)
    throw new NotFoundError("Previous assessment not found");
  const [key, version] = input.questionnaire.split("@");
  const own = await getCurrentExtension({ orgId });
  const qv = await ensureQuestionnaireVersion({
    id: key ?? "",
    version,
    own: own ? { orgId, extension: own.extension } : undefined,
  });
  const dueDate = new Date(`${input.dueDate}T00:00:00Z`);
  const { tier, ...rest } = input.requirements;
  // An empty country list means "any country", so it is left out; an empty plan_must_cover
  // is kept: it means "no scenario required", not the tier's default.
  const requirements = Object.fromEntries(
    Object.entries({ tier, ...rest }).filter(
      ([k, v]) =>
        v !== undefined && !(k === "allowed_countries" && Array.isArray(v) && v.length === 0),
    ),
  );
  const { assessment, invitation, token } = await db.$transaction(async (tx) => {
    // The vendor's row is locked, so two sends at once cannot both see "no open assessment".
    await tx.$queryRaw`SELECT id FROM "Vendor" WHERE id = ${vendor.id} FOR UPDATE`;
    const open = await findOpenAssessment({ orgId, vendorId: vendor.id, tx });
    if (open && !input.confirmSecondOpen)
      throw new ConflictError(
        `${vendor.name} already has an open assessment (${open.status.replace(/_/g, " ")}). ` +
          "Confirm that you want to send a second questionnaire, or follow up on the open one.",
        { field: "confirmSecondOpen" },
      );
    // What every reader will show: the tier's defaults, the organisation's policy, the fields.
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: orgId },
      select: { policy: true, policyVersion: true },
    });
    const resolved = resolveAssessmentRequirements({ requirements, policy: org.policy });
    const assessment = await tx.assessment.create({
      data: {
        orgId,
        vendorId: vendor.id,
        questionnaireVersionId: qv.id,
        extensionVersionId: own?.id ?? null,
        requirements: requirements as Prisma.InputJsonValue,
        resolvedRequirements: resolved as unknown as Prisma.InputJsonValue | undefined,
        requirementsPolicyVersion: org.policyVersion,
        status: "sent",
        dueDate,
        sentAt: new Date(),
        createdById: actorId,
        previousAssessmentId: previous?.id ?? null,
      },
    });
    // Carried over awaiting the vendor's confirmation; what the new version refuses is left out.
    if (previous)
      await carryAnswersIn({
        tx,
        assessmentId: assessment.id,
        questionnaire: readStoredQuestionnaire(qv),
        answers: toAnswers(previous.answers),
        source: "previous",
      });
    if (!saved)
      await keepTypedContact({ tx, orgId, actorId, actorLabel, vendorId: vendor.id, contact });
    const { invitation, token } = await issueInvitation({
      tx,
      orgId,
      assessmentId: assessment.id,
      email: contact.email,
      name: contact.name,
      kind: "primary",
      dueDate,
      invitedByUserId: actorId,
    });
    const actor = userActor(actorId, actorLabel);
    await recordAudit({
      tx,
      orgId,
      actor,
      action: "assessment.sent",
      targetType: "assessment",
      targetId: assessment.id,
      data: {
        vendor: vendor.name,
        requirements,
        ...(open ? { alsoOpen: open.id } : {}),
      } as Prisma.InputJsonValue,
    });
    await recordAudit({
      tx,
      orgId,
      actor,
      action: "invitation.sent",
      targetType: "invitation",
      targetId: invitation.id,
      data: { email: invitation.email },
    });
    return { assessment, invitation, token };
  });
  await mailInvitation({ invitationId: invitation.id, token, personal: input.message });
  return assessment;
}

/**
 * A contact typed in the send form joins the vendor's contacts, so the next send offers it;
 * one already saved under that address is not added twice. Without a typed name the address
 * names it (a contact needs a name).
 */
async function keepTypedContact({
  tx,
  orgId,
  actorId,
  actorLabel,
  vendorId,
  contact,
}: {
  tx: Prisma.TransactionClient;
  orgId: string;
  actorId: string;
  actorLabel?: string;
  vendorId: string;
  contact: { name?: string; email: string };
}) {
  const known = await tx.vendorContact.findFirst({
    where: { orgId, vendorId, email: contact.email },
    select: { id: true },
  });
  if (known) return;
  await saveVendorContact({
    tx,
    orgId,
    actorId,
    actorLabel,
    vendorId,
    input: { name: contact.name ?? contact.email, email: contact.email },
  });
}

export async function getAssessmentDetail({
  orgId,
  assessmentId,
}: {
  orgId: string;
  assessmentId: string;
}) {
  const a = await db.assessment.findFirst({
    where: { id: assessmentId, orgId },
    include: {
      vendor: true,
      org: { select: { policy: true } },
      questionnaireVersion: true,
      answers: { orderBy: { questionId: "asc" } },
      flags: { orderBy: { createdAt: "asc" } },
      reviewComments: {
        orderBy: { createdAt: "asc" },
        include: { author: { select: { name: true } } },
      },
      invitations: { orderBy: { createdAt: "asc" } },
      evidence: { where: { deletedAt: null }, orderBy: { createdAt: "asc" } },
      findings: {
        orderBy: { createdAt: "asc" },
        include: {
          owner: { select: { name: true } },
          riskAcceptedBy: { select: { name: true } },
        },
      },
      previousAssessment: { include: { answers: true } },
    },
  });
  if (!a) throw new NotFoundError("Assessment not found");
  // Every screen names a flag by the engine's title for its code (lib/rules/flag-titles.ts).
  for (const f of a.flags) f.title = flagTitle(f.code, f.title);
  const questionnaire = readStoredQuestionnaire({
    id: a.questionnaireVersionId,
    definition: a.questionnaireVersion.definition,
  });
  const answers = toAnswers(a.answers);
  // Carried over and not confirmed yet: neither changed nor an answer of this round.
  const awaitingConfirmation = a.answers
    .filter((r) => r.awaitingConfirmation)
    .map((r) => r.questionId);
  const changedSincePrevious = a.previousAssessment
    ? diffAnswers({ before: toAnswers(a.previousAssessment.answers), after: answers }).filter(
        (id) => !awaitingConfirmation.includes(id),
      )
    : [];
  // Carried over, confirmed by the vendor and equal to last time: the review can pass over it.
  const changed = new Set(changedSincePrevious);
  const confirmedUnchanged = a.previousAssessment
    ? a.answers
        .filter((r) => r.carriedFrom && !r.awaitingConfirmation && !changed.has(r.questionId))
        .map((r) => r.questionId)
    : [];
  // One answer for every reader (this page, the PDF): see lib/data/requirements.ts.
  const resolved = readResolvedRequirements({
    stored: a.resolvedRequirements,
    requirements: a.requirements,
    policy: a.org.policy,
  });
  const atSend = a.requirementsAtSend
    ? readResolvedRequirements({ stored: a.requirementsAtSend, requirements: {}, policy: {} })
    : undefined;
  const requirementsChanged = atSend && resolved ? diffResolved(atSend, resolved) : [];
  return {
    assessment: a,
    questionnaire,
    answers,
    changedSincePrevious,
    confirmedUnchanged,
    awaitingConfirmation,
    resolved,
    requirementsChanged,
  };
}

export function nextReassessmentDate({
  tier,
  from,
}: {
  tier: keyof typeof REASSESS_MONTHS;
  from: Date;
}) {
  return addMonthsUtc(from, REASSESS_MONTHS[tier]);
}
