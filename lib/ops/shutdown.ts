import type http from "node:http";
import { drainJobs } from "../jobs/scheduler";

// A rolling restart without lost answers: on SIGTERM the instance says it is not ready
// (/api/ready answers 503, so a balancer that polls it stops sending), keeps serving for
// `graceMs` while the balancer notices, then stops accepting connections, lets the requests
// in flight — autosaves included — finish, waits for the running jobs, and only then exits.

const g = globalThis as unknown as { __bcdrDraining?: boolean; __bcdrInFlight?: number };

/** True from SIGTERM on: /api/ready answers 503. */
export const isDraining = () => g.__bcdrDraining === true;

/** Counts the requests in flight; while draining, each response closes its connection. */
export function trackRequests({ server }: { server: http.Server }) {
  g.__bcdrInFlight = 0;
  // First, before the app's own listener can answer (and end) the response.
  server.prependListener("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
    g.__bcdrInFlight = (g.__bcdrInFlight ?? 0) + 1;
    if (isDraining()) res.setHeader("Connection", "close"); // no new request on this socket
    res.once("close", () => {
      g.__bcdrInFlight = (g.__bcdrInFlight ?? 1) - 1;
    });
  });
}

export const requestsInFlight = () => g.__bcdrInFlight ?? 0;

export type TDrainServer = {
  server: http.Server;
  /** How long to keep serving, answering not-ready, before refusing connections. */
  graceMs: number;
  /** The most to wait for requests and jobs in flight; past it, they are cut. */
  limitMs: number;
  log?: (line: string) => void;
};

/** Drains `server` (see above); resolves when it is safe to exit. */
export async function drainServer({ server, graceMs, limitMs, log = () => {} }: TDrainServer) {
  g.__bcdrDraining = true;
  const started = Date.now();
  log(`draining: not ready; serving ${graceMs} ms more, then finishing requests in flight`);
  await sleep(graceMs);
  server.close();
  server.closeIdleConnections();
  while (requestsInFlight() > 0 && Date.now() - started < limitMs) await sleep(25);
  const left = requestsInFlight();
  await Promise.race([drainJobs(), sleep(Math.max(0, limitMs - (Date.now() - started)))]);
  server.closeAllConnections();
  log(left ? `stopped with ${left} request(s) unfinished after ${limitMs} ms` : "drained");
  return { unfinished: left };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
