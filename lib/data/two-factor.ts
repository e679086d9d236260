import { recordAudit } from "../audit";
import { getAuthSecret } from "../auth";
import { db } from "../db";
import { ConflictError } from "../errors";
import type { TwoFactorRule } from "../generated/prisma/enums";
import {
  hashRecoveryCode,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  totpQrSvg,
  totpUri,
} from "../identity/totp";
import { isTwoFactorRequired } from "../identity/two-factor-rule";

// Two-factor sign-in (TOTP) for one user: enrolment (a secret shown once as a QR code and a
// key, confirmed with a code, then recovery codes shown once), the second step of signing in,
// and turning it off. Every call is scoped to the signed-in user's own id.

type TUserScope = { userId: string; orgId: string };

const CODE_WRONG = "That code is not right. Enter the 6-digit code your app shows now.";

export async function getTwoFactorStatus({ userId }: { userId: string }) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpEnabledAt: true, role: true, org: { select: { twoFactorRequired: true } } },
  });
  const recoveryLeft = user.totpEnabledAt
    ? await db.recoveryCode.count({ where: { userId, usedAt: null } })
    : 0;
  return {
    enabled: user.totpEnabledAt !== null,
    required: isTwoFactorRequired({ rule: user.org.twoFactorRequired, role: user.role }),
    recoveryLeft,
  };
}

/**
 * Starts (or restarts) enrolment: a new secret, kept encrypted but not yet in force (the
 * two-factor page shows it: getPendingTotpEnrolment). Refused while two-factor sign-in is on.
 */
export async function startTotpEnrolment({ userId }: { userId: string }) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new ConflictError("Two-factor sign-in is on already.");
  await db.user.update({
    where: { id: userId },
    data: { totpSecret: sealTotpSecret(newTotpSecret(), getAuthSecret()), totpLastStep: null },
  });
}

/** The secret waiting for its confirming code, with its QR code, or null when none waits. */
export async function getPendingTotpEnrolment({ userId }: { userId: string }) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt || !user.totpSecret) return null;
  const secret = openTotpSecret(user.totpSecret, getAuthSecret());
  const svg = await totpQrSvg(totpUri({ secret, email: user.email }));
  // An image address, not markup: nothing is injected into the page (img-src allows data:).
  return { secret, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/** Confirms enrolment with a code from the app: on from now, with fresh recovery codes. */
export async function confirmTotpEnrolment({ userId, orgId, code }: TUserScope & { code: string }) {
  const user = await db.user.findFirstOrThrow({
    where: { id: userId, orgId },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new ConflictError("Two-factor sign-in is on already.");
  if (!user.totpSecret) throw new ConflictError("Start again: scan a new QR code.");
  const step = matchTotpStep({
    secret: openTotpSecret(user.totpSecret, getAuthSecret()),
    code,
    lastStep: null,
  });
  if (step === null) throw new ConflictError(CODE_WRONG, { field: "code" });
  const codes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { totpEnabledAt: new Date(), totpLastStep: step },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({
      data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })),
    });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId },
      action: "auth.2fa_enrolled",
      targetType: "user",
      targetId: userId,
    });
  });
  return { recoveryCodes: codes };
}

export type TSecondFactor = "totp" | "recovery_code";

/**
 * The second step of signing in: a current TOTP code (each time step once) or an unused
 * recovery code (used up here, atomically). Which one worked, or null.
 */
export async function spendSecondFactor({
  userId,
  orgId,
  code,
}: TUserScope & { code: string }): Promise<TSecondFactor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!user?.totpEnabledAt || !user.totpSecret) return null;
  const step = matchTotpStep({
    secret: openTotpSecret(user.totpSecret, getAuthSecret()),
    code,
    lastStep: user.totpLastStep,
  });
  if (step !== null) {
    // Conditional, so two sign-ins racing with one code cannot both pass.
    const { count } = await db.user.updateMany({
      where: {
        id: userId,
        OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }],
      },
      data: { totpLastStep: step },
    });
    return count === 1 ? "totp" : null;
  }
  const used = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  if (used.count !== 1) return null;
  await recordAudit({
    orgId,
    actor: { kind: "user", userId },
    action: "auth.2fa_recovery_code_used",
    targetType: "user",
    targetId: userId,
  });
  return "recovery_code";
}

/** Turns two-factor sign-in off, proven with a current code or a recovery code. */
export async function disableTotp({ userId, orgId, code }: TUserScope & { code: string }) {
  if ((await spendSecondFactor({ userId, orgId, code })) === null) {
    throw new ConflictError(CODE_WRONG, { field: "code" });
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId },
      action: "auth.2fa_disabled",
      targetType: "user",
      targetId: userId,
    });
  });
}

/** The organisation's rule: who must sign in with a second factor. */
export async function setTwoFactorRule({
  orgId,
  actorId,
  rule,
}: {
  orgId: string;
  actorId: string;
  rule: TwoFactorRule;
}) {
  await db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: orgId },
      select: { twoFactorRequired: true },
    });
    await tx.organization.update({ where: { id: orgId }, data: { twoFactorRequired: rule } });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: "org.2fa_rule_changed",
      targetType: "organization",
      targetId: orgId,
      data: { from: before.twoFactorRequired, to: rule },
    });
  });
}

export async function getTwoFactorRule({ orgId }: { orgId: string }) {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { twoFactorRequired: true },
  });
  return org.twoFactorRequired;
}
