import { describe, expect, it } from "vitest";

// Guards against one organisation taking over another's domain (and with it the new users
// single sign-on brings), releasing another's claim, and "single sign-on required" naming a
// break-glass user who is not one of the organisation's administrators.
process.env.OIDC_ISSUER = "http://127.0.0.1:9/issuer";
process.env.OIDC_CLIENT_ID = "client";
process.env.OIDC_CLIENT_SECRET = "secret";
// Imported once the settings are set: lib/env.ts reads them once.
const {
  claimDomain,
  getSsoSettingsForm,
  isPasswordSignInRefused,
  listOrgDomains,
  releaseDomain,
  updateSsoSettings,
} = await import("@/lib/data/org-sso");
const { ConflictError } = await import("@/lib/errors");
const { ZSsoSettings } = await import("@/lib/schemas/sso");
const { createOrgWithUsers, setupFreshDatabase } = await import("../db");
const { prisma } = await setupFreshDatabase();
const a = await createOrgWithUsers(prisma, "sso-a");
const b = await createOrgWithUsers(prisma, "sso-b");
const settings = (v: Partial<Record<keyof typeof ZSsoSettings.shape, unknown>>) =>
  ZSsoSettings.parse({
    required: false,
    breakGlassEmails: "",
    defaultRole: "procurement",
    groupRoles: "",
    ...v,
  });

describe("claimed domains", () => {
  it("belong to one organisation: a second claim is refused, naming the field", async () => {
    await claimDomain({ orgId: a.org.id, actorId: a.admin.id, domain: "acme.example" });
    const taken = await claimDomain({
      orgId: b.org.id,
      actorId: b.admin.id,
      domain: "acme.example",
    }).catch((e) => e);
    expect(taken).toBeInstanceOf(ConflictError);
    expect(taken).toMatchObject({
      field: "domain",
      message: "Another organisation has claimed this domain",
    });
    await expect(
      claimDomain({ orgId: a.org.id, actorId: a.admin.id, domain: "acme.example" }),
    ).rejects.toThrow("Your organisation has already claimed this domain");
    expect(await prisma.auditEvent.count({ where: { action: "org.domain_claimed" } })).toBe(1);
  });

  it("are released only by their organisation", async () => {
    await releaseDomain({ orgId: b.org.id, actorId: b.admin.id, domain: "acme.example" });
    expect((await listOrgDomains({ orgId: a.org.id })).map((d) => d.domain)).toEqual([
      "acme.example",
    ]);
    await releaseDomain({ orgId: a.org.id, actorId: a.admin.id, domain: "acme.example" });
    expect(await listOrgDomains({ orgId: a.org.id })).toEqual([]);
    expect(await prisma.auditEvent.count({ where: { action: "org.domain_released" } })).toBe(1);
  });
});

describe('"single sign-on required"', () => {
  it("names only active administrators of the organisation as break-glass, and at least one", async () => {
    for (const email of [a.procurement.email, b.admin.email]) {
      await expect(
        updateSsoSettings({
          orgId: a.org.id,
          actorId: a.admin.id,
          input: settings({ required: true, breakGlassEmails: email }),
        }),
      ).rejects.toMatchObject({ field: "breakGlassEmails" });
    }
    await expect(
      updateSsoSettings({
        orgId: a.org.id,
        actorId: a.admin.id,
        input: settings({ required: true }),
      }),
    ).rejects.toMatchObject({ field: "breakGlassEmails" });
    expect(await prisma.orgSso.count()).toBe(0);
  });

  it("refuses password sign-in to everyone but the break-glass admins, in its organisation only", async () => {
    const other = await prisma.user.create({
      data: {
        orgId: a.org.id,
        email: "admin2@sso-a.test",
        name: "Admin 2",
        role: "admin",
        passwordHash: "x",
      },
    });
    await updateSsoSettings({
      orgId: a.org.id,
      actorId: a.admin.id,
      input: settings({
        required: true,
        breakGlassEmails: a.admin.email.toUpperCase(),
        groupRoles: "risk = manager",
      }),
    });
    expect(await isPasswordSignInRefused({ user: a.admin })).toBe(false);
    expect(await isPasswordSignInRefused({ user: other })).toBe(true);
    expect(await isPasswordSignInRefused({ user: a.procurement })).toBe(true);
    expect(await isPasswordSignInRefused({ user: b.procurement })).toBe(false);
    // Demoted, the break-glass admin is refused like everyone else.
    expect(await isPasswordSignInRefused({ user: { ...a.admin, role: "manager" } })).toBe(true);
    expect(await getSsoSettingsForm({ orgId: a.org.id })).toEqual({
      required: true,
      breakGlassEmails: a.admin.email,
      defaultRole: "procurement",
      groupRoles: "risk = manager",
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "org.sso_settings_changed" },
    });
    expect(audit.data).toMatchObject({ from: { required: false }, to: { required: true } });
  });
});
