import { recordAudit, type TActor } from "../audit";
import { db, type Prisma } from "../db";
import { NotFoundError } from "../errors";
import { sendMail } from "../mail";
import { invitationMail } from "../mail/templates";
import { createToken } from "../tokens";

const DAY = 24 * 60 * 60 * 1000;

/** A link stays valid until 30 days after the due date, and at least 14 days from now. */
export function invitationExpiry({ dueDate }: { dueDate: Date | null }): Date {
  const floor = Date.now() + 14 * DAY;
  return new Date(Math.max(floor, (dueDate?.getTime() ?? 0) + 30 * DAY));
}

type TIssue = {
  tx: Prisma.TransactionClient;
  orgId: string;
  assessmentId: string;
  email: string;
  name?: string;
  kind: "primary" | "colleague";
  dueDate: Date | null;
  invitedByUserId?: string;
  invitedByInvitationId?: string;
};

/** Creates an invitation and returns the one copy of its token that will ever exist. */
export async function issueInvitation(input: TIssue) {
  const { token, hash } = createToken();
  const invitation = await input.tx.invitation.create({
    data: {
      orgId: input.orgId,
      assessmentId: input.assessmentId,
      kind: input.kind,
      email: input.email,
      name: input.name ?? null,
      tokenHash: hash,
      expiresAt: invitationExpiry({ dueDate: input.dueDate }),
      lastSentAt: new Date(),
      invitedByUserId: input.invitedByUserId ?? null,
      invitedByInvitationId: input.invitedByInvitationId ?? null,
    },
  });
  return { invitation, token };
}

export async function mailInvitation({
  invitationId,
  token,
  personal,
}: {
  invitationId: string;
  token: string;
  personal?: string;
}) {
  const inv = await db.invitation.findUniqueOrThrow({
    where: { id: invitationId },
    include: { org: true, assessment: { include: { vendor: true } } },
  });
  const mail = invitationMail({
    orgName: inv.org.name,
    vendorName: inv.assessment.vendor.name,
    token,
    dueDate: inv.assessment.dueDate,
    personal,
  });
  return sendMail({ to: inv.email, ...mail });
}

async function findScoped({ orgId, invitationId }: { orgId: string; invitationId: string }) {
  const inv = await db.invitation.findFirst({
    where: { id: invitationId, orgId },
    include: { assessment: true },
  });
  if (!inv) throw new NotFoundError("Invitation not found");
  return inv;
}

/** A new link replaces the old ones (which stop working), with a fresh expiry. */
export async function resendInvitation({
  orgId,
  actor,
  invitationId,
}: {
  orgId: string;
  actor: TActor;
  invitationId: string;
}) {
  const inv = await findScoped({ orgId, invitationId });
  const { token, hash } = createToken();
  await db.$transaction(async (tx) => {
    await tx.invitation.update({
      where: { id: inv.id },
      data: {
        tokenHash: hash,
        revokedAt: null,
        lastSentAt: new Date(),
        expiresAt: invitationExpiry({ dueDate: inv.assessment.dueDate }),
      },
    });
    await tx.invitationToken.deleteMany({ where: { invitationId: inv.id } }); // reminders' links stop too
    await recordAudit({
      tx,
      orgId,
      actor,
      action: "invitation.resent",
      targetType: "invitation",
      targetId: inv.id,
      data: { email: inv.email },
    });
  });
  await mailInvitation({ invitationId: inv.id, token });
}

export async function revokeInvitation({
  orgId,
  actor,
  invitationId,
}: {
  orgId: string;
  actor: TActor;
  invitationId: string;
}) {
  const inv = await findScoped({ orgId, invitationId });
  if (inv.revokedAt) return;
  await db.$transaction(async (tx) => {
    await tx.invitation.update({ where: { id: inv.id }, data: { revokedAt: new Date() } });
    await recordAudit({
      tx,
      orgId,
      actor,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: inv.id,
      data: { email: inv.email },
    });
  });
}

/** A further link to a live invitation (for a reminder mail); it shares the invitation's expiry. */
export async function issueExtraLink({
  invitationId,
  purpose,
}: {
  invitationId: string;
  purpose: "reminder";
}) {
  const { token, hash } = createToken();
  const row = await db.invitationToken.create({ data: { invitationId, tokenHash: hash, purpose } });
  return { token, id: row.id };
}
