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

/**
 * Ends a link and every colleague link invited through it (and theirs): a colleague's access
 * came from the link being revoked, so it goes with it. Returns how many colleague links ended.
 */
export async function revokeInvitation({
  orgId,
  actor,
  invitationId,
}: {
  orgId: string;
  actor: TActor;
  invitationId: string;
}): Promise<{ colleagues: number }> {
  const inv = await findScoped({ orgId, invitationId });
  return db.$transaction(async (tx) => {
    const tree = await findInvitationTree({ tx, orgId, rootId: inv.id });
    const live = tree.filter((i) => i.revokedAt === null);
    if (live.length === 0) return { colleagues: 0 };
    await tx.invitation.updateMany({
      where: { id: { in: live.map((i) => i.id) }, orgId },
      data: { revokedAt: new Date() },
    });
    for (const i of live) {
      await recordAudit({
        tx,
        orgId,
        actor,
        action: "invitation.revoked",
        targetType: "invitation",
        targetId: i.id,
        data: i.id === inv.id ? { email: i.email } : { email: i.email, with: inv.id },
      });
    }
    return { colleagues: live.filter((i) => i.id !== inv.id).length };
  });
}

/** An invitation and everyone invited through it, however deep (colleagues invite colleagues). */
async function findInvitationTree({
  tx,
  orgId,
  rootId,
}: {
  tx: Prisma.TransactionClient;
  orgId: string;
  rootId: string;
}) {
  const select = { id: true, email: true, revokedAt: true } as const;
  const all = await tx.invitation.findMany({ where: { id: rootId, orgId }, select });
  let frontier = all.map((i) => i.id);
  while (frontier.length > 0) {
    const next = await tx.invitation.findMany({
      where: {
        orgId,
        invitedByInvitationId: { in: frontier },
        id: { notIn: all.map((i) => i.id) },
      },
      select,
    });
    all.push(...next);
    frontier = next.map((i) => i.id);
  }
  return all;
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
