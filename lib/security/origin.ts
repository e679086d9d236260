import { getEnv } from "../env";

/**
 * Refuses cross-site requests to cookie- or link-authenticated mutations: the Origin header
 * must name this app. A missing or `null` Origin is refused too (browsers always send it on
 * POST from a page). Bearer-token API calls do not come through here.
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return false;
  const allowed = new Set([new URL(getEnv().APP_URL).origin]);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (host) {
    const proto =
      req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
    allowed.add(`${proto}://${host}`);
  }
  return allowed.has(origin);
}

export const crossOriginRefused = () =>
  Response.json({ error: "Cross-site request refused." }, { status: 403 });
