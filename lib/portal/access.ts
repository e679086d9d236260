import { readStoredQuestionnaire } from "../data/questionnaire-versions";
import { db } from "../db";
import { hashToken, isWellFormedToken } from "../tokens";

export type TLinkState =
  | { state: "unknown" }
  | {
      state: "expired" | "revoked" | "cancelled";
      orgName: string;
      support: string;
      expiredAt: Date;
    }
  | { state: "valid"; invitationId: string; assessmentId: string; orgId: string };

/** What an invitation link opens. Nothing about the assessment leaks for a bad link. */
export async function getLinkState({ token }: { token: string }): Promise<TLinkState> {
  if (!isWellFormedToken(token)) return { state: "unknown" };
  const tokenHash = hashToken({ token });
  const select = {
    id: true,
    assessmentId: true,
    orgId: true,
    expiresAt: true,
    revokedAt: true,
    org: { select: { name: true, settings: true } },
    assessment: { select: { status: true, cancelledAt: true, updatedAt: true } },
  } as const;
  // The invitation's own link, or an extra link to it (a reminder's).
  const inv =
    (await db.invitation.findUnique({ where: { tokenHash }, select })) ??
    (
      await db.invitationToken.findUnique({
        where: { tokenHash },
        select: { invitation: { select } },
      })
    )?.invitation;
  if (!inv) return { state: "unknown" };
  const support = String(
    (inv.org.settings as { supportEmail?: string } | null)?.supportEmail ?? "",
  );
  // A cancelled assessment stops every link to it, whatever the link's own state.
  if (inv.assessment.status === "cancelled")
    return {
      state: "cancelled",
      orgName: inv.org.name,
      support,
      expiredAt: inv.assessment.cancelledAt ?? inv.assessment.updatedAt,
    };
  if (inv.revokedAt)
    return { state: "revoked", orgName: inv.org.name, support, expiredAt: inv.revokedAt };
  if (inv.expiresAt.getTime() <= Date.now())
    return { state: "expired", orgName: inv.org.name, support, expiredAt: inv.expiresAt };
  return { state: "valid", invitationId: inv.id, assessmentId: inv.assessmentId, orgId: inv.orgId };
}

export class LinkError extends Error {
  constructor(
    readonly status: 404 | 410,
    message = status === 404 ? "This link is not valid." : "This link has expired or was revoked.",
  ) {
    super(message);
  }
}

/** The valid invitation behind a token, or a LinkError (404 unknown, 410 expired/revoked/cancelled). */
export async function requireLink({ token }: { token: string }) {
  const link = await getLinkState({ token });
  if (link.state === "unknown") throw new LinkError(404);
  if (link.state === "cancelled")
    throw new LinkError(
      410,
      `${link.orgName} cancelled this questionnaire. To ask about it, contact ${link.support || link.orgName}.`,
    );
  if (link.state !== "valid") throw new LinkError(410);
  // "Last used" to the minute: autosaves arrive every few seconds and need not each write a row.
  const now = new Date();
  await db.invitation.updateMany({
    where: {
      id: link.invitationId,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }],
    },
    data: { lastUsedAt: now },
  });
  return link;
}

/** Statuses in which the vendor may still edit (reopened questions only, after a change request). */
export const EDITABLE = new Set(["sent", "in_progress", "changes_requested"]);

export async function getPortalAssessment({ assessmentId }: { assessmentId: string }) {
  const a = await db.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    include: {
      vendor: { select: { name: true } },
      org: { select: { name: true, settings: true, policy: true } },
      questionnaireVersion: true,
      answers: {
        select: {
          questionId: true,
          value: true,
          drafts: true,
          version: true,
          reopened: true,
          awaitingConfirmation: true,
          carriedFrom: true,
          updatedAt: true,
          createdAt: true,
        },
      },
      evidence: {
        where: { deletedAt: null },
        select: {
          id: true,
          questionId: true,
          fileName: true,
          sizeBytes: true,
          evidenceDate: true,
          createdAt: true,
        },
      },
    },
  });
  const questionnaire = readStoredQuestionnaire({
    id: a.questionnaireVersionId,
    definition: a.questionnaireVersion.definition,
  });
  return { assessment: a, questionnaire };
}
