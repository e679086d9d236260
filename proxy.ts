import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { getLinkState } from "@/lib/portal/access";
import { linkStatePage } from "@/lib/portal/link-page";

// A first gate only: every page, route handler and Server Action also checks the session
// and the role itself (lib/authz.ts), so nothing relies on this file alone.
const PUBLIC = [
  /^\/login$/,
  /^\/api\/auth\//,
  /^\/api\/health$/,
  /^\/api\/cities$/,
  /^\/respond\//,
  /^\/api\/respond\//,
];

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const respond = /^\/respond\/([^/]+)\/?$/.exec(pathname);
  if (respond && req.method === "GET") {
    // Bad links get a plain page with the right status (404 unknown, 410 expired or revoked).
    const link = await getLinkState({ token: decodeURIComponent(respond[1]!) });
    if (link.state !== "valid") return linkStatePage(link);
  }
  if (PUBLIC.some((re) => re.test(pathname))) return NextResponse.next();
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  }
  const login = new URL("/login", req.url);
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
