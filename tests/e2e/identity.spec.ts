// Guards against staff accounts anyone can take over or keep: an invitation or reset link that
// works for someone else or twice, a reset that leaves a stolen session open, a second factor
// that can be skipped or a recovery code reused, and common passwords accepted (issue 21).
import type { Browser, Page } from "@playwright/test";
import { hashPassword } from "@/lib/passwords";
import {
  alertMessage,
  createTempUser,
  DEMO_USERS,
  expect,
  expectAccessible,
  signIn,
  test,
} from "./fixtures";
import { waitForLink } from "./mail";
import { appCode } from "./totp";

const unique = (tag: string) =>
  `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@demo.example`;

/** A page of its own browser context (axe checks need one). */
const newPage = async (browser: Browser) => (await browser.newContext()).newPage();

/** The sign-in form, up to the second step when the account asks for one. */
async function enterPassword(page: Page, { email, password }: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL("**/login");
}

test("invite → the invitee sets a password (a common one refused) → signs in", async ({
  browser,
  db,
}) => {
  const admin = await newPage(browser);
  await signIn(admin, DEMO_USERS.admin);
  await admin.goto("/admin/users");
  const email = unique("invitee");
  const after = Date.now();
  const form = admin.getByRole("form", { name: "Invite a colleague" });
  await form.getByLabel("Name").fill("Ivy Invitee");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("manager");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(admin.getByTestId(`invitation-row-${email}`)).toBeVisible();
  const link = await waitForLink({ to: email, subject: /invited/, after, route: "invite" });
  // Nothing but an opaque token in the link; only its hash is stored.
  const token = link.split("/invite/")[1]!;
  expect(await db.staffInvitation.count({ where: { tokenHash: token } })).toBe(0);

  const invitee = await newPage(browser);
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Join your team" })).toBeVisible();
  await expectAccessible(invitee);
  const password = invitee.getByLabel("New password", { exact: true });
  await password.fill("qwerty123456");
  await invitee.getByRole("button", { name: "Set password and join" }).click();
  await expect(invitee.getByText(/Password is too common/).first()).toBeVisible();
  await expect(password).toHaveAttribute("aria-invalid", "true");
  expect(await db.user.count({ where: { email } })).toBe(0);

  await password.fill("ivy's own long passphrase");
  await invitee.getByRole("button", { name: "Set password and join" }).click();
  await invitee.waitForURL("**/login");
  await signIn(invitee, { email, password: "ivy's own long passphrase" });
  await expect(invitee.getByText("Ivy Invitee").first()).toBeVisible();
  expect(await db.user.findUnique({ where: { email }, select: { role: true } })).toEqual({
    role: "manager",
  });
  // The link worked once.
  await invitee.goto(link);
  await expect(alertMessage(invitee)).toHaveText(/accepted already/);
});

test("forgot password: the same answer for any address; the reset ends every old session", async ({
  browser,
  db,
}) => {
  const user = await createTempUser(db, { role: "procurement", tag: "reset" });
  const stolen = await browser.newContext();
  const old = await stolen.newPage();
  await signIn(old, user);

  const page = await newPage(browser);
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await page.waitForURL("**/forgot-password");
  await expectAccessible(page);
  const answers: string[] = [];
  for (const email of [unique("nobody"), user.email]) {
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    const answer = page.getByRole("status").filter({ hasText: /Check your mail/ });
    await expect(answer).toBeVisible();
    answers.push((await answer.textContent()) ?? "");
    await page.reload();
  }
  expect(answers[0]).toBe(answers[1]);
  const link = await waitForLink({
    to: user.email,
    subject: /Reset your/,
    route: "reset-password",
  });

  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("a fresh reset passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await page.waitForURL("**/login");

  // The session signed in before the reset is over.
  const res = await stolen.request.get("/dashboard", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toMatch(/\/login/);
  await enterPassword(page, user);
  await expect(alertMessage(page)).toHaveText("Email or password is incorrect.");
  await signIn(page, { email: user.email, password: "a fresh reset passphrase" });
  await stolen.close();
});

test("TOTP: enrol from the profile, sign in with a generated code; a recovery code works once", async ({
  page,
  db,
}) => {
  const user = await createTempUser(db, { role: "manager", tag: "totp" });
  await signIn(page, user);
  await page.goto("/profile");
  await page.getByRole("link", { name: "Set up two-factor sign-in" }).click();
  await page.waitForURL("**/two-factor");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expectAccessible(page);
  const secret = (await page.getByTestId("totp-key").textContent())!.trim();
  await page.getByLabel("Code from your app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText(/That code is not right/).first()).toBeVisible();
  await page.getByLabel("Code from your app").fill(appCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  // allTextContents() does not wait: wait for the ten codes to be shown first.
  const recovery = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(recovery).toHaveCount(10);
  const codes = await recovery.allTextContents();
  expect(new Set(codes).size).toBe(10);
  await page.getByRole("link", { name: "Continue to the app" }).click();
  await page.waitForURL("**/dashboard");
  await signOut(page);

  // The password alone no longer signs in: the code is asked for, and a wrong one refused.
  await enterPassword(page, user);
  await expect(page.getByLabel("Authentication code")).toBeFocused();
  expect(page.url()).not.toContain(user.password);
  await enterCode(page, "123456");
  await expect(alertMessage(page)).toHaveText(/That code is not right/);
  // The enrolment spent the current step: the app's next code signs in.
  await enterCode(page, appCode(secret, { next: true }));
  await page.waitForURL("**/dashboard");
  await signOut(page);

  await enterPassword(page, user);
  await enterCode(page, codes[0]!);
  await page.waitForURL("**/dashboard");
  await signOut(page);
  await enterPassword(page, user);
  await enterCode(page, codes[0]!);
  await expect(alertMessage(page)).toHaveText(/That code is not right/);

  const events = await db.auditEvent.findMany({
    where: { targetId: (await db.user.findUniqueOrThrow({ where: { email: user.email } })).id },
    select: { action: true, data: true },
  });
  const methods = events
    .filter((e) => e.action === "auth.sign_in")
    .map((e) => (e.data as { method?: string }).method);
  expect(methods).toEqual(
    expect.arrayContaining(["password", "password+totp", "password+recovery_code"]),
  );
  expect(events.map((e) => e.action)).toEqual(
    expect.arrayContaining(["auth.2fa_enrolled", "auth.2fa_recovery_code_used"]),
  );
});

test("an organisation requiring two-factor sends an admin without it to set it up first", async ({
  page,
  db,
}) => {
  const tag = Date.now().toString(36);
  const org = await db.organization.create({
    data: { name: `Strict Org ${tag}`, slug: `strict-${tag}`, twoFactorRequired: "admins" },
  });
  const email = `strict-admin-${tag}@strict.example`;
  const password = "strict admin passphrase";
  await db.user.create({
    data: {
      orgId: org.id,
      email,
      name: "Strict Admin",
      role: "admin",
      passwordHash: await hashPassword({ password }),
    },
  });
  await enterPassword(page, { email, password });
  await page.waitForURL("**/two-factor");
  await expect(page.getByText(/requires a code from an authenticator app/)).toBeVisible();
  // Nothing else opens until it is set up.
  await page.goto("/vendors");
  await page.waitForURL("**/two-factor");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await page.getByTestId("totp-key").textContent())!.trim();
  await page.getByLabel("Code from your app").fill(appCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await page.getByRole("link", { name: "Continue to the app" }).click();
  await page.waitForURL("**/dashboard");
});
