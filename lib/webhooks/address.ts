import dns from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";
import { getEnv } from "../env";

// The SSRF guard: a webhook must not become a way into the network the app runs in. Only
// public unicast addresses are reached — loopback, private, link-local, carrier-grade NAT,
// unique-local, 0.0.0.0/8, IPv4-mapped IPv6, documentation and other reserved ranges are
// refused — unless WEBHOOK_ALLOWED_HOSTS lists the address or its range. The rule is checked
// twice: at registration (a clear message on the URL field) and, what actually protects, on
// the address each connection is made to (request-filtering-agent checks the result of the
// socket's own DNS lookup), so a name that resolves to a public address at registration and a
// private one later (DNS rebinding) is refused when it matters.

/** The lookup a connection uses (tests give their own resolver). */
export type TLookup = typeof dns.lookup;

const allowedList = () => getEnv().WEBHOOK_ALLOWED_HOSTS;

/** Whether a connection to `address` is refused, with the same rule as the agent's. */
export function isRefusedAddress({
  address,
  allowed = allowedList(),
}: {
  address: string;
  allowed?: readonly string[];
}): boolean {
  if (!ipaddr.isValid(address)) return true;
  const parsed = ipaddr.parse(address);
  for (const entry of allowed) {
    if (net.isIP(entry) !== 0) {
      if (entry === address) return false;
      continue;
    }
    const range = ipaddr.parseCIDR(entry);
    if (parsed.kind() === range[0].kind() && parsed.match(range)) return false;
  }
  return parsed.range() !== "unicast";
}

/** An agent that refuses, at connect time, every address the rule above refuses. */
export function webhookAgent({
  url,
  allowed = allowedList(),
}: {
  url: URL;
  allowed?: readonly string[];
}) {
  const options = { allowIPAddressList: [...allowed], allowPrivateIPAddress: false };
  return url.protocol === "https:"
    ? new RequestFilteringHttpsAgent(options)
    : new RequestFilteringHttpAgent(options);
}

/** Error message prefix the page shows beside the URL field. */
const FIELD = "Endpoint URL";

/**
 * Why `raw` cannot be registered as a webhook URL, or null when it can: it must be an http(s)
 * URL without credentials whose host resolves only to addresses the guard lets through.
 */
export async function checkWebhookUrl({
  raw,
  allowed = allowedList(),
  lookup = dns.lookup,
}: {
  raw: string;
  allowed?: readonly string[];
  lookup?: TLookup;
}): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `${FIELD} must be a full URL, e.g. https://hooks.example.com/resilience`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return `${FIELD} must start with https:// or http://`;
  if (url.username || url.password)
    return `${FIELD} must not contain a user name or password; the signature authenticates each call`;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (net.isIP(host) !== 0) addresses = [host];
  else {
    try {
      const found = await new Promise<dns.LookupAddress[]>((resolve, reject) =>
        lookup(host, { all: true }, (err, list) => (err ? reject(err) : resolve(list))),
      );
      addresses = found.map((a) => a.address);
    } catch {
      return `${FIELD}: the host ${host} could not be found`;
    }
  }
  const refused = addresses.find((address) => isRefusedAddress({ address, allowed }));
  if (refused)
    return `${FIELD} points to ${refused}, a private, local or reserved address; only public addresses are allowed (an administrator of the server can permit others with WEBHOOK_ALLOWED_HOSTS)`;
  return null;
}
