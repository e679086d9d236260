import crypto from "node:crypto";
import { db } from "../db";

// Fixed-window counters in the RateLimitBucket table, so every app process shares them.
// Limits come from the environment (see readLimit) so that tests and deployments can tune them.

export type TLimit = { key: string; limit: number; windowSeconds: number };
export type TRateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

function readLimit(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export const rateLimits = () => ({
  signInPerEmail: readLimit("RATE_LIMIT_SIGNIN_PER_EMAIL", 10),
  signInPerIp: readLimit("RATE_LIMIT_SIGNIN_PER_IP", 100),
  signInWindowSeconds: readLimit("RATE_LIMIT_SIGNIN_WINDOW_SECONDS", 15 * 60),
  linkPerToken: readLimit("RATE_LIMIT_LINK_PER_TOKEN", 1000),
  linkPerIp: readLimit("RATE_LIMIT_LINK_PER_IP", 5000),
  linkWindowSeconds: readLimit("RATE_LIMIT_LINK_WINDOW_SECONDS", 10 * 60),
});

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

/** Counts one hit atomically (a single upsert) and says whether it is still within the limit. */
export async function hitRateLimit({
  key,
  limit,
  windowSeconds,
}: TLimit): Promise<TRateLimitResult> {
  // Timestamps are stored as UTC without a zone (Prisma's convention), so compare in UTC.
  const rows = await db.$queryRaw<{ count: number; retryAfter: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowEnd")
    VALUES (${key}, 1, (now() AT TIME ZONE 'UTC') + ${windowSeconds}::int * interval '1 second')
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowEnd" <= (now() AT TIME ZONE 'UTC')
                THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowEnd" = CASE WHEN "RateLimitBucket"."windowEnd" <= (now() AT TIME ZONE 'UTC')
                THEN EXCLUDED."windowEnd" ELSE "RateLimitBucket"."windowEnd" END
    RETURNING "count",
      ceil(extract(epoch FROM "windowEnd" - (now() AT TIME ZONE 'UTC')))::int AS "retryAfter"`;
  const row = rows[0]!;
  if (Math.random() < 0.01) await deleteExpiredBuckets();
  return {
    allowed: row.count <= limit,
    count: row.count,
    retryAfterSeconds: Math.max(1, row.retryAfter),
  };
}

/** Reads a counter without counting: is the limit already reached in the current window? */
export async function peekRateLimit({ key, limit }: Omit<TLimit, "windowSeconds">) {
  const rows = await db.$queryRaw<{ count: number; retryAfter: number }[]>`
    SELECT "count", ceil(extract(epoch FROM "windowEnd" - (now() AT TIME ZONE 'UTC')))::int AS "retryAfter"
    FROM "RateLimitBucket" WHERE "key" = ${key} AND "windowEnd" > (now() AT TIME ZONE 'UTC')`;
  const row = rows[0];
  return {
    allowed: !row || row.count < limit,
    count: row?.count ?? 0,
    retryAfterSeconds: Math.max(1, row?.retryAfter ?? 0),
  };
}

async function deleteExpiredBuckets() {
  await db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "windowEnd" < (now() AT TIME ZONE 'UTC') - interval '1 day'`;
}

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (Next.js
 * fills it from the socket when no proxy set it). A client talking to the app directly can
 * forge it, so per-IP limits only bind behind a reverse proxy that appends the address.
 */
export function getClientIp({ headers }: { headers: Headers }): string | null {
  const hops = headers.get("x-forwarded-for")?.split(",") ?? [];
  const last = hops[hops.length - 1]?.trim();
  return last || headers.get("x-real-ip") || null;
}

/** Failed sign-ins count per email (known or not, so nothing reveals which exist) and per IP. */
export function signInLimits({ email, ip }: { email: string; ip: string | null }): TLimit[] {
  const l = rateLimits();
  const w = l.signInWindowSeconds;
  return [
    {
      key: `signin:email:${sha256(email.trim().toLowerCase())}`,
      limit: l.signInPerEmail,
      windowSeconds: w,
    },
    ...(ip ? [{ key: `signin:ip:${sha256(ip)}`, limit: l.signInPerIp, windowSeconds: w }] : []),
  ];
}

/** Seconds to wait when sign-in is blocked for this email or IP, else null. */
export async function getSignInBlock({ email, ip }: { email: string; ip: string | null }) {
  for (const lim of signInLimits({ email, ip })) {
    const r = await peekRateLimit(lim);
    if (!r.allowed) return r.retryAfterSeconds;
  }
  return null;
}

export async function recordFailedSignIn({ email, ip }: { email: string; ip: string | null }) {
  for (const lim of signInLimits({ email, ip })) await hitRateLimit(lim);
}

/** Counts one vendor-link request per token hash and per IP; seconds to wait, or null. */
export async function hitLinkLimit({ token, ip }: { token: string; ip: string | null }) {
  const l = rateLimits();
  const w = l.linkWindowSeconds;
  const limits: TLimit[] = [
    { key: `link:token:${sha256(token)}`, limit: l.linkPerToken, windowSeconds: w },
    ...(ip ? [{ key: `link:ip:${sha256(ip)}`, limit: l.linkPerIp, windowSeconds: w }] : []),
  ];
  let wait: number | null = null;
  for (const lim of limits) {
    const r = await hitRateLimit(lim);
    if (!r.allowed) wait = Math.max(wait ?? 0, r.retryAfterSeconds);
  }
  return wait;
}

export function tooManyRequests({ retryAfterSeconds }: { retryAfterSeconds: number }) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new Response(
    `Too many requests. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.\n`,
    {
      status: 429,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Retry-After": String(retryAfterSeconds),
      },
    },
  );
}
