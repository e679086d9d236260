import { recordAudit } from "../audit";
import { db } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { linkHashOf, linkStateOf, type TLinkState } from "../identity/one-time-link";
import { sendMail } from "../mail";
import { PASSWORD_RESET_MINUTES, passwordResetMail } from "../mail/identity";
import { hashPassword } from "../passwords";
import { createToken } from "../tokens";

// "Forgot password?": a mailed link (only its SHA-256 stored, expiring, single use) to choose a
// new password. The request answers the same whatever the address (the route handler runs
// requestPasswordReset after it has answered, so not even timing tells). Setting the new
// password ends every session of the user (sessionVersion, as lib/authz.ts checks it).

/** Mails a reset link when the address is an active user's; does nothing otherwise. */
export async function requestPasswordReset({
  email,
  ip,
  now = new Date(),
}: {
  email: string;
  ip?: string | null;
  now?: Date;
}) {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, orgId: true, active: true },
  });
  if (!user?.active) return { sent: false };
  const { token, hash } = createToken();
  await db.$transaction(async (tx) => {
    // One live link at a time: asking again replaces the earlier one.
    await tx.passwordReset.updateMany({
      where: { userId: user.id, usedAt: null },
      data: { expiresAt: now },
    });
    await tx.passwordReset.create({
      data: {
        userId: user.id,
        tokenHash: hash,
        expiresAt: new Date(now.getTime() + PASSWORD_RESET_MINUTES * 60_000),
        createdAt: now,
      },
    });
    await recordAudit({
      tx,
      orgId: user.orgId,
      actor: { kind: "system", label: "password reset" },
      action: "auth.password_reset_requested",
      targetType: "user",
      targetId: user.id,
      ip,
    });
  });
  await sendMail({ to: email, ...passwordResetMail({ token }) });
  return { sent: true };
}

export const RESET_REFUSALS: Record<Exclude<TLinkState, "valid">, string> = {
  unknown: "This reset link is not valid. Ask for a new one from the sign-in page.",
  used: "This reset link has been used already. Sign in, or ask for a new one.",
  expired: `This reset link has expired (links last ${PASSWORD_RESET_MINUTES} minutes). Ask for a new one from the sign-in page.`,
  revoked: "This reset link is no longer valid. Ask for a new one from the sign-in page.",
};

async function readReset({ token, now }: { token: string; now: Date }) {
  const hash = linkHashOf(token);
  const row = hash
    ? await db.passwordReset.findUnique({
        where: { tokenHash: hash },
        include: { user: { select: { id: true, orgId: true, active: true, email: true } } },
      })
    : null;
  const state = row && !row.user.active ? "revoked" : linkStateOf(row, now);
  return { row, state };
}

/** What the reset page shows: the form (for which address) or a refusal. */
export async function getPasswordResetState({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}) {
  const { row, state } = await readReset({ token, now });
  if (state !== "valid" || !row) return { state: state === "valid" ? "unknown" : state } as const;
  return { state, email: row.user.email } as const;
}

/** Sets the new password once and ends every session of the user. */
export async function completePasswordReset({
  token,
  password,
  ip,
  now = new Date(),
}: {
  token: string;
  password: string;
  ip?: string | null;
  now?: Date;
}) {
  const { row, state } = await readReset({ token, now });
  if (state === "unknown" || !row) throw new NotFoundError(RESET_REFUSALS.unknown);
  if (state !== "valid") throw new ConflictError(RESET_REFUSALS[state]);
  const passwordHash = await hashPassword({ password });
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new ConflictError(RESET_REFUSALS.used);
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await recordAudit({
      tx,
      orgId: row.user.orgId,
      actor: { kind: "user", userId: row.userId, label: row.user.email },
      action: "auth.password_reset_completed",
      targetType: "user",
      targetId: row.userId,
      ip,
    });
    return { email: row.user.email };
  });
}
