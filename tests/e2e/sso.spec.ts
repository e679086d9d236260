// Guards against single sign-on letting the wrong people in: an address the provider did not
// verify, a domain no organisation claimed, a deactivated account the provider still vouches
// for, a new user getting more than the group mapping gives, and "single sign-on required"
// leaving password sign-in open to anyone but the named break-glass administrators.
import type { Page } from "@playwright/test";
import { hashPassword } from "@/lib/passwords";
import {
  alertMessage,
  appDatabase,
  createTempUser,
  expect,
  expectAccessible,
  signIn,
  type TDb,
  test,
} from "./fixtures";
import { startIdp, type TIdp, type TIdpAccount } from "./oidc-idp";

const tag = `sso${Date.now().toString(36)}`;
const DOMAIN = `${tag}.example`;
const ADMIN = { email: `admin@${DOMAIN}`, password: `sso-admin-pass-${tag}` };
const STAFF = { email: `staff@${DOMAIN}`, password: `sso-staff-pass-${tag}` };

let idp: TIdp;
// Each test makes one to three round trips through the provider, each with several redirects.
test.describe.configure({ timeout: 240_000 });

/** An account at the provider; its login name is the address's local part and the tag. */
function idpAccount(account: Partial<TIdpAccount> & { email: string }): string {
  const login = `${account.email.split("@")[0]}-${Math.random().toString(36).slice(2, 8)}`;
  idp.accounts.set(login, { email_verified: true, name: login, groups: [], ...account });
  return login;
}

/** The app's "Sign in with Test IdP", then the provider's own sign-in page. */
async function signInThroughIdp(page: Page, login: string) {
  // Signed out of both the app and the provider, so the provider asks who this is.
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password will do");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function lastAudit(db: TDb, action: string, actorLabel: string) {
  return db.auditEvent.findFirst({ where: { action, actorLabel }, orderBy: { createdAt: "desc" } });
}

test.beforeAll(async () => {
  idp = await startIdp();
  const db = appDatabase();
  const org = await db.organization.create({ data: { name: `SSO Org ${tag}`, slug: tag } });
  await db.organization.create({
    data: {
      name: `Other SSO Org ${tag}`,
      slug: `${tag}-other`,
      domains: { create: { domain: `taken-${DOMAIN}` } },
    },
  });
  for (const [u, role] of [
    [ADMIN, "admin"],
    [STAFF, "procurement"],
  ] as const) {
    await db.user.create({
      data: {
        orgId: org.id,
        email: u.email,
        name: `${role} ${tag}`,
        role,
        passwordHash: await hashPassword({ password: u.password }),
      },
    });
  }
  await db.$disconnect();
});

test.afterAll(async () => {
  await idp?.close();
});

