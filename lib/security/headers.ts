import { getEnv } from "../env";
import { isBehindFront } from "./client-address";

// Security headers for every response the proxy handles. next.config.ts adds the static
// ones to the paths the proxy does not run on (/_next/static, favicon.ico, robots.txt).

/** A fresh, unguessable nonce per request: only scripts carrying it may run. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export type TBuildCsp = { nonce: string; dev?: boolean; https?: boolean };

/**
 * 'strict-dynamic' lets the nonce-carrying Next.js bootstrap load its chunks; inline styles stay
 * allowed because React and the map render style attributes (no script runs from a style).
 */
export function buildCsp({ nonce, dev = false, https = false }: TBuildCsp): string {
  return [
    "default-src 'self'",
    // React's dev overlay needs eval; production builds never do.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * Served over https: by configuration, or behind a trusted TLS-terminating proxy (the front
 * drops X-Forwarded-Proto from anyone else; see lib/security/client-address.ts).
 */
export function isHttps({ headers }: { headers: Headers }): boolean {
  const proto = isBehindFront() ? headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : "";
  return proto === "https" || getEnv().APP_URL.startsWith("https:");
}

/** Vendor links carry their token in the URL: no page of theirs may leak it in a Referer. */
export const isVendorPath = (pathname: string) =>
  pathname.startsWith("/respond/") || pathname.startsWith("/api/respond/");

// Public reference data the browser may cache (the route sets its own Cache-Control): the
// city list, and the dashboard map's basemap (country outlines, no customer data).
const CACHEABLE = [/^\/api\/cities$/, /^\/dashboard\/world-map\.svg$/];

/** Files a vendor uploaded: nothing in one may run or load anything, even if a browser shows it. */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";
// Their routes send DOWNLOAD_CSP themselves; the page CSP must not replace it with a looser one.
const EVIDENCE_DOWNLOAD = [
  /^\/api\/respond\/[^/]+\/evidence\/[^/]+$/,
  /^\/api\/assessments\/[^/]+\/evidence\/[^/]+$/,
];

export type TApplySecurityHeaders = {
  res: Response;
  pathname: string;
  csp: string;
  https: boolean;
};

export function applySecurityHeaders({ res, pathname, csp, https }: TApplySecurityHeaders) {
  const h = res.headers;
  const download = EVIDENCE_DOWNLOAD.some((re) => re.test(pathname));
  h.set("Content-Security-Policy", download ? DOWNLOAD_CSP : csp);
  h.set("X-Content-Type-Options", "nosniff");
  h.set("X-Frame-Options", "DENY");
  h.set(
    "Referrer-Policy",
    isVendorPath(pathname) ? "no-referrer" : "strict-origin-when-cross-origin",
  );
  if (https) h.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  // Signed-in pages and vendor pages show confidential supplier data: never keep a copy.
  if (!CACHEABLE.some((re) => re.test(pathname))) h.set("Cache-Control", "no-store");
  return res;
}
