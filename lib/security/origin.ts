import { getEnv } from "../env";
import { getRequestHost } from "./client-address";

/**
 * Refuses cross-site requests to cookie- or link-authenticated mutations: the Origin header
 * must name this app. A missing or `null` Origin is refused too (browsers always send it on
 * POST from a page). The host the browser used counts as ours only as the Host header or a
 * trusted proxy's X-Forwarded-Host (lib/security/client-address.ts), never a client's claim.
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return false;
  const allowed = new Set([new URL(getEnv().APP_URL).origin]);
  const { host, proto } = getRequestHost(req);
  if (host) allowed.add(`${proto}://${host}`);
  return allowed.has(origin);
}

export const crossOriginRefused = () =>
  Response.json({ error: "Cross-site request refused." }, { status: 403 });
