import crypto from "node:crypto";
import { db } from "../db";

// Fixed-window counters in the RateLimitBucket table, so every app process shares them (a
// window may grow for a source that keeps trying: see THitOptions.backoff).
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
  resetPerEmail: readLimit("RATE_LIMIT_RESET_PER_EMAIL", 5),
  resetPerIp: readLimit("RATE_LIMIT_RESET_PER_IP", 50),
  resetWindowSeconds: readLimit("RATE_LIMIT_RESET_WINDOW_SECONDS", 60 * 60),
  /** REST API calls per token per window (lib/api/define.ts). */
  apiPerToken: readLimit("RATE_LIMIT_API_PER_TOKEN", 600),
  apiWindowSeconds: readLimit("RATE_LIMIT_API_WINDOW_SECONDS", 60),
});

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

export type THitOptions = TLimit & {
  /**
   * Past the limit, each further hit pushes the window's end out to now + windowSeconds ×
   * 2^(hits over the limit − 1), up to 2^MAX_BACKOFF_STEPS windows: the longer a source keeps
   * trying, the longer it waits. Without it the window is fixed.
   */
  backoff?: boolean;
};

const MAX_BACKOFF_STEPS = 6;

/** Counts one hit atomically (a single upsert) and says whether it is still within the limit. */
export async function hitRateLimit({
  key,
  limit,
  windowSeconds,
  backoff = false,
}: THitOptions): Promise<TRateLimitResult> {
  // Timestamps are stored as UTC without a zone (Prisma's convention), so compare in UTC.
  // SET expressions read the row as it was, so "count" + 1 is this hit's count.
  const rows = await db.$queryRaw<{ count: number; retryAfter: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowEnd")
    VALUES (${key}, 1, (now() AT TIME ZONE 'UTC') + ${windowSeconds}::int * interval '1 second')
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowEnd" <= (now() AT TIME ZONE 'UTC')
                THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowEnd" = CASE
        WHEN "RateLimitBucket"."windowEnd" <= (now() AT TIME ZONE 'UTC') THEN EXCLUDED."windowEnd"
        WHEN ${backoff} AND "RateLimitBucket"."count" + 1 > ${limit}::int THEN greatest(
          "RateLimitBucket"."windowEnd",
          (now() AT TIME ZONE 'UTC') + ${windowSeconds}::int * interval '1 second'
            * power(2, least("RateLimitBucket"."count" - ${limit}::int, ${MAX_BACKOFF_STEPS}::int)))
        ELSE "RateLimitBucket"."windowEnd" END
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

export type TSignInSource = { email: string; ip: string | null };

/**
 * Sign-in attempts count per source — this account from this address (known or not, so
 * nothing reveals which accounts exist) — and per address across all accounts. A source past
 * its limit waits longer with each further try (backoff), but only that source: the right
 * password from another address still signs in, so nobody can lock an account out for its owner.
 */
export function signInLimits({ email, ip }: TSignInSource): THitOptions[] {
  const l = rateLimits();
  const w = l.signInWindowSeconds;
  const account = email.trim().toLowerCase();
  return [
    {
      key: `signin:source:${sha256(`${account}\n${ip ?? "unknown"}`)}`,
      limit: l.signInPerEmail,
      windowSeconds: w,
      backoff: true,
    },
    ...(ip ? [{ key: `signin:ip:${sha256(ip)}`, limit: l.signInPerIp, windowSeconds: w }] : []),
  ];
}

/**
 * Counts one sign-in attempt before its password is checked, so parallel guesses cannot all
 * pass one check: seconds to wait when this source or address is over its limit, else null.
 */
export async function countSignInAttempt(source: TSignInSource): Promise<number | null> {
  const [own, address] = signInLimits(source);
  const r = await hitRateLimit(own!);
  // Refused by its own limit, the attempt checks no password, so it uses up nothing of the
  // address's: otherwise 60 parallel guesses at one account raced the owner's few allowed
  // attempts for the address's budget, and the owner got fewer than the limit's worth.
  if (!r.allowed) return r.retryAfterSeconds;
  if (!address) return null;
  const a = await hitRateLimit(address);
  return a.allowed ? null : a.retryAfterSeconds;
}

/** Seconds to wait when this source or address is already over its limit, else null. */
export async function getSignInBlock(source: TSignInSource): Promise<number | null> {
  let wait: number | null = null;
  for (const lim of signInLimits(source)) {
    const r = await peekRateLimit(lim);
    if (!r.allowed) wait = Math.max(wait ?? 0, r.retryAfterSeconds);
  }
  return wait;
}

/**
 * A successful sign-in gives its attempt back: the source's failures are forgotten and the
 * address's count drops by one, so people signing in behind one address use up nothing.
 */
export async function refundSignInAttempt(source: TSignInSource) {
  const [own, address] = signInLimits(source);
  await db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "key" = ${own!.key}`;
  if (address) {
    await db.$executeRaw`UPDATE "RateLimitBucket" SET "count" = greatest("count" - 1, 0) WHERE "key" = ${address.key}`;
  }
}

/**
 * Counts one hit on each limit (fixed windows, no backoff) in a single statement — every
 * vendor-link request, each autosave among them, passes here: the longest wait of those over
 * their limit, or null.
 */
async function hitLimits(limits: TLimit[]) {
  if (limits.length === 0) return null;
  const keys = limits.map((l) => l.key);
  const windows = limits.map((l) => l.windowSeconds);
  const rows = await db.$queryRaw<{ key: string; count: number; retryAfter: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowEnd")
    SELECT k, 1, (now() AT TIME ZONE 'UTC') + w * interval '1 second'
    FROM unnest(${keys}::text[], ${windows}::int[]) AS hit(k, w)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowEnd" <= (now() AT TIME ZONE 'UTC')
                THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowEnd" = CASE WHEN "RateLimitBucket"."windowEnd" <= (now() AT TIME ZONE 'UTC')
                THEN EXCLUDED."windowEnd" ELSE "RateLimitBucket"."windowEnd" END
    RETURNING "key", "count",
      ceil(extract(epoch FROM "windowEnd" - (now() AT TIME ZONE 'UTC')))::int AS "retryAfter"`;
  if (Math.random() < 0.01) await deleteExpiredBuckets();
  let wait: number | null = null;
  for (const lim of limits) {
    const row = rows.find((r) => r.key === lim.key);
    if (row && row.count > lim.limit) wait = Math.max(wait ?? 0, Math.max(1, row.retryAfter));
  }
  return wait;
}

/** Counts one vendor-link request per token hash and per IP; seconds to wait, or null. */
export async function hitLinkLimit({ token, ip }: { token: string; ip: string | null }) {
  const l = rateLimits();
  const w = l.linkWindowSeconds;
  const limits: TLimit[] = [
    { key: `link:token:${sha256(token)}`, limit: l.linkPerToken, windowSeconds: w },
    ...(ip ? [{ key: `link:ip:${sha256(ip)}`, limit: l.linkPerIp, windowSeconds: w }] : []),
  ];
  return hitLimits(limits);
}

/**
 * Counts one password-reset request per address asked for (known or not, so the limit tells
 * nothing) and per source: seconds to wait, or null. Keeps anyone from flooding a mailbox.
 */
export async function hitResetRequestLimit({ email, ip }: TSignInSource) {
  const l = rateLimits();
  const w = l.resetWindowSeconds;
  const limits: TLimit[] = [
    {
      key: `reset:email:${sha256(email.trim().toLowerCase())}`,
      limit: l.resetPerEmail,
      windowSeconds: w,
    },
    ...(ip ? [{ key: `reset:ip:${sha256(ip)}`, limit: l.resetPerIp, windowSeconds: w }] : []),
  ];
  return hitLimits(limits);
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
