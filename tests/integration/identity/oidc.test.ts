import { describe, expect, it } from "vitest";
import { claimDomain, updateSsoSettings } from "@/lib/data/org-sso";
import { signInWithOidc } from "@/lib/identity/oidc";
import { ZSsoSettings } from "@/lib/schemas/sso";
import { createOrgWithUsers, setupFreshDatabase } from "../db";

// Guards against the identity provider's word letting the wrong people in: an unverified
// address, a domain nobody claimed, a deactivated account; and new users getting another role
// than their groups map to.
const { prisma } = await setupFreshDatabase();
const a = await createOrgWithUsers(prisma, "oidc-a");
await claimDomain({ orgId: a.org.id, actorId: a.admin.id, domain: "oidc-a.example" });
await updateSsoSettings({
  orgId: a.org.id,
  actorId: a.admin.id,
  input: ZSsoSettings.parse({
    required: false,
    breakGlassEmails: "",
    defaultRole: "manager",
    groupRoles: "board = admin\nops = procurement",
  }),
});
const claims = (email: string, extra: object = {}) => ({
  sub: `sub-${email}`,
  email,
  email_verified: true,
  ...extra,
});

describe("signing in through the identity provider", () => {
  it("refuses an address the provider did not verify, even of an existing user", async () => {
    const r = await signInWithOidc({ claims: { ...claims(a.admin.email), email_verified: false } });
    expect(r).toEqual({ ok: false, reason: "SsoUnverified" });
  });

  it("refuses a new address of a domain no organisation claimed, creating nobody", async () => {
    const r = await signInWithOidc({ claims: claims("x@elsewhere.example") });
    expect(r).toEqual({ ok: false, reason: "SsoDomain" });
    expect(await prisma.user.count({ where: { email: "x@elsewhere.example" } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "auth.sso_refused" } })).toBe(2);
  });

  it("creates a new user of a claimed domain with the first mapped group's role, or the default", async () => {
    for (const [email, groups, role] of [
      // The mapping's order decides, not the order of the groups.
      ["Board.Member@OIDC-A.example", ["ops", "board"], "admin"],
      ["ops@oidc-a.example", "ops", "procurement"],
      ["nobody@oidc-a.example", ["other"], "manager"],
    ] as const) {
      const r = await signInWithOidc({ claims: claims(email, { groups }) });
      expect(r.ok).toBe(true);
      const user = await prisma.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
      expect({ org: user.orgId, role: user.role }).toEqual({ org: a.org.id, role });
    }
  });

  it("signs an existing user in as themselves (groups do not change the role), never a deactivated one", async () => {
    const r = await signInWithOidc({ claims: claims(a.manager.email, { groups: ["board"] }) });
    expect(r).toEqual({ ok: true, user: { id: a.manager.id, sv: a.manager.sessionVersion } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: a.manager.id } })).role).toBe(
      "manager",
    );
    const signIn = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign_in", targetId: a.manager.id },
    });
    expect(signIn.data).toEqual({ method: "oidc" });

    await prisma.user.update({ where: { id: a.manager.id }, data: { active: false } });
    expect(await signInWithOidc({ claims: claims(a.manager.email) })).toEqual({
      ok: false,
      reason: "SsoDeactivated",
    });
  });
});
