import { recordAudit } from "../audit";
import { db } from "../db";
import { issueInvitation, mailInvitation } from "./invitations";

// A vendor's link may invite colleagues, each getting a link of their own by mail. Anyone holding
// a link could otherwise send the app's mail to any address without end, so invitations are
// capped per questionnaire (links alive at once) and per hour (mails sent).

export const COLLEAGUE_LIMITS = { perAssessment: 20, perHour: 10 } as const;
const HOUR = 60 * 60 * 1000;

/** Over a cap: 409 (the questionnaire has all the colleagues it may) or 429 (wait, then retry). */
export class ColleagueLimitError extends Error {
  constructor(
    readonly status: 409 | 429,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export type TInviteColleague = {
  /** The inviting link (a valid one: lib/portal/access.ts). */
  link: { orgId: string; assessmentId: string; invitationId: string };
  email: string;
  name?: string;
  dueDate: Date | null;
};

export async function inviteColleague({ link, email, name, dueDate }: TInviteColleague) {
  const { invitation, token } = await db.$transaction(async (tx) => {
    // One invitation at a time per questionnaire, so parallel requests cannot pass a cap together.
    await tx.$queryRaw`SELECT "id" FROM "Assessment" WHERE "id" = ${link.assessmentId} FOR UPDATE`;
    const colleagues = { assessmentId: link.assessmentId, kind: "colleague" as const };
    const live = await tx.invitation.count({ where: { ...colleagues, revokedAt: null } });
    if (live >= COLLEAGUE_LIMITS.perAssessment) {
      throw new ColleagueLimitError(
        409,
        `This questionnaire already has ${COLLEAGUE_LIMITS.perAssessment} colleague links, the most it can have. Ask the organisation that sent it to revoke links no longer needed.`,
      );
    }
    const recent = await tx.invitation.findMany({
      where: { ...colleagues, createdAt: { gt: new Date(Date.now() - HOUR) } },
      select: { createdAt: true },
      orderBy: { createdAt: "asc" },
    });
    if (recent.length >= COLLEAGUE_LIMITS.perHour) {
      const wait = Math.max(
        1,
        Math.ceil((recent[0]!.createdAt.getTime() + HOUR - Date.now()) / 1000),
      );
      const minutes = Math.ceil(wait / 60);
      throw new ColleagueLimitError(
        429,
        `${COLLEAGUE_LIMITS.perHour} colleagues were invited to this questionnaire in the last hour. Wait ${minutes} minute${minutes === 1 ? "" : "s"} before inviting more.`,
        wait,
      );
    }
    const issued = await issueInvitation({
      tx,
      orgId: link.orgId,
      assessmentId: link.assessmentId,
      email,
      name,
      kind: "colleague",
      dueDate,
      invitedByInvitationId: link.invitationId,
    });
    await recordAudit({
      tx,
      orgId: link.orgId,
      actor: { kind: "vendor", invitationId: link.invitationId },
      action: "invitation.sent",
      targetType: "invitation",
      targetId: issued.invitation.id,
      data: { email, kind: "colleague" },
    });
    return issued;
  });
  await mailInvitation({
    invitationId: invitation.id,
    token,
    personal: "A colleague invited you to help answer it.",
  });
  return invitation;
}
