// The app as a new user gets it: `npm start` (lib/cli/start.ts) on a fresh DATA_DIR under the temp
// dir — the embedded PostgreSQL, the demo data, a production build (made first when the sources
// changed) — on a free port. For benches that measure what a person feels, on the README's data.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { embeddedUrl, freePort, readPidFile } from "@/lib/pg/embedded";

export type TDemoApp = {
  baseUrl: string;
  /** The app's embedded database, for a bench that adds rows of its own (a vendor link). */
  databaseUrl: string;
  stop: () => Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startDemoApp({
  distDir,
  env = {},
  timeoutMs = 600_000,
}: {
  /** NEXT_DIST_DIR of the bench's own build, so it never rebuilds under another run's server. */
  distDir: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<TDemoApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-bench-demo-"));
  fs.chmodSync(dataDir, 0o755); // the embedded server runs as `postgres` when we are root
  const port = Number(process.env.BENCH_PORT) || (await freePort());
  const baseUrl = `http://localhost:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    APP_URL: baseUrl,
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    // The first scheduled backup would land in the measured window; it is not what is measured.
    BACKUP_INTERVAL_MINUTES: "0",
    ...env,
  };
  for (const k of ["DATABASE_URL", "AUTH_SECRET", "NODE_ENV"]) delete childEnv[k];
  const child = spawn("node_modules/.bin/tsx", ["lib/cli/start.ts"], {
    env: childEnv,
    detached: true, // its own process group: stopping it stops next-server and postgres too
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (b: Buffer) => {
    output = (output + b.toString("utf8")).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const gone = new Promise<void>((r) => child.once("exit", () => r()));
  const stop = async () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {} // already gone
    await Promise.race([gone, sleep(15_000)]);
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {}
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const up = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) })
      .then((r) => r.ok)
      .catch(() => false);
    const pgDir = path.join(dataDir, "pg");
    const pid = up ? readPidFile({ pgDir }) : undefined;
    if (pid) return { baseUrl, databaseUrl: embeddedUrl({ pgDir, port: pid.port }), stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not come up. Its output:\n${output.trim()}`);
    }
    await sleep(500);
  }
}
