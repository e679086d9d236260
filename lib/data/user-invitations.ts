import { recordAudit } from "../audit";
import { db, isUniqueViolation, type Prisma } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { linkHashOf, linkStateOf, type TLinkState } from "../identity/one-time-link";
import { sendMail } from "../mail";
import { INVITATION_HOURS, staffInvitationMail } from "../mail/identity";
import { hashPassword } from "../passwords";
import type { TInviteUser } from "../schemas/identity";
import { createToken } from "../tokens";
import { emailConflict, UserConflictError } from "./users";

// Colleagues join by invitation: an admin names them, their email and role; the mail's link
// lets them choose their own password, and the user exists from then on. An invitation can be
// sent again (a new link; the old one stops working) or revoked until it is accepted.

type TScope = { orgId: string; actorId: string };

export const invitationListSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  expiresAt: true,
  createdAt: true,
} satisfies Prisma.StaffInvitationSelect;

/** Invitations not yet accepted nor revoked (expired ones too: they can be sent again). */
export function listPendingInvitations({ orgId }: { orgId: string }) {
  return db.staffInvitation.findMany({
    where: { orgId, acceptedAt: null, revokedAt: null },
    select: invitationListSelect,
    orderBy: { createdAt: "desc" },
  });
}

const newExpiry = (now: Date) => new Date(now.getTime() + INVITATION_HOURS * 3_600_000);

async function mailInvitation({ invitationId, token }: { invitationId: string; token: string }) {
  const inv = await db.staffInvitation.findUniqueOrThrow({
    where: { id: invitationId },
    select: { email: true, name: true, invitedById: true, org: { select: { name: true } } },
  });
  const inviter = inv.invitedById
    ? await db.user.findUnique({ where: { id: inv.invitedById }, select: { name: true } })
    : null;
  await sendMail({
    to: inv.email,
    ...staffInvitationMail({
      orgName: inv.org.name,
      name: inv.name,
      inviterName: inviter?.name ?? "An administrator",
      token,
    }),
  });
}

export async function inviteUser({ orgId, actorId, input }: TScope & { input: TInviteUser }) {
  const conflict = await emailConflict({ orgId, email: input.email });
  if (conflict) throw conflict;
  const { token, hash } = createToken();
  const invitation = await db.$transaction(async (tx) => {
    // Two admins inviting one address at once: the second waits here, then finds the first's.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invite:${orgId}:${input.email}`}))`;
    const pending = await tx.staffInvitation.count({
      where: { orgId, email: input.email, acceptedAt: null, revokedAt: null },
    });
    if (pending > 0) {
      throw new UserConflictError("This email has an invitation already: send it again below");
    }
    const row = await tx.staffInvitation.create({
      data: {
        orgId,
        email: input.email,
        name: input.name,
        role: input.role,
        tokenHash: hash,
        expiresAt: newExpiry(new Date()),
        invitedById: actorId,
      },
      select: { id: true },
    });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: "user.invitation_sent",
      targetType: "staffInvitation",
      targetId: row.id,
      data: { email: input.email, role: input.role },
    });
    return row;
  });
  await mailInvitation({ invitationId: invitation.id, token });
  return invitation;
}

async function findPending({ orgId, invitationId }: { orgId: string; invitationId: string }) {
  // Another organisation's invitation is simply not found.
  const inv = await db.staffInvitation.findFirst({
    where: { id: invitationId, orgId, acceptedAt: null, revokedAt: null },
    select: { id: true },
  });
  if (!inv) throw new NotFoundError("Invitation not found");
  return inv;
}

/** A new link, valid for the full time again; the previous link stops working. */
export async function resendInvitation({
  orgId,
  actorId,
  invitationId,
}: TScope & { invitationId: string }) {
  await findPending({ orgId, invitationId });
  const { token, hash } = createToken();
  await db.$transaction(async (tx) => {
    await tx.staffInvitation.update({
      where: { id: invitationId },
      data: { tokenHash: hash, expiresAt: newExpiry(new Date()), invitedById: actorId },
    });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: "user.invitation_resent",
      targetType: "staffInvitation",
      targetId: invitationId,
    });
  });
  await mailInvitation({ invitationId, token });
}

export async function revokeInvitation({
  orgId,
  actorId,
  invitationId,
}: TScope & { invitationId: string }) {
  await findPending({ orgId, invitationId });
  await db.$transaction(async (tx) => {
    await tx.staffInvitation.update({
      where: { id: invitationId },
      data: { revokedAt: new Date() },
    });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: "user.invitation_revoked",
      targetType: "staffInvitation",
      targetId: invitationId,
    });
  });
}

export const INVITATION_REFUSALS: Record<Exclude<TLinkState, "valid">, string> = {
  unknown: "This invitation link is not valid. Ask your administrator for a new one.",
  used: "This invitation has been accepted already. Sign in instead.",
  expired: `This invitation has expired (links last ${INVITATION_HOURS} hours). Ask your administrator to send it again.`,
  revoked: "This invitation was withdrawn. Ask your administrator if you still need access.",
};

async function readInvitation({ token, now }: { token: string; now: Date }) {
  const hash = linkHashOf(token);
  const row = hash
    ? await db.staffInvitation.findUnique({
        where: { tokenHash: hash },
        include: { org: { select: { name: true } } },
      })
    : null;
  return { row, state: linkStateOf(row && { ...row, usedAt: row.acceptedAt }, now) };
}

/** What the invitation page shows: the form (with whom it is for) or a refusal. */
export async function getInvitationByToken({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}) {
  const { row, state } = await readInvitation({ token, now });
  if (state !== "valid" || !row) return { state: state === "valid" ? "unknown" : state } as const;
  return { state, email: row.email, name: row.name, orgName: row.org.name } as const;
}

/**
 * Accepts an invitation once: creates the user with the password they chose. Unknown answers
 * 404; accepted, revoked or expired, 409.
 */
export async function acceptInvitation({
  token,
  password,
  now = new Date(),
}: {
  token: string;
  password: string;
  now?: Date;
}) {
  const first = await readInvitation({ token, now });
  if (first.state === "unknown") throw new NotFoundError(INVITATION_REFUSALS.unknown);
  if (first.state !== "valid") throw new ConflictError(INVITATION_REFUSALS[first.state]);
  const passwordHash = await hashPassword({ password });
  try {
    return await db.$transaction(async (tx) => {
      // Claims the invitation: of two acceptances at once, one updates the row, one finds none.
      const claimed = await tx.staffInvitation.updateMany({
        where: { tokenHash: first.row!.tokenHash, acceptedAt: null, revokedAt: null },
        data: { acceptedAt: now },
      });
      if (claimed.count !== 1) throw new ConflictError(INVITATION_REFUSALS.used);
      const inv = first.row!;
      const user = await tx.user.create({
        data: { orgId: inv.orgId, email: inv.email, name: inv.name, role: inv.role, passwordHash },
        select: { id: true, email: true },
      });
      await tx.staffInvitation.update({ where: { id: inv.id }, data: { userId: user.id } });
      await recordAudit({
        tx,
        orgId: inv.orgId,
        actor: { kind: "user", userId: user.id, label: user.email },
        action: "user.invitation_accepted",
        targetType: "user",
        targetId: user.id,
        data: { invitationId: inv.id, role: inv.role },
      });
      return user;
    });
  } catch (e) {
    // The address was taken meanwhile (e.g. by a first single sign-on, or another invitation).
    if (isUniqueViolation(e)) throw new ConflictError(INVITATION_REFUSALS.used);
    throw e;
  }
}
