import fs from "node:fs";
import path from "node:path";
import { readPidFile, startEmbeddedPostgres } from "./embedded";

// Keeps the embedded PostgreSQL server running under `npm start`. The server is not our child
// (pg_ctl starts it detached, so it survives a crash of the app and is reused), so we watch
// the PID its postmaster.pid names. When it dies (killed, OOM: the file stays behind), it is
// started again on the same port — the app's connection pool reconnects by itself — with a few retries and a
// growing wait. When it cannot be brought back, or keeps dying, `onGiveUp` is called: the
// supervisor exits non-zero so an orchestrator restarts the whole app.

export type TKeepEmbeddedPostgres = {
  pgDir: string;
  /** The port the app was given; a restart must keep it. */
  port: number;
  onGiveUp: (reason: string) => void;
  log?: (line: string) => void;
  pollMs?: number;
  /** Start attempts after one death; waits backoffMs, 2×, 4× … between them. */
  retries?: number;
  backoffMs?: number;
  /** More deaths than `retries` within this window is a crash loop: give up. */
  windowMs?: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function keepEmbeddedPostgres({
  pgDir,
  port,
  onGiveUp,
  log = (l) => console.log(`[start] ${l}`),
  pollMs = 1000,
  retries = 5,
  backoffMs = 1000,
  windowMs = 10 * 60_000,
}: TKeepEmbeddedPostgres) {
  let stopped = false;
  let busy = false;
  const deaths: number[] = [];

  async function restart(): Promise<string | undefined> {
    let last = "";
    for (let attempt = 1; attempt <= retries && !stopped; attempt++) {
      if (attempt > 1) await sleep(backoffMs * 2 ** (attempt - 2));
      if (stopped) return undefined;
      try {
        const server = await startEmbeddedPostgres({ pgDir, port, initialize: false });
        if (server.port !== port)
          return `a server on another port (${server.port}) took over ${pgDir}`;
        log(`embedded PostgreSQL restarted on 127.0.0.1:${port} (attempt ${attempt})`);
        return undefined;
      } catch (e) {
        last = (e instanceof Error ? e.message : String(e)).trim().split("\n").slice(-3).join(" ");
        log(`restart attempt ${attempt} of ${retries} failed: ${last}`);
      }
    }
    return stopped ? undefined : `it could not be restarted after ${retries} attempts (${last})`;
  }

  async function check() {
    if (stopped || busy || readPidFile({ pgDir })) return;
    if (!fs.existsSync(path.join(pgDir, "postmaster.pid"))) {
      // A crash leaves postmaster.pid behind; a clean stop (pg_ctl stop, by an operator or a
      // test's teardown) removes it. Starting it again would fight whoever stopped it.
      log("embedded PostgreSQL was stopped from outside (cleanly); not restarting it");
      stopped = true;
      clearInterval(timer);
      return;
    }
    busy = true;
    try {
      const now = Date.now();
      deaths.push(now);
      while (deaths.length && deaths[0]! < now - windowMs) deaths.shift();
      log(`embedded PostgreSQL (port ${port}) is gone; restarting it`);
      const failure =
        deaths.length > retries
          ? `it died ${deaths.length} times within ${Math.round(windowMs / 60_000)} minutes`
          : await restart();
      if (failure && !stopped) {
        stopped = true;
        clearInterval(timer);
        onGiveUp(`embedded PostgreSQL is down: ${failure}`);
      }
    } finally {
      busy = false;
    }
  }

  const timer = setInterval(() => void check(), pollMs);
  return {
    /** Before stopping the server on purpose, or it would be started again. */
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
