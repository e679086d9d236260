import http from "node:http";
import type { AddressInfo } from "node:net";

// Every scanner request goes through this HTTP proxy. It forwards only to the app under test
// and refuses anything else, so a scanner module that tries to reach another host (an SSRF
// callback, a database update, a bug report) cannot leave the machine; each refusal is
// recorded and reported. It also drops requests to paths that would end the scan's session
// (wapiti 3.0.4's own `-x` exclusions crash on Python 3.11) and counts what each tool sent.

export type TGuardStats = {
  forwarded: number;
  /** origin → count: requests for hosts other than the app (refused with 403) */
  refused: Map<string, number>;
  /** path → count: requests dropped by `blockPaths` (answered 404) */
  blocked: Map<string, number>;
  /** HTTP status → count, of the app's answers */
  statuses: Map<number, number>;
  /** distinct method + path (without query) forwarded */
  endpoints: Set<string>;
};

export type TGuardProxy = { url: string; stats: TGuardStats; close: () => Promise<void> };

const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

const HOP_BY_HOP = [
  "proxy-connection",
  "proxy-authorization",
  "connection",
  "keep-alive",
  "te",
  "trailer",
  "upgrade",
];

export async function startGuardProxy({
  target,
  blockPaths,
}: {
  target: URL;
  blockPaths: RegExp[];
}): Promise<TGuardProxy> {
  const stats: TGuardStats = {
    forwarded: 0,
    refused: new Map(),
    blocked: new Map(),
    statuses: new Map(),
    endpoints: new Set(),
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

  const server = http.createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", target);
    } catch {
      res.writeHead(400).end("bad request line");
      return;
    }
    if (url.protocol !== "http:" || url.host !== target.host) {
      bump(stats.refused, `${url.protocol}//${url.host}`);
      res.writeHead(403, { "Content-Type": "text/plain" }).end("refused by the scan guard proxy");
      req.resume();
      return;
    }
    if (blockPaths.some((re) => re.test(url.pathname))) {
      bump(stats.blocked, url.pathname);
      res.writeHead(404, { "Content-Type": "text/plain" }).end("skipped by the scan guard proxy");
      req.resume();
      return;
    }
    const headers = { ...req.headers };
    for (const h of HOP_BY_HOP) delete headers[h];
    stats.forwarded++;
    stats.endpoints.add(`${req.method} ${url.pathname}`);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers,
        agent,
      },
      (up) => {
        bump(stats.statuses, up.statusCode ?? 0);
        const out = { ...up.headers };
        for (const h of HOP_BY_HOP) delete out[h];
        res.writeHead(up.statusCode ?? 502, out);
        up.pipe(res);
      },
    );
    upstream.on("error", (e) => {
      bump(stats.statuses, 502);
      if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain" });
      res.end(`upstream error: ${e.message}`);
    });
    req.pipe(upstream);
  });
  // HTTPS through a proxy starts with CONNECT: the app is plain HTTP, so any CONNECT is outbound.
  server.on("connect", (req, socket) => {
    bump(stats.refused, `https://${req.url}`);
    socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
  });
  server.on("clientError", (_e, socket) => socket.destroy());

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
