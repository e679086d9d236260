import net from "node:net";

// TRUSTED_PROXIES: the reverse proxies (load balancers, TLS terminators) whose X-Forwarded-*
// headers the app believes. A list of addresses or CIDR ranges, e.g. "10.0.0.5, 10.1.0.0/16,
// ::1". Empty by default: then only the socket's own address counts.

export type TProxyRule = { address: string; prefix: number; family: "ipv4" | "ipv6" };

/** One entry ("10.0.0.5", "10.1.0.0/16", "fd00::/8"), or null when it is not an address. */
export function parseProxyRule(entry: string): TProxyRule | null {
  const [address = "", prefixText, extra] = entry.trim().split("/");
  if (extra !== undefined) return null;
  const version = net.isIP(address);
  if (version === 0) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? String(max)) || prefix > max) return null;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

export function splitProxyList(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

/** A membership test over the rules, for the addresses the sockets report. */
export function proxyMatcher(rules: readonly TProxyRule[]): (address: string) => boolean {
  if (rules.length === 0) return () => false;
  const list = new net.BlockList();
  for (const r of rules) list.addSubnet(r.address, r.prefix, r.family);
  return (address) => {
    const version = net.isIP(address);
    // BlockList matches an IPv4 rule against "::ffff:a.b.c.d" too (a dual-stack socket).
    return version !== 0 && list.check(address, version === 4 ? "ipv4" : "ipv6");
  };
}

/** "::ffff:203.0.113.9" (an IPv4 client on a dual-stack socket) is "203.0.113.9". */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : address;
}
