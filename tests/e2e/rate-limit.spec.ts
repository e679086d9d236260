// Guards against online password guessing and vendor-link hammering: past the limit the app
// answers 429 with a clear message, and says nothing about whether the account exists.
import { alertMessage, expect, test } from "./fixtures";

// A throwaway address per run, from a documentation IP of its own, so the shared 127.0.0.1
// counters that the other suites sign in from are not touched.
const testIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

test("hammering sign-in for one email ends in 'Too many sign-in attempts'", async ({ browser }) => {
  const ctx = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": testIp() } });
  const page = await ctx.newPage();
  const email = `hammer-${Date.now()}@nowhere.example`;
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("guess-0");
  const submit = page.getByRole("button", { name: "Sign in" });
  // Until the limit (RATE_LIMIT_SIGNIN_PER_EMAIL, 10 by default): the generic message, the same
  // as for any wrong password, whether or not the account exists.
  for (let i = 1; i <= 10; i++) {
    const res = page.waitForResponse("**/api/auth/callback/credentials");
    await page.getByLabel("Password").fill(`guess-${i}`);
    await submit.click();
    expect((await res).status()).toBe(401);
    await expect(alertMessage(page)).toHaveText("Email or password is incorrect.");
  }
  const res = page.waitForResponse("**/api/auth/callback/credentials");
  await submit.click();
  const limited = await res;
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(alertMessage(page)).toHaveText(
    "Too many sign-in attempts. Wait a few minutes and try again.",
  );
  await expect(page).toHaveURL(/\/login/);
  await ctx.close();
});

test("hammering a vendor link gets a plain 429 with Retry-After", async ({ playwright }) => {
  const api = await playwright.request.newContext({
    baseURL: process.env.E2E_BASE_URL,
    extraHTTPHeaders: { "X-Forwarded-For": testIp() },
  });
  const token = `${"Z".repeat(30)}${Date.now()}`.slice(0, 43);
  // RATE_LIMIT_LINK_PER_TOKEN defaults to 1000 per 10 minutes; the next request is one too many.
  const statuses: number[] = [];
  for (let batch = 0; batch < 1000; batch += 50) {
    const n = Math.min(50, 1000 - batch);
    const rs = await Promise.all(
      Array.from({ length: n }, () => api.get(`/respond/${token}`, { maxRedirects: 0 })),
    );
    statuses.push(...rs.map((r) => r.status()));
  }
  expect(statuses.filter((s) => s === 404)).toHaveLength(1000);
  const res = await api.get(`/respond/${token}`);
  expect(res.status()).toBe(429);
  expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await res.text()).toMatch(/^Too many requests\. Wait \d+ minutes? and try again\./);
  await api.dispose();
});
