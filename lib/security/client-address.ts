import type { IncomingHttpHeaders } from "node:http";
import { getEnv } from "../env";
import { plainAddress, proxyMatcher } from "./trusted-proxies";

// Where a request came from. Only the socket's address is a fact: X-Forwarded-For, -Host and
// -Proto are claims any client can send, and Next.js fills them from the socket only when they
// are absent, so proxy.ts alone cannot tell a forged one from a real one. The front
// (lib/security/front.ts, which `npm start` runs) owns the socket: it removes those claims
// unless the peer is a trusted proxy (TRUSTED_PROXIES) and appends the peer's own address,
// so code behind it may read them as facts. Without the front (a bare `next start`) nothing
// vouches for them, so no client address is known and forwarded hosts are ignored.

const FRONT_FLAG = "BCDR_BEHIND_FRONT";

/** Called by the front in its own process, before Next.js loads. */
export function markBehindFront() {
  process.env[FRONT_FLAG] = "1";
}

export const isBehindFront = () => process.env[FRONT_FLAG] === "1";

let matcher: { rules: unknown; test: (address: string) => boolean } | undefined;
export function isTrustedProxy(address: string): boolean {
  const rules = getEnv().TRUSTED_PROXIES;
  if (matcher?.rules !== rules) matcher = { rules, test: proxyMatcher(rules) };
  return matcher.test(address);
}

/** Forwarding claims a client may not make itself: the front drops them from untrusted peers. */
const FORWARDING = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
];

/**
 * The front's rewrite of a request's headers, given the socket's peer: an untrusted peer's
 * forwarding claims are dropped and it becomes the only X-Forwarded-For entry; a trusted
 * proxy's claims stay and its own address is appended (as every proxy does).
 */
export function normaliseForwarding({
  headers,
  peer,
  trusted = isTrustedProxy,
}: {
  headers: IncomingHttpHeaders;
  peer: string | undefined;
  trusted?: (address: string) => boolean;
}) {
  const address = plainAddress(peer ?? "");
  const prior = headers["x-forwarded-for"];
  if (!address || !trusted(address)) {
    for (const name of FORWARDING) delete headers[name];
    if (address) headers["x-forwarded-for"] = address;
    return;
  }
  const hops = (Array.isArray(prior) ? prior.join(",") : (prior ?? "")).trim();
  headers["x-forwarded-for"] = hops ? `${hops}, ${address}` : address;
}

/**
 * The client's address: X-Forwarded-For read from the right (the front's peer), skipping the
 * trusted proxies that appended themselves; the first other address is the client. null
 * without the front, when no address can be trusted.
 */
export function getClientIp({ headers }: { headers: Headers }): string | null {
  if (!isBehindFront()) return null;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => plainAddress(h.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (i > 0 && isTrustedProxy(hops[i]!)) continue;
    return hops[i]!.slice(0, 100);
  }
  return null;
}

/**
 * The host and scheme the browser used: a trusted proxy's X-Forwarded-Host/-Proto behind the
 * front (which drops them from anyone else), else the Host header and the server's own scheme.
 */
export function getRequestHost(req: Request): { host: string | null; proto: string } {
  const h = req.headers;
  const own = new URL(req.url).protocol.replace(":", "");
  if (!isBehindFront()) return { host: h.get("host"), proto: own };
  return {
    host: h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host"),
    proto: h.get("x-forwarded-proto")?.split(",")[0]?.trim() || own,
  };
}