test("an admin claims a domain and maps a group; a new user of it joins with the mapped role", async ({
  page,
  browser,
  db,
}) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/settings");
  const claim = page.getByRole("form", { name: "Claim a domain" });
  await claim.getByLabel("Domain").fill("https://bad domain");
  await claim.getByRole("button", { name: "Claim domain" }).click();
  await expect(claim.getByLabel("Domain")).toHaveAccessibleDescription(
    /Domain must be a domain name/,
  );
  await claim.getByLabel("Domain").fill(DOMAIN.toUpperCase());
  await claim.getByRole("button", { name: "Claim domain" }).click();
  await expect(page.getByRole("list", { name: "Claimed domains" })).toContainText(DOMAIN);
  // A domain another organisation holds: refused, naming the field.
  await claim.getByLabel("Domain").fill(`taken-${DOMAIN}`);
  await claim.getByRole("button", { name: "Claim domain" }).click();
  await expect(claim.getByLabel("Domain")).toHaveAccessibleDescription(
    /Another organisation has claimed this domain/,
  );

  const sso = page.getByRole("form", { name: "Single sign-on settings" });
  await sso.getByLabel("Group to role mapping").fill("risk-team = root");
  await sso.getByRole("button", { name: "Save single sign-on settings" }).click();
  await expect(sso.getByLabel("Group to role mapping")).toHaveAccessibleDescription(
    /Group to role mapping, line 1/,
  );
  await sso.getByLabel("Group to role mapping").fill("auditors = manager\nrisk-team = manager");
  await sso.getByLabel("Role of a new user").selectOption("procurement");
  await sso.getByRole("button", { name: "Save single sign-on settings" }).click();
  await expect(sso.getByRole("status")).toHaveText("Single sign-on settings saved.");
  await expectAccessible(page);

  const mapped = idpAccount({
    email: `risk.lead@${DOMAIN}`,
    name: "Rita Risk",
    groups: ["risk-team"],
  });
  const unmapped = idpAccount({ email: `plain@${DOMAIN}`, name: "Pat Plain", groups: ["other"] });
  for (const [login, role, name] of [
    [mapped, "manager", "Rita Risk"],
    [unmapped, "procurement", "Pat Plain"],
  ] as const) {
    const ctx = await browser.newContext();
    const userPage = await ctx.newPage();
    await signInThroughIdp(userPage, login);
    await userPage.waitForURL("**/dashboard");
    await expect(userPage.getByRole("banner")).toContainText(name);
    const email = idp.accounts.get(login)!.email;
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { org: true } });
    expect(user.role).toBe(role);
    expect(user.org.slug).toBe(tag);
    const signedIn = await db.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign_in", targetId: user.id },
    });
    expect(signedIn.data).toEqual({ method: "oidc" });
    await ctx.close();
  }
  expect(
    await db.auditEvent.count({
      where: { action: "org.domain_claimed", data: { equals: { domain: DOMAIN } } },
    }),
  ).toBe(1);
});

test("an existing user signs in through the provider as themselves, role unchanged", async ({
  page,
  db,
}) => {
  // A demo-organisation user: no claimed domain needed for an account that exists.
  const temp = await createTempUser(db, { role: "manager", tag: "sso-existing" });
  const login = idpAccount({ email: temp.email.toUpperCase(), groups: ["risk-team"] });
  await signInThroughIdp(page, login);
  await page.waitForURL("**/dashboard");
  await expect(page.getByRole("banner")).toContainText(temp.name);
  const user = await db.user.findUniqueOrThrow({ where: { email: temp.email } });
  expect(user.role).toBe("manager");
  expect(user.lastSignInAt).not.toBeNull();
});

test("two-factor sign-in is for password accounts: the provider's sign-in is not sent to enrol", async ({
  page,
  db,
}) => {
  const org = await db.organization.findUniqueOrThrow({ where: { slug: tag } });
  await db.organization.update({ where: { id: org.id }, data: { twoFactorRequired: "everyone" } });
  try {
    // By password, the rule holds: no authenticator set up yet, so the enrolment comes first.
    await page.goto("/login");
    await page.getByLabel("Email").fill(STAFF.email);
    await page.getByLabel("Password").fill(STAFF.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("**/two-factor");
    // Through the identity provider, the same account reaches its dashboard.
    await signInThroughIdp(page, idpAccount({ email: STAFF.email }));
    await page.waitForURL("**/dashboard");
    await page.goto("/vendors");
    await expect(page).toHaveURL(/\/vendors$/);
  } finally {
    await db.organization.update({ where: { id: org.id }, data: { twoFactorRequired: "off" } });
  }
});

test("another domain, an unverified address and a deactivated user are refused", async ({
  page,
  db,
}) => {
  const stranger = idpAccount({ email: `someone@elsewhere-${DOMAIN}` });
  await signInThroughIdp(page, stranger);
  await page.waitForURL(/\/login\?error=SsoDomain$/);
  await expect(alertMessage(page)).toContainText(
    "Your email address's domain is not registered with any organisation here.",
  );
  expect(await db.user.count({ where: { email: `someone@elsewhere-${DOMAIN}` } })).toBe(0);
  expect((await lastAudit(db, "auth.sso_refused", `someone@elsewhere-${DOMAIN}`))?.data).toEqual({
    reason: "SsoDomain",
    method: "oidc",
  });
  await expectAccessible(page);

  // The claimed domain, but the provider does not say it verified the address.
  const unverified = idpAccount({ email: `unverified@${DOMAIN}`, email_verified: false });
  await signInThroughIdp(page, unverified);
  await page.waitForURL(/\/login\?error=SsoUnverified$/);
  await expect(alertMessage(page)).toContainText("did not confirm your email address");
  expect(await db.user.count({ where: { email: `unverified@${DOMAIN}` } })).toBe(0);

  const gone = await db.user.update({
    where: { email: STAFF.email },
    data: { active: false },
  });
  try {
    await signInThroughIdp(page, idpAccount({ email: STAFF.email }));
    await page.waitForURL(/\/login\?error=SsoDeactivated$/);
    await expect(alertMessage(page)).toHaveText(
      "This account is deactivated. Ask your administrator.",
    );
    expect((await lastAudit(db, "auth.sso_refused", STAFF.email))?.targetId).toBe(gone.id);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login/);
  } finally {
    await db.user.update({ where: { email: STAFF.email }, data: { active: true } });
  }
});

