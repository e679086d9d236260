import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

// Every signed-in request decodes the session cookie twice (proxy.ts, then the page's or
// handler's own check in lib/authz.ts), and next-auth's decode derives the key with HKDF and
// decrypts the JWE each time. A browser sends the same cookie on every request, so the result
// is kept per token string: the token is authenticated encryption, so only a string that once
// decrypted with our secret is ever in the cache, and an entry is dropped when the token
// expires. The decoded token only says who signed in: lib/authz.ts still re-reads the user
// (active, role, session version) on every request.

//
// A session ended by signing out (lib/sessions.ts) is remembered here too, so this process
// treats a copy of its cookie as no session at all (proxy.ts sends it to sign-in); the
// database row is what every process checks (lib/authz.ts).

const MAX_ENTRIES = 5000;
type TEntry = { secret: string; payload: JWT; expiresAt: number };

// On globalThis: proxy.ts and the app's route bundles each load this module.
const g = globalThis as typeof globalThis & {
  __sessionTokens?: Map<string, TEntry>;
  __endedSessions?: Map<string, number>;
};

/** Remembers, until its token expires, that the session `sid` has ended in this process. */
export function forgetEndedSession(sid: string, expiresAt = Date.now() + 24 * 60 * 60 * 1000) {
  g.__endedSessions ??= new Map();
  if (g.__endedSessions.size >= MAX_ENTRIES) {
    g.__endedSessions.delete(g.__endedSessions.keys().next().value as string);
  }
  g.__endedSessions.set(sid, expiresAt);
  if (g.__sessionTokens) {
    for (const [token, e] of g.__sessionTokens)
      if (e.payload.sid === sid) g.__sessionTokens.delete(token);
  }
}

const endedHere = (payload: JWT) =>
  typeof payload.sid === "string" && (g.__endedSessions?.get(payload.sid) ?? 0) > Date.now();

/** next-auth's `decode`, remembered per token until the token's own expiry. */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token } = params;
  const secret = String(params.secret);
  if (!token) return null;
  g.__sessionTokens ??= new Map();
  const cache = g.__sessionTokens;
  const hit = cache.get(token);
  if (hit && hit.secret === secret && hit.expiresAt > Date.now()) return hit.payload;
  if (hit) cache.delete(token);
  const payload = await decode(params);
  if (payload && endedHere(payload)) return null;
  if (payload && typeof payload.exp === "number") {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(token, { secret, payload, expiresAt: payload.exp * 1000 });
  }
  return payload;
}

/** The session cookie's name, as next-auth sets it (`__Secure-` prefix over https). */
export function sessionCookieName(): string {
  return process.env.NEXTAUTH_URL?.startsWith("https://")
    ? "__Secure-next-auth.session-token"
    : "next-auth.session-token";
}

/** The session token from a cookie jar, joining next-auth's chunks (`name.0`, `name.1`, …). */
export function readSessionCookie(get: (name: string) => string | undefined): string | undefined {
  const name = sessionCookieName();
  const whole = get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; ; i++) {
    const part = get(`${name}.${i}`);
    if (part === undefined) break;
    chunks.push(part);
  }
  return chunks.length > 0 ? chunks.join("") : undefined;
}
