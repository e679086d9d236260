// Guards against dodging per-address rate limits and the Origin check with forged forwarding
// headers: the app used to read the client's address from the last X-Forwarded-For entry and
// its own host from X-Forwarded-Host, both of which any client can send.
import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";

process.env.TRUSTED_PROXIES = "10.0.0.0/8, 127.0.0.2";
process.env.APP_URL = "http://localhost:3000";
const ca = await import("@/lib/security/client-address");
const { isSameOrigin } = await import("@/lib/security/origin");

const front = (headers: IncomingHttpHeaders, peer: string) => {
  ca.normaliseForwarding({ headers, peer });
  return headers;
};
const asHeaders = (h: IncomingHttpHeaders) =>
  new Headers(Object.entries(h).map(([k, v]): [string, string] => [k, String(v)]));

describe("the front's forwarding headers", () => {
  it("drops a direct client's forwarding claims and records its socket address", () => {
    const h = front(
      {
        host: "localhost:3000",
        "x-forwarded-for": "198.51.100.7",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
        forwarded: "for=198.51.100.7",
        "x-real-ip": "198.51.100.7",
      },
      "::ffff:203.0.113.5",
    );
    expect(h).toEqual({ host: "localhost:3000", "x-forwarded-for": "203.0.113.5" });
  });

  it("keeps a trusted proxy's claims and appends the proxy's own address", () => {
    const h = front(
      { "x-forwarded-for": "198.51.100.7", "x-forwarded-host": "ledger.example" },
      "10.1.2.3",
    );
    expect(h["x-forwarded-for"]).toBe("198.51.100.7, 10.1.2.3");
    expect(h["x-forwarded-host"]).toBe("ledger.example");
  });
});

describe("getClientIp", () => {
  it("knows no address without the front: nothing vouches for the headers", () => {
    const headers = new Headers({ "x-forwarded-for": "198.51.100.7" });
    expect(ca.getClientIp({ headers })).toBeNull();
  });

  it("behind the front: the socket's peer, or the client a trusted proxy names", () => {
    ca.markBehindFront();
    const direct = front({ "x-forwarded-for": "1.2.3.4" }, "203.0.113.5");
    expect(ca.getClientIp({ headers: asHeaders(direct) })).toBe("203.0.113.5");
    // A client forging hops in front of a trusted proxy: only the hop the proxy added counts.
    const proxied = front({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" }, "10.1.2.3");
    expect(ca.getClientIp({ headers: asHeaders(proxied) })).toBe("198.51.100.7");
    // Two trusted proxies in a row are both skipped.
    const chain = front({ "x-forwarded-for": "198.51.100.8, 10.9.9.9" }, "127.0.0.2");
    expect(ca.getClientIp({ headers: asHeaders(chain) })).toBe("198.51.100.8");
    // A request the trusted proxy makes itself.
    expect(ca.getClientIp({ headers: asHeaders(front({}, "10.1.2.3")) })).toBe("10.1.2.3");
  });
});

describe("the Origin check's idea of our host", () => {
  const post = (headers: Record<string, string>) =>
    new Request("http://localhost:3000/x", { method: "POST", headers });

  it("ignores X-Forwarded-Host without the front", () => {
    process.env.BCDR_BEHIND_FRONT = "";
    const req = post({
      origin: "https://evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      host: "localhost:3000",
    });
    expect(isSameOrigin(req)).toBe(false);
    expect(isSameOrigin(post({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(
      true,
    );
  });

  it("believes a trusted proxy's X-Forwarded-Host, and only that, behind the front", () => {
    ca.markBehindFront();
    const forged = front(
      {
        origin: "https://evil.example",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
        host: "localhost:3000",
      },
      "203.0.113.5",
    );
    expect(isSameOrigin(post(forged as Record<string, string>))).toBe(false);
    const proxied = front(
      {
        origin: "https://ledger.example",
        "x-forwarded-host": "ledger.example",
        "x-forwarded-proto": "https",
        host: "10.0.0.9:3000",
      },
      "10.1.2.3",
    );
    expect(isSameOrigin(post(proxied as Record<string, string>))).toBe(true);
  });
});
