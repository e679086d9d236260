import { afterAll, describe, expect, it } from "vitest";
import { checkWebhookUrl, isRefusedAddress } from "@/lib/webhooks/address";
import { postWebhook } from "@/lib/webhooks/send";
import { scriptedLookup, startReceiver } from "../../helpers/webhook-receiver";

// Guards against server-side request forgery through webhooks: an endpoint URL (or a name
// resolving, now or later, to such an address) that reaches loopback, private, link-local or
// other non-public addresses must be refused — at registration and at the connection itself —
// unless the allowlist permits the address.

const receiver = await startReceiver();
afterAll(() => receiver.close());

const NON_PUBLIC = [
  "127.0.0.1",
  "10.1.2.3",
  "172.16.0.1",
  "192.168.1.1",
  "169.254.169.254",
  "0.0.0.0",
  "0.1.2.3",
  "100.64.0.1",
  "::1",
  "fd00::1",
  "fc00::1",
  "fe80::1",
  "::ffff:127.0.0.1",
  "::ffff:10.0.0.1",
  "::",
];

describe("the address rule", () => {
  it("refuses every non-public address and lets a public one through", () => {
    for (const address of NON_PUBLIC)
      expect(isRefusedAddress({ address, allowed: [] }), address).toBe(true);
    expect(isRefusedAddress({ address: "8.8.8.8", allowed: [] })).toBe(false);
    expect(isRefusedAddress({ address: "2606:4700:4700::1111", allowed: [] })).toBe(false);
  });

  it("lets the allowlist permit an address or a CIDR range, and only those", () => {
    expect(isRefusedAddress({ address: "127.0.0.1", allowed: ["127.0.0.1"] })).toBe(false);
    expect(isRefusedAddress({ address: "10.9.8.7", allowed: ["10.0.0.0/8"] })).toBe(false);
    expect(isRefusedAddress({ address: "10.9.8.7", allowed: ["10.0.0.0/16"] })).toBe(true);
    expect(isRefusedAddress({ address: "127.0.0.2", allowed: ["127.0.0.1"] })).toBe(true);
    expect(isRefusedAddress({ address: "fd00::5", allowed: ["fd00::/64"] })).toBe(false);
  });
});

describe("registration", () => {
  it("refuses a private or loopback URL with a message naming the field", async () => {
    const m = await checkWebhookUrl({ raw: "http://127.0.0.1:8080/hook", allowed: [] });
    expect(m).toMatch(/^Endpoint URL points to 127\.0\.0\.1, a private, local or reserved/);
    expect(await checkWebhookUrl({ raw: "https://[::1]/x", allowed: [] })).toMatch(/::1/);
    expect(await checkWebhookUrl({ raw: "http://169.254.169.254/", allowed: [] })).toMatch(
      /169\.254\.169\.254/,
    );
  });

  it("refuses a name that resolves to a private address", async () => {
    const { lookup } = scriptedLookup(["10.0.0.5"]);
    const m = await checkWebhookUrl({ raw: "https://hooks.example.com/x", allowed: [], lookup });
    expect(m).toMatch(/^Endpoint URL points to 10\.0\.0\.5/);
  });

  it("refuses other schemes and URLs with credentials, and accepts a public address", async () => {
    expect(await checkWebhookUrl({ raw: "ftp://8.8.8.8/x", allowed: [] })).toMatch(
      /Endpoint URL must start with https:\/\/ or http:\/\//,
    );
    expect(await checkWebhookUrl({ raw: "https://u:p@8.8.8.8/x", allowed: [] })).toMatch(
      /Endpoint URL must not contain a user name or password/,
    );
    expect(await checkWebhookUrl({ raw: "not a url", allowed: [] })).toMatch(/Endpoint URL/);
    expect(await checkWebhookUrl({ raw: "https://8.8.8.8/hook", allowed: [] })).toBeNull();
    const { lookup } = scriptedLookup(["93.184.216.34"]);
    expect(
      await checkWebhookUrl({ raw: "https://hooks.example.com/x", allowed: [], lookup }),
    ).toBeNull();
  });

  it("accepts an allowlisted local address", async () => {
    expect(await checkWebhookUrl({ raw: receiver.url, allowed: ["127.0.0.1"] })).toBeNull();
  });
});

describe("the connection", () => {
  const send = (
    url: string,
    opts: Parameters<typeof postWebhook>[0] extends infer T ? Partial<T> : never,
  ) => postWebhook({ url, body: "{}", headers: {}, timeoutMs: 5_000, ...opts });

  it("refuses a loopback address when not allowlisted; the receiver gets nothing", async () => {
    const before = receiver.received.length;
    const r = await send(receiver.url, { allowed: [] });
    expect(r).toMatchObject({ error: expect.stringMatching(/not allowed/) });
    expect(receiver.received.length).toBe(before);
  });

  it("reaches the allowlisted address", async () => {
    const before = receiver.received.length;
    expect(await send(receiver.url, { allowed: ["127.0.0.1"] })).toEqual({ status: 200 });
    expect(receiver.received.length).toBe(before + 1);
  });

  it("refuses, at connect time, a name that resolved to a public address at registration and to a private one now (DNS rebinding)", async () => {
    const rebinding = scriptedLookup(["93.184.216.34", "127.0.0.1"]);
    const url = `http://rebind.example.com:${receiver.port}/hook`;
    // Registration sees the public address ...
    expect(await checkWebhookUrl({ raw: url, allowed: [], lookup: rebinding.lookup })).toBeNull();
    // ... the connection resolves again, gets 127.0.0.1, and is refused before connecting.
    const before = receiver.received.length;
    const r = await send(url, { allowed: [], lookup: rebinding.lookup });
    expect(rebinding.calls()).toBe(2);
    expect(r).toMatchObject({ error: expect.stringMatching(/127\.0\.0\.1.*not allowed/) });
    expect(receiver.received.length).toBe(before);
  });

  it("refuses an IPv4-mapped IPv6 loopback answer too", async () => {
    const mapped = scriptedLookup(["::ffff:127.0.0.1"]);
    const r = await send(`http://mapped.example.com:${receiver.port}/hook`, {
      allowed: [],
      lookup: mapped.lookup,
    });
    expect(r).toMatchObject({ error: expect.stringMatching(/not allowed/) });
  });

  it("gives up on a receiver that does not answer in time", async () => {
    const http = await import("node:http");
    const silent = http.createServer(() => {}); // never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as import("node:net").AddressInfo;
    try {
      const started = Date.now();
      const r = await send(`http://127.0.0.1:${port}/hook`, {
        allowed: ["127.0.0.1"],
        timeoutMs: 300,
      });
      expect(r).toEqual({ error: "no answer within 0.3 s" });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("does not follow a redirect", async () => {
    const redirecting = await startReceiver({ statuses: [302] });
    try {
      expect(await send(redirecting.url, { allowed: ["127.0.0.1"] })).toEqual({ status: 302 });
      expect(redirecting.received.length).toBe(1);
    } finally {
      await redirecting.close();
    }
  });
});
