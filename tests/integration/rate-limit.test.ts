// Guards against password guessing and vendor-link hammering: fixed-window counters shared by
// every app process (RateLimitBucket), counted atomically so concurrent requests cannot slip by.
// The client address they are keyed by is tested in tests/unit/security/client-address.test.ts.
import { beforeAll, describe, expect, it } from "vitest";

process.env.RATE_LIMIT_SIGNIN_PER_EMAIL = "3";
process.env.RATE_LIMIT_SIGNIN_PER_IP = "5";
process.env.RATE_LIMIT_LINK_PER_TOKEN = "4";
process.env.RATE_LIMIT_LINK_PER_IP = "6";

const { setupFreshDatabase } = await import("./db");
const rl = await import("@/lib/security/rate-limit");

describe("rate limits", () => {
  let prisma: Awaited<ReturnType<typeof setupFreshDatabase>>["prisma"];
  beforeAll(async () => {
    ({ prisma } = await setupFreshDatabase());
  });

  it("counts hits in a fixed window and refuses past the limit, with the time to wait", async () => {
    const lim = { key: "t:fixed", limit: 3, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await rl.hitRateLimit(lim));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.count)).toEqual([1, 2, 3, 4, 5]);
    expect(results[4]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(results[4]!.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("is atomic: 50 concurrent hits count exactly 50", async () => {
    const lim = { key: "t:concurrent", limit: 10, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 50 }, () => rl.hitRateLimit(lim)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(Math.max(...results.map((r) => r.count))).toBe(50);
  });

  it("starts a new window once the old one has ended", async () => {
    const lim = { key: "t:window", limit: 1, windowSeconds: 60 };
    await rl.hitRateLimit(lim);
    expect((await rl.hitRateLimit(lim)).allowed).toBe(false);
    await prisma.rateLimitBucket.update({
      where: { key: lim.key },
      data: { windowEnd: new Date(Date.now() - 1000) },
    });
    const fresh = await rl.hitRateLimit(lim);
    expect(fresh).toMatchObject({ allowed: true, count: 1 });
    expect((await rl.peekRateLimit(lim)).count).toBe(1);
  });

  it("counts sign-in attempts per account and address, the same for unknown accounts", async () => {
    for (const [email, ip] of [
      ["known@demo.example", "192.0.2.1"],
      ["nobody@demo.example", "192.0.2.2"],
    ] as const) {
      for (let i = 0; i < 3; i++) expect(await rl.countSignInAttempt({ email, ip })).toBeNull();
      expect(await rl.getSignInBlock({ email, ip })).toBeGreaterThan(0);
      // Case and spaces do not open a fresh bucket.
      expect(await rl.getSignInBlock({ email: ` ${email.toUpperCase()}`, ip })).not.toBeNull();
    }
    expect(await rl.getSignInBlock({ email: "other@demo.example", ip: "192.0.2.1" })).toBeNull();
  });

  // Guards against locking an account out for its owner: guesses from one address used to
  // block the account (the right password then got 429) from everywhere.
  it("a guesser's address is blocked, the same account from another address is not", async () => {
    const email = "victim@demo.example";
    for (let i = 0; i < 4; i++) await rl.countSignInAttempt({ email, ip: "192.0.2.66" });
    expect(await rl.getSignInBlock({ email, ip: "192.0.2.66" })).not.toBeNull();
    expect(await rl.getSignInBlock({ email, ip: "192.0.2.77" })).toBeNull();
    expect(await rl.countSignInAttempt({ email, ip: "192.0.2.77" })).toBeNull();
  });

  it("a source that keeps trying past its limit waits longer each time", async () => {
    const source = { email: "persistent@demo.example", ip: "192.0.2.88" };
    for (let i = 0; i < 3; i++) await rl.countSignInAttempt(source);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) waits.push((await rl.countSignInAttempt(source))!);
    const window = rl.rateLimits().signInWindowSeconds;
    expect(waits[0]).toBeGreaterThan(window - 5);
    expect(waits[0]).toBeLessThanOrEqual(window + 1); // rounded up to whole seconds
    for (let i = 1; i < waits.length; i++) {
      expect(waits[i]).toBeGreaterThan(waits[i - 1]! * 1.9);
    }
  });

  // Guards against parallel guessing: limits used to be checked before they were counted,
  // so 60 guesses sent at once got 22 password checks against a limit of 10.
  it("counts parallel attempts atomically: 60 at once, only the limit's worth allowed", async () => {
    const source = { email: "parallel@demo.example", ip: "192.0.2.99" };
    const waits = await Promise.all(
      Array.from({ length: 60 }, () => rl.countSignInAttempt(source)),
    );
    expect(waits.filter((w) => w === null)).toHaveLength(3);
  });

  it("a successful sign-in gives its attempt back", async () => {
    const source = { email: "ok@demo.example", ip: "192.0.2.111" };
    for (let i = 0; i < 3; i++) await rl.countSignInAttempt(source);
    await rl.refundSignInAttempt(source);
    expect(await rl.getSignInBlock(source)).toBeNull();
    const [, address] = rl.signInLimits(source);
    expect((await rl.peekRateLimit(address!)).count).toBe(2);
  });

  it("blocks sign-in per address across many emails", async () => {
    const ip = "203.0.113.9";
    for (let i = 0; i < 5; i++) await rl.countSignInAttempt({ email: `spray${i}@x.example`, ip });
    expect(await rl.getSignInBlock({ email: "fresh@x.example", ip })).not.toBeNull();
    expect(await rl.getSignInBlock({ email: "fresh@x.example", ip: "203.0.113.10" })).toBeNull();
  });

  it("limits a vendor link per token and per IP", async () => {
    const token = "T".repeat(43);
    for (let i = 0; i < 4; i++) expect(await rl.hitLinkLimit({ token, ip: null })).toBeNull();
    expect(await rl.hitLinkLimit({ token, ip: null })).toBeGreaterThan(0);
    const ip = "198.51.100.7";
    for (let i = 0; i < 6; i++) expect(await rl.hitLinkLimit({ token: `tok-${i}`, ip })).toBeNull();
    expect(await rl.hitLinkLimit({ token: "tok-new", ip })).toBeGreaterThan(0);
  });

  it("stores no raw email, IP or token in the table", async () => {
    const keys = (await prisma.rateLimitBucket.findMany()).map((b) => b.key).join(" ");
    expect(keys).not.toMatch(/@|203\.0\.113|TTTT/);
  });

  it("answers 429 with Retry-After and a plain message", async () => {
    const res = rl.tooManyRequests({ retryAfterSeconds: 90 });
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("90");
    expect(await res.text()).toMatch(/Too many requests\. Wait 2 minutes/);
  });
});
