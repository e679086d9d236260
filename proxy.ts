import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";

// A first gate only: every page, route handler and Server Action also checks the session
// and the role itself (lib/authz.ts), so nothing relies on this file alone.
const PUBLIC = [
  /^\/login$/,
  /^\/api\/auth\//,
  /^\/api\/health$/,
  /^\/respond\//,
  /^\/api\/respond\//,
];

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
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
