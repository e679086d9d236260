import http from "node:http";
import type { AddressInfo } from "node:net";

export type TReceived = { headers: http.IncomingHttpHeaders; body: string; url: string };

/**
 * A real HTTP receiver on 127.0.0.1: answers each request with the next status of `statuses`
 * (the last one repeats) and keeps what it got.
 */
export async function startReceiver({ statuses = [200] }: { statuses?: number[] } = {}) {
  const received: TReceived[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        url: req.url ?? "",
      });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A resolver that answers `addresses` in turn (the last one repeats), as dns.lookup does. */
export function scriptedLookup(addresses: string[]) {
  let calls = 0;
  const lookup = (
    _host: string,
    options: unknown,
    callback?: (err: Error | null, address: unknown, family?: number) => void,
  ) => {
    const cb = (typeof options === "function" ? options : callback) as NonNullable<typeof callback>;
    const all = typeof options === "object" && options !== null && "all" in options && options.all;
    const address = addresses[Math.min(calls, addresses.length - 1)] ?? "127.0.0.1";
    calls++;
    const family = address.includes(":") ? 6 : 4;
    process.nextTick(() => (all ? cb(null, [{ address, family }]) : cb(null, address, family)));
  };
  return { lookup: lookup as unknown as typeof import("node:dns").lookup, calls: () => calls };
}
