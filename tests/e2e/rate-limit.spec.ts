// Guards against online password guessing and vendor-link hammering: past the limit the app
// answers 429 with a clear message, and says nothing about whether the account exists. Also
// against dodging the limits (a forged X-Forwarded-For used to buy a fresh per-address budget;
// parallel guesses all passed one check) and abusing them (guesses from anywhere used to lock
// the account out for its owner).
import { signInLimits } from "@/lib/security/rate-limit";
import { alertMessage, createTempUser, expect, type TDb, test } from "./fixtures";
import { directClient, documentationIp, rawRequest, signInRaw, TRUSTED_PROXY } from "./raw-http";

/** Marks an address as having used up its sign-in budget (RATE_LIMIT_SIGNIN_PER_IP, 100). */
async function exhaustAddress(db: TDb, ip: string) {
  const [, address] = signInLimits({ email: "any@x.example", ip });
  const windowEnd = new Date(Date.now() + 10 * 60_000);
  await db.rateLimitBucket.upsert({
    where: { key: address!.key },
    create: { key: address!.key, count: 100, windowEnd },
    update: { count: 100, windowEnd },
  });
}

const bucketCount = async (db: TDb, ip: string) => {
  const [, address] = signInLimits({ email: "any@x.example", ip });
  return (await db.rateLimitBucket.findUnique({ where: { key: address!.key } }))?.count ?? 0;
};

test("hammering sign-in for one email ends in 'Too many sign-in attempts'", async ({ page }) => {
  const email = `hammer-${Date.now()}@nowhere.example`;
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("guess-0");
  const submit = page.getByRole("button", { name: "Sign in", exact: true });
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
});

test("a direct client that forges X-Forwarded-For gets no fresh budget", async ({ db }) => {
  const client = directClient();
  await exhaustAddress(db, client);
  const res = await signInRaw({
    from: client,
    forwardedFor: documentationIp(), // a fresh address, claimed by the client itself
    email: `forger-${Date.now()}@nowhere.example`,
    password: "guess-1",
  });
  expect(res.status).toBe(429);
  expect(res.retryAfter).toBeGreaterThan(0);
});

test("behind a trusted proxy, a client is counted by the address the proxy names", async ({
  db,
}) => {
  const blocked = documentationIp();
  const fresh = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
  await exhaustAddress(db, blocked);
  const email = `proxied-${Date.now()}@nowhere.example`;
  const viaProxy = (forwardedFor: string) =>
    signInRaw({ from: TRUSTED_PROXY, forwardedFor, email, password: "guess-1" });
  expect((await viaProxy(blocked)).status).toBe(429);
  // Hops a client forged before the proxy's own are not believed: the proxy's hop counts.
  expect((await viaProxy(`${blocked}, ${fresh}`)).status).toBe(401);
  expect(await bucketCount(db, fresh)).toBe(1);
  expect(await bucketCount(db, TRUSTED_PROXY)).toBe(0);
});

test("60 parallel guesses get at most 10 password checks", async ({ db }) => {
  const user = await createTempUser(db, { role: "procurement", tag: "parallel" });
  const ip = documentationIp();
  const results = await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      signInRaw({ from: TRUSTED_PROXY, forwardedFor: ip, email: user.email, password: `g-${i}` }),
    ),
  );
  expect(results.every((r) => r.status === 401 || r.status === 429)).toBe(true);
  const checks = await db.auditEvent.count({
    where: { action: "auth.sign_in_failed", actorLabel: user.email },
  });
  expect(checks).toBeLessThanOrEqual(10);
  expect(checks).toBeGreaterThan(0);
});

test("guesses from one address do not lock the owner out elsewhere; the guesser waits longer", async ({
  db,
}) => {
  const user = await createTempUser(db, { role: "procurement", tag: "lockout" });
  const guesser = documentationIp();
  const owner = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
  const from = (ip: string, password: string) =>
    signInRaw({ from: TRUSTED_PROXY, forwardedFor: ip, email: user.email, password });
  for (let i = 0; i < 10; i++) expect((await from(guesser, `wrong-${i}`)).status).toBe(401);
  const first = await from(guesser, user.password);
  expect(first.status).toBe(429);
  const second = await from(guesser, user.password);
  expect(second.status).toBe(429);
  expect(second.retryAfter).toBeGreaterThan(first.retryAfter * 1.5);
  // The owner, from their own address, signs in.
  const ok = await from(owner, user.password);
  expect(ok.status).toBe(200);
  expect(ok.session).not.toBeNull();
});

test("hammering a vendor link gets a plain 429 with Retry-After", async () => {
  // Through the trusted proxy with an address of its own, so the per-address link counter of
  // 127.0.0.1, which the other suites use, is not touched.
  const headers = { "X-Forwarded-For": documentationIp() };
  const token = `${"Z".repeat(30)}${Date.now()}`.slice(0, 43);
  const get = () => rawRequest({ from: TRUSTED_PROXY, path: `/respond/${token}`, headers });
  // RATE_LIMIT_LINK_PER_TOKEN defaults to 1000 per 10 minutes; the next request is one too many.
  const statuses: number[] = [];
  for (let batch = 0; batch < 1000; batch += 50) {
    const n = Math.min(50, 1000 - batch);
    const rs = await Promise.all(Array.from({ length: n }, get));
    statuses.push(...rs.map((r) => r.status));
  }
  expect(statuses.filter((s) => s === 404)).toHaveLength(1000);
  const res = await get();
  expect(res.status).toBe(429);
  expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
  expect(res.body).toMatch(/^Too many requests\. Wait \d+ minutes? and try again\./);
});
