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
  | {
      state: "valid";
      invitationId: string;
      assessmentId: string;
      orgId: string;
      lastUsedAt: Date | null;
      /** What a save needs of the assessment (lib/portal/save-answer.ts), read with the link. */
      assessment: { orgId: string; status: string; questionnaireVersionId: string };
    };

/** What an invitation link opens. Nothing about the assessment leaks for a bad link. */
export async function getLinkState({ token }: { token: string }): Promise<TLinkState> {
  if (!isWellFormedToken(token)) return { state: "unknown" };
  const inv = await findLink({ tokenHash: hashToken({ token }) });
  if (!inv) return { state: "unknown" };
  const support = String((inv.orgSettings as { supportEmail?: string } | null)?.supportEmail ?? "");
  // A cancelled assessment stops every link to it, whatever the link's own state.
  if (inv.status === "cancelled")
    return {
      state: "cancelled",
      orgName: inv.orgName,
      support,
      expiredAt: inv.cancelledAt ?? inv.assessmentUpdatedAt,
    };
  if (inv.revokedAt)
    return { state: "revoked", orgName: inv.orgName, support, expiredAt: inv.revokedAt };
  if (inv.expiresAt.getTime() <= Date.now())
    return { state: "expired", orgName: inv.orgName, support, expiredAt: inv.expiresAt };
  return {
    state: "valid",
    invitationId: inv.id,
    assessmentId: inv.assessmentId,
    orgId: inv.orgId,
    lastUsedAt: inv.lastUsedAt,
    assessment: {
      orgId: inv.orgId,
      status: inv.status,
      questionnaireVersionId: inv.questionnaireVersionId,
    },
  };
}

/**
 * The invitation behind a token hash — its own link, or an extra link to it (a reminder's) —
 * with its organisation's name and settings and its assessment's state, in one query: every
 * portal request (each autosave among them) starts here (bench:autosave).
 */
async function findLink({ tokenHash }: { tokenHash: string }) {
  const rows = await db.$queryRaw<
    {
      id: string;
      assessmentId: string;
      orgId: string;
      expiresAt: Date;
      revokedAt: Date | null;
      lastUsedAt: Date | null;
      orgName: string;
      orgSettings: unknown;
      status: string;
      cancelledAt: Date | null;
      assessmentUpdatedAt: Date;
      questionnaireVersionId: string;
    }[]
  >`
    SELECT i."id", i."assessmentId", i."orgId", i."expiresAt", i."revokedAt", i."lastUsedAt",
      o."name" AS "orgName", o."settings" AS "orgSettings", a."status"::text AS "status",
      a."cancelledAt", a."updatedAt" AS "assessmentUpdatedAt", a."questionnaireVersionId"
    FROM "Invitation" i
    JOIN "Organization" o ON o."id" = i."orgId"
    JOIN "Assessment" a ON a."id" = i."assessmentId"
    WHERE i."id" = coalesce(
      (SELECT "id" FROM "Invitation" WHERE "tokenHash" = ${tokenHash}),
      (SELECT "invitationId" FROM "InvitationToken" WHERE "tokenHash" = ${tokenHash}))`;
  return rows[0] ?? null;
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
  // "Last used" to the minute: autosaves arrive every few seconds and need not each write a
  // row, nor each ask to (the link's lookup read when it was last set).
  const now = new Date();
  if (link.lastUsedAt && now.getTime() - link.lastUsedAt.getTime() < 60_000) return link;
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
