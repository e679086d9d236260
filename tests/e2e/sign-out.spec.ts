// Guards against a session outliving its sign-out: sessions are tokens in a cookie, and signing
// out used to delete only the browser's copy, so a copy of the cookie taken before (from a
// shared machine, a proxy log, malware) kept working for up to 12 hours.
import { createTempUser, expect, signIn, test } from "./fixtures";

test("a cookie copied before sign-out stops working; the user's other sessions go on", async ({
  browser,
  db,
}) => {
  const user = await createTempUser(db, { role: "procurement", tag: "signout" });
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  const laptopPage = await laptop.newPage();
  const phonePage = await phone.newPage();
  await signIn(laptopPage, user);
  await signIn(phonePage, user);
  const copied = await laptop.cookies();
  expect(copied.some((c) => c.name.includes("session-token"))).toBe(true);

  await laptopPage.getByRole("button", { name: "Sign out", exact: true }).click();
  await laptopPage.waitForURL("**/login");

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const page = await thief.request.get("/dashboard", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toMatch(/\/login/);
  expect((await thief.request.get("/api/vendors")).status()).toBe(401);

  // The phone's session is another one: still signed in.
  expect((await phone.request.get("/api/vendors")).status()).toBe(200);
  await phonePage.goto("/dashboard");
  await expect(phonePage).toHaveURL(/\/dashboard/);

  const { id } = await db.user.findUniqueOrThrow({ where: { email: user.email } });
  expect(await db.auditEvent.count({ where: { action: "auth.sign_out", targetId: id } })).toBe(1);
  await Promise.all([laptop.close(), phone.close(), thief.close()]);
});
