// Guards against broken sign-in and stale sessions: a wrong password that lets anyone in, a
// role reaching pages its permissions do not list (403, no menu link), a signed-out visitor
// reaching a page or an API, and a deactivated, reset or re-roled user keeping the old session.
import {
  alertMessage,
  createTempUser,
  DEMO_USERS,
  expect,
  expectAccessible,
  signIn,
  test,
} from "./fixtures";

const STAFF_PAGES = ["/dashboard", "/vendors", "/admin/users", "/admin/settings"];
// What the permission map allows each role (lib/permissions.ts).
const ALLOWED: Record<keyof typeof DEMO_USERS, string[]> = {
  admin: ["/dashboard", "/vendors", "/admin/users", "/admin/settings"],
  procurement: ["/dashboard", "/vendors"],
  manager: ["/dashboard", "/vendors"],
};
const WELCOME: Record<keyof typeof DEMO_USERS, RegExp> = {
  admin: /Manage who can use the workspace/,
  procurement: /send BC\/DR questionnaires/,
  manager: /Review portfolio risk/,
};

test.describe("sign-in", () => {
  for (const role of Object.keys(DEMO_USERS) as (keyof typeof DEMO_USERS)[]) {
    test(`${role} signs in, lands on a dashboard for the role and reaches only what the map allows`, async ({
      page,
    }) => {
      await signIn(page, DEMO_USERS[role]);
      await expect(page.getByRole("banner")).toContainText(DEMO_USERS[role].name);
      await expect(page.getByText(WELCOME[role])).toBeVisible();
      const nav = page.getByRole("navigation", { name: "Main" });
      for (const path of STAFF_PAGES) {
        const label = {
          "/dashboard": "Dashboard",
          "/vendors": "Vendors",
          "/admin/users": "Users",
          "/admin/settings": "Settings",
        }[path]!;
        const allowed = ALLOWED[role].includes(path);
        await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(
          allowed ? 1 : 0,
        );
        const res = await page.goto(path);
        expect(res?.status(), `${role} → ${path}`).toBe(allowed ? 200 : 403);
        if (!allowed)
          await expect(
            page.getByRole("heading", { name: "Not available for your role" }),
          ).toBeVisible();
      }
    });
  }

  test("a wrong password shows an error and does not sign in", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(DEMO_USERS.manager.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(alertMessage(page)).toHaveText("Email or password is incorrect.");
    await expect(page).toHaveURL(/\/login/);
    // The same message for an account that does not exist: nothing reveals which emails exist.
    await page.getByLabel("Email").fill("nobody@demo.example");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(alertMessage(page)).toHaveText("Email or password is incorrect.");
  });

  test("the sign-in form shows field errors from the shared schema", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByText("Enter your password")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
  });
});

test.describe("signed out", () => {
  test("every page redirects to sign-in and every API answers 401", async ({ page, request }) => {
    for (const path of [...STAFF_PAGES, "/"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login/);
    }
    const api = await request.get("/api/vendors");
    expect(api.status()).toBe(401);
    expect(await api.json()).toEqual({ error: "Sign in first." });
  });
});

test.describe("sessions", () => {
  test("a deactivated user's open session stops working at its next request", async ({
    browser,
    db,
  }) => {
    const temp = await createTempUser(db, { role: "procurement", tag: "deact" });
    const userCtx = await browser.newContext();
    const userPage = await userCtx.newPage();
    await signIn(userPage, temp);
    await userPage.goto("/vendors");
    await expect(userPage.getByRole("heading", { name: "Vendors", level: 1 })).toBeVisible();

    const adminCtx = await browser.newContext();
    const adminPage = await adminCtx.newPage();
    await signIn(adminPage, DEMO_USERS.admin);
    await adminPage.goto("/admin/users");
    await adminPage.getByRole("button", { name: `Deactivate ${temp.name}` }).click();
    await adminPage
      .getByRole("dialog", { name: `Deactivate ${temp.name}?` })
      .getByRole("button", { name: `Yes, deactivate ${temp.name}` })
      .click();
    await expect(adminPage.getByRole("status")).toContainText("was deactivated");

    await userPage.goto("/vendors");
    await expect(userPage).toHaveURL(/\/login/);
    // Signing in again is refused too.
    await userPage.getByLabel("Email").fill(temp.email);
    await userPage.getByLabel("Password").fill(temp.password);
    await userPage.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(alertMessage(userPage)).toHaveText("Email or password is incorrect.");
    await userCtx.close();
    await adminCtx.close();
  });

  test("resetting a user's sessions signs them out; a role change applies at once", async ({
    browser,
    db,
  }) => {
    const temp = await createTempUser(db, { role: "manager", tag: "reset" });
    const userCtx = await browser.newContext();
    const userPage = await userCtx.newPage();
    await signIn(userPage, temp);

    const adminCtx = await browser.newContext();
    const adminPage = await adminCtx.newPage();
    await signIn(adminPage, DEMO_USERS.admin);
    await adminPage.goto("/admin/users");
    await adminPage.getByRole("button", { name: `Sign out ${temp.name} everywhere` }).click();
    await expect(adminPage.getByRole("status")).toContainText("sessions were reset");
    await userPage.goto("/dashboard");
    await expect(userPage).toHaveURL(/\/login/);

    await signIn(userPage, temp);
    await adminPage.getByLabel(`Role of ${temp.name}`).selectOption("admin");
    await adminPage
      .getByRole("dialog", { name: `Make ${temp.name} Administrator?` })
      .getByRole("button", { name: `Yes, make ${temp.name} Administrator` })
      .click();
    await expect(adminPage.getByRole("status")).toContainText("is now Administrator");
    // The role change ended the old session; after signing in again the new role applies.
    await userPage.goto("/admin/users");
    await expect(userPage).toHaveURL(/\/login/);
    await signIn(userPage, temp);
    expect((await userPage.goto("/admin/users"))?.status()).toBe(200);
    await userCtx.close();
    await adminCtx.close();
  });
});
