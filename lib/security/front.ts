import http from "node:http";
import path from "node:path";
import next from "next";
import { getEnv } from "../env";
import { drainServer, trackRequests } from "../ops/shutdown";
import { markBehindFront, normaliseForwarding } from "./client-address";

// The app's HTTP server, run by `npm start` in place of `next start`: Next.js itself, through
// its programmatic API, behind a plain node:http server that owns the socket. Before Next.js
// (and proxy.ts) sees a request, forwarding headers from a peer that is not a trusted proxy
// are dropped and the socket's address is recorded (lib/security/client-address.ts), so rate
// limits and the Origin check read a client's address and host that the client cannot choose.
// In process, not a reverse proxy in front of `next start`: no second port that a local user
// could reach around it, and no extra hop.

export type TServeApp = { port: number; dev: boolean };

export async function serveApp({ port, dev }: TServeApp) {
  getEnv(); // a bad TRUSTED_PROXIES stops start-up here, with its name
  markBehindFront();
  const app = next({ dev, dir: path.resolve("."), port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    normaliseForwarding({ headers: req.headers, peer: req.socket.remoteAddress });
    handle(req, res).catch((e: unknown) => {
      console.error("[front] request failed:", e);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal error.\n");
    });
  });
  // Next.js adds its own upgrade listener (dev's hot reload) on the first request; this one is
  // registered first, so that request's headers are rewritten before Next.js reads them.
  server.on("upgrade", (req: http.IncomingMessage) => {
    normaliseForwarding({ headers: req.headers, peer: req.socket.remoteAddress });
  });
  trackRequests({ server });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  // Requests in flight (autosaves among them) finish before the process exits (ops/shutdown.ts).
  const { SHUTDOWN_GRACE_SECONDS, SHUTDOWN_LIMIT_SECONDS } = getEnv();
  let stopping = false;
  const stop = () => {
    if (stopping) return; // the signal comes twice: to the process group and relayed by tsx
    stopping = true;
    drainServer({
      server,
      graceMs: dev ? 0 : SHUTDOWN_GRACE_SECONDS * 1000,
      limitMs: SHUTDOWN_LIMIT_SECONDS * 1000,
      log: (l) => console.log(`[serve] ${l}`),
    })
      .then(() => app.close())
      .finally(() => process.exit(0));
  };
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, stop);
  return server;
}

/** The command that runs the front, for the supervisor (lib/cli/start.ts). */
export function frontCommand({ dev }: { dev: boolean }): { command: string; args: string[] } {
  return {
    command: path.join(process.cwd(), "node_modules", ".bin", "tsx"),
    args: [path.join("lib", "cli", "serve.ts"), ...(dev ? ["--dev"] : [])],
  };
}
