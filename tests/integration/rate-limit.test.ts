// Guards against password guessing and vendor-link hammering: fixed-window counters shared by
// every app process (RateLimitBucket), counted atomically so concurrent requests cannot slip by.
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

  it("blocks sign-in per email after the failures, the same for unknown accounts", async () => {
    for (const email of ["known@demo.example", "nobody@demo.example"]) {
      for (let i = 0; i < 3; i++) {
        expect(await rl.getSignInBlock({ email, ip: null })).toBeNull();
        await rl.recordFailedSignIn({ email, ip: null });
      }
      expect(await rl.getSignInBlock({ email, ip: null })).toBeGreaterThan(0);
      // Case and spaces do not open a fresh bucket.
      expect(
        await rl.getSignInBlock({ email: ` ${email.toUpperCase()}`, ip: null }),
      ).not.toBeNull();
    }
    expect(await rl.getSignInBlock({ email: "other@demo.example", ip: null })).toBeNull();
  });

  it("blocks sign-in per IP across many emails", async () => {
    const ip = "203.0.113.9";
    for (let i = 0; i < 5; i++) await rl.recordFailedSignIn({ email: `spray${i}@x.example`, ip });
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

  it("reads the client IP from the last X-Forwarded-For hop", () => {
    const headers = new Headers({ "x-forwarded-for": "1.2.3.4, 10.0.0.1" });
    expect(rl.getClientIp({ headers })).toBe("10.0.0.1");
    expect(rl.getClientIp({ headers: new Headers() })).toBeNull();
  });

  it("answers 429 with Retry-After and a plain message", async () => {
    const res = rl.tooManyRequests({ retryAfterSeconds: 90 });
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("90");
    expect(await res.text()).toMatch(/Too many requests\. Wait 2 minutes/);
  });
});
