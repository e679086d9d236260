// Guards against a restore drill that cannot sign in because the restored organisation requires
// single sign-on or two-factor sign-in: the drill's user must be one a password alone lets in.
import { describe, expect, it } from "vitest";

const { setupFreshDatabase, createOrgWithUsers } = await import("../db");
const { createDrillUser } = await import("@/lib/ops/drill");
const { isPasswordSignInRefused } = await import("@/lib/data/org-sso");
const { isTwoFactorRequired } = await import("@/lib/identity/two-factor-rule");
const { verifyPassword } = await import("@/lib/passwords");

const { url, prisma } = await setupFreshDatabase();

describe("the restore drill's user", () => {
  it("signs in with its password alone, even where every restored organisation requires SSO and two-factor", async () => {
    const strict = await createOrgWithUsers(prisma, "drill-strict");
    await prisma.organization.update({
      where: { id: strict.org.id },
      data: { twoFactorRequired: "everyone" },
    });
    await prisma.orgSso.create({ data: { orgId: strict.org.id, required: true } });

    const made = await createDrillUser({ url, tag: "t1" });
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: made.email },
      include: { org: true },
    });
    expect(user.orgId).not.toBe(strict.org.id);
    expect(await verifyPassword({ password: made.password, hash: user.passwordHash })).toBe(true);
    expect(isTwoFactorRequired({ rule: user.org.twoFactorRequired, role: user.role })).toBe(false);
    expect(await isPasswordSignInRefused({ user })).toBe(false);
    // The restored organisation's rules are the ones the drill's user escapes, not ignored.
    const strictManager = await prisma.user.findUniqueOrThrow({ where: { id: strict.manager.id } });
    expect(await isPasswordSignInRefused({ user: strictManager })).toBe(true);
  });
});
