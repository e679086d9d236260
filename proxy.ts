import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { getLinkState } from "@/lib/portal/access";
import { linkStatePage } from "@/lib/portal/link-page";
import { getClientIp } from "@/lib/security/client-address";
import { applySecurityHeaders, buildCsp, createNonce, isHttps } from "@/lib/security/headers";
import { crossOriginRefused, isSameOrigin } from "@/lib/security/origin";
import {
  countSignInAttempt,
  getSignInBlock,
  hitLinkLimit,
  tooManyRequests,
} from "@/lib/security/rate-limit";
import { decodeSessionToken } from "@/lib/session-token";

// A first gate only: every page, route handler and Server Action also checks the session
// and the role itself (lib/authz.ts), so nothing relies on this file alone.
const API_V1 = /^\/api\/v1\//;
const PUBLIC = [
  /^\/login$/,
  /^\/api\/auth\//,
  /^\/api\/health$/,
  /^\/api\/ready$/,
  /^\/api\/cities$/,
  /^\/respond\//,
  /^\/api\/respond\//,
  // The first admin's one-time link (lib/data/setup.ts): the token is the authorization.
  /^\/setup\/[^/]+$/,
  /^\/api\/setup\/[^/]+$/,
  // Staff account links (lib/data/user-invitations.ts, lib/data/password-reset.ts): the
  // token is the authorization; "forgot password" is for the signed-out.
  /^\/invite\/[^/]+$/,
  /^\/api\/invitations\/[^/]+$/,
  /^\/forgot-password$/,
  /^\/reset-password\/[^/]+$/,
  /^\/api\/password-reset(?:\/[^/]+)?$/,
  // The REST API: every operation verifies its bearer token itself (lib/api/define.ts), and
  // its reference page is public like the document it renders.
  API_V1,
  /^\/api\/docs$/,
];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const VENDOR_TOKEN = /^\/(?:api\/)?respond\/([^/]+)/;

export async function proxy(req: NextRequest) {
  const nonce = createNonce();
  const https = isHttps({ headers: req.headers });
  const csp = buildCsp({ nonce, https, dev: process.env.NODE_ENV === "development" });
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const next = () => NextResponse.next({ request: { headers: requestHeaders } });
  const res = await routeRequest({ req, next });
  return applySecurityHeaders({ res, pathname: req.nextUrl.pathname, csp, https });
}

async function routeRequest({ req, next }: { req: NextRequest; next: () => NextResponse }) {
  const { pathname, search } = req.nextUrl;

  // Cross-site request forgery: every cookie- or link-authenticated mutation (Server Actions,
  // which Next.js lets through without an Origin; next-auth's POSTs; the vendor API) must come
  // from one of our own pages. No exception for an Authorization header in general; /api/v1 is
  // exempt by its path because it never reads the cookie: only its bearer token authenticates
  // (lib/api/define.ts), and a forged cross-site request cannot carry one.
  if (!SAFE_METHODS.has(req.method) && !API_V1.test(pathname) && !isSameOrigin(req))
    return crossOriginRefused();

  const vendor = VENDOR_TOKEN.exec(pathname);
  if (vendor) {
    const wait = await hitLinkLimit({
      token: decodeURIComponent(vendor[1]!),
      ip: getClientIp({ headers: req.headers }),
    });
    if (wait !== null) return tooManyRequests({ retryAfterSeconds: wait });
  }

  if (pathname === "/api/auth/callback/credentials" && req.method === "POST") {
    const blocked = await getSignInBlockForRequest({ req });
    if (blocked !== null) return blocked;
  }

  const respond = /^\/respond\/([^/]+)\/?$/.exec(pathname);
  if (respond && req.method === "GET") {
    // Bad links get a plain page with the right status (404 unknown, 410 expired or revoked).
    const link = await getLinkState({ token: decodeURIComponent(respond[1]!) });
    if (link.state !== "valid") return linkStatePage(link);
  }
  if (PUBLIC.some((re) => re.test(pathname))) return next();
  const token = await getToken({
    req,
    secret: process.env.NEXTAUTH_SECRET,
    decode: decodeSessionToken,
  });
  if (token) return next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  }
  const login = new URL("/login", req.url);
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

/**
 * next-auth answers 401 for anything authorize() throws, so the 429 the sign-in form looks for
 * is answered here, in next-auth's JSON shape, before the credentials reach authorize().
 * Each attempt is counted once: here when it is refused (so a source that keeps trying waits
 * longer), else by authorize() before it checks the password (lib/auth.ts).
 */
async function getSignInBlockForRequest({ req }: { req: NextRequest }) {
  const body = new URLSearchParams(await req.clone().text());
  const source = { email: body.get("email") ?? "", ip: getClientIp({ headers: req.headers }) };
  if ((await getSignInBlock(source)) === null) return null;
  const wait = (await countSignInAttempt(source)) ?? 1;
  const url = `${getEnv().APP_URL}/login?error=TooManyAttempts`;
  return NextResponse.json(
    { url, error: "Too many sign-in attempts. Wait a few minutes and try again." },
    { status: 429, headers: { "Retry-After": String(wait) } },
  );
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