test('"single sign-on required" refuses password sign-in except to break-glass admins', async ({
  page,
  browser,
  db,
}) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/settings");
  const sso = page.getByRole("form", { name: "Single sign-on settings" });
  await sso.getByLabel("Single sign-on required").check();
  await sso.getByLabel("Break-glass administrators").fill(STAFF.email);
  await sso.getByRole("button", { name: "Save single sign-on settings" }).click();
  await expect(sso.getByLabel("Break-glass administrators")).toHaveAccessibleDescription(
    /must be active administrators of this organisation/,
  );
  await sso.getByLabel("Break-glass administrators").fill(ADMIN.email);
  await sso.getByRole("button", { name: "Save single sign-on settings" }).click();
  await expect(sso.getByRole("status")).toHaveText("Single sign-on settings saved.");
  const admin = await db.user.findUniqueOrThrow({ where: { email: ADMIN.email } });
  const changed = await db.auditEvent.findFirstOrThrow({
    where: { action: "org.sso_settings_changed", orgId: admin.orgId },
    orderBy: { createdAt: "desc" },
  });
  expect((changed.data as { to: { required: boolean } }).to.required).toBe(true);

  const staffCtx = await browser.newContext();
  const staffPage = await staffCtx.newPage();
  await staffPage.goto("/login");
  await staffPage.getByLabel("Email").fill(STAFF.email);
  await staffPage.getByLabel("Password").fill(STAFF.password);
  await staffPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(alertMessage(staffPage)).toHaveText(
    "Your organisation requires single sign-on: use the sign-in with your identity provider.",
  );
  await expect(staffPage).toHaveURL(/\/login/);
  expect((await lastAudit(db, "auth.sign_in_failed", STAFF.email))?.data).toEqual({
    reason: "sso_required",
    method: "password",
  });
  // A wrong password still gets the one message for every failure.
  await staffPage.getByLabel("Password").fill("not-the-password-at-all");
  await staffPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(alertMessage(staffPage)).toHaveText("Email or password is incorrect.");
  // The same person through the provider gets in.
  await signInThroughIdp(staffPage, idpAccount({ email: STAFF.email }));
  await staffPage.waitForURL("**/dashboard");
  await staffCtx.close();

  // The break-glass administrator still signs in with a password.
  const adminCtx = await browser.newContext();
  const adminPage = await adminCtx.newPage();
  await signIn(adminPage, ADMIN);
  await expect(adminPage.getByRole("banner")).toContainText(`admin ${tag}`);
  await adminCtx.close();
});
