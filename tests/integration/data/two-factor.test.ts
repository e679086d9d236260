// Guards against a second factor that can be skipped or replayed: a TOTP code that signs in
// twice, a recovery code that works more than once, enrolment without a right code, recovery
// codes kept readable, and a secret stored in the clear.
import { describe, expect, it } from "vitest";

process.env.AUTH_SECRET ??= "integration-test-auth-secret-of-enough-length-0123";
const { setupFreshDatabase, createOrgWithUsers } = await import("../db");
const tf = await import("@/lib/data/two-factor");
const { totpCode } = await import("@/lib/identity/totp");
const { checkSecondFactor } = await import("@/lib/identity/sign-in");
const { TWO_FACTOR_INVALID, TWO_FACTOR_REQUIRED } = await import("@/lib/identity/sign-in-messages");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "two-factor");
const scope = { userId: org.admin.id, orgId: org.org.id };
const signInUser = async () => ({
  ...(await prisma.user.findUniqueOrThrow({ where: { id: org.admin.id } })),
});

describe("two-factor sign-in", () => {
  it("enrols only with a right code; the secret is stored encrypted", async () => {
    expect(await tf.getPendingTotpEnrolment({ userId: scope.userId })).toBeNull();
    await tf.startTotpEnrolment({ userId: scope.userId });
    const { secret, qrDataUrl } = (await tf.getPendingTotpEnrolment({ userId: scope.userId }))!;
    expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const row = await signInUser();
    expect(row.totpSecret).not.toContain(secret);
    await expect(tf.confirmTotpEnrolment({ ...scope, code: "000000" })).rejects.toThrow(
      /not right/,
    );
    const { recoveryCodes } = await tf.confirmTotpEnrolment({
      ...scope,
      code: totpCode({ secret }),
    });
    expect(recoveryCodes).toHaveLength(10);
    const stored = await prisma.recoveryCode.findMany({ where: { userId: scope.userId } });
    expect(stored.map((c) => c.codeHash)).not.toContain(recoveryCodes[0]);
    expect((await tf.getTwoFactorStatus({ userId: scope.userId })).enabled).toBe(true);
    // A later code (the enrolment's own step is spent) signs in, once.
    const next = totpCode({ secret, timestamp: Date.now() + 30_000 });
    expect(await checkSecondFactor({ user: await signInUser(), code: next })).toBe("password+totp");
    await expect(checkSecondFactor({ user: await signInUser(), code: next })).rejects.toThrow(
      TWO_FACTOR_INVALID,
    );
    await expect(checkSecondFactor({ user: await signInUser(), code: undefined })).rejects.toThrow(
      TWO_FACTOR_REQUIRED,
    );

    // A recovery code works once, whatever its case or dashes.
    const code = recoveryCodes[1]!;
    expect(
      await checkSecondFactor({
        user: await signInUser(),
        code: code.toLowerCase().replace("-", ""),
      }),
    ).toBe("password+recovery_code");
    await expect(checkSecondFactor({ user: await signInUser(), code })).rejects.toThrow(
      TWO_FACTOR_INVALID,
    );
    expect((await tf.getTwoFactorStatus({ userId: scope.userId })).recoveryLeft).toBe(9);

    await expect(tf.disableTotp({ ...scope, code: "123456" })).rejects.toThrow(/not right/);
    await tf.disableTotp({ ...scope, code: recoveryCodes[2]! });
    expect(await signInUser()).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await prisma.recoveryCode.count({ where: { userId: scope.userId } })).toBe(0);
    const actions = await prisma.auditEvent.findMany({
      where: { targetId: scope.userId, action: { startsWith: "auth.2fa" } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual([
      "auth.2fa_disabled",
      "auth.2fa_enrolled",
      // One at sign-in, one to turn it off.
      "auth.2fa_recovery_code_used",
      "auth.2fa_recovery_code_used",
    ]);
  });

  it("records the organisation's rule, audited", async () => {
    expect(await tf.getTwoFactorRule({ orgId: scope.orgId })).toBe("off");
    await tf.setTwoFactorRule({ orgId: scope.orgId, actorId: scope.userId, rule: "everyone" });
    expect(await tf.getTwoFactorRule({ orgId: scope.orgId })).toBe("everyone");
    expect(
      await prisma.auditEvent.count({
        where: { orgId: scope.orgId, action: "org.2fa_rule_changed" },
      }),
    ).toBe(1);
  });
});
