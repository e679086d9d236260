import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../pg/embedded";
import { distDirName, isBuildCurrent } from "./build-stamp";

export class DrillError extends Error {}

export type TBootedApp = {
  baseUrl: string;
  /** The process started (start.ts or next); its tree is the app. */
  pid: number;
  /** "start.ts", or "next start" when start.ts would rebuild (see bootApp). */
  via: string;
  /** What it printed so far (the last 8,000 characters). */
  output: () => string;
  stop: () => Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Copies still up when this process exits (the live server stopped mid-drill, say) are told to
// stop: a detached group would otherwise outlive it. 'exit' handlers run synchronously, and
// process.kill is synchronous.
const booted = new Set<number>();
let exitHook = false;
function stopWithThisProcess(pid: number) {
  booted.add(pid);
  if (exitHook) return;
  exitHook = true;
  process.on("exit", () => {
    for (const group of booted) {
      try {
        process.kill(-group, "SIGTERM");
      } catch {} // already gone
    }
  });
}

async function isUp(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Stops the whole process group, politely first; `whenGone` resolves once it exited. */
async function stopGroup(child: ChildProcess, whenGone: Promise<void>, healthUrl: string) {
  const kill = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {} // already gone
  };
  if (child.exitCode === null && child.signalCode === null) {
    kill("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((r) => {
      timer = setTimeout(r, 15_000);
    });
    await Promise.race([whenGone, grace]);
    clearTimeout(timer); // a pending timer would keep the drill's process alive
    kill("SIGKILL");
  }
  // start.ts runs next-server in its own process group and stops it on SIGTERM: make sure.
  for (let i = 0; i < 40 && (await isUp(healthUrl)); i++) await sleep(250);
  if (await isUp(healthUrl))
    throw new DrillError(`the drill's app server on ${healthUrl} did not stop`);
}

/**
 * Boots the already built app (never builds it) on `databaseUrl` with `dataDir`, on a free
 * port, and waits for /api/health. Through start.ts, as `npm start` does, when the build is
 * current; when sources changed since the build, start.ts would rebuild .next under the
 * running app, so the drill runs `next start` itself with the same settings instead.
 */
export async function bootApp({
  databaseUrl,
  dataDir,
  authSecret = crypto.randomBytes(32).toString("base64url"),
  timeoutMs = 120_000,
  port: wantedPort,
  env: overrides = {},
}: {
  databaseUrl: string;
  dataDir: string;
  /** A port of the caller's choosing (a balancer's upstream); a free one by default. */
  port?: number;
  /** Settings over the defaults below (APP_URL of a balancer, TRUSTED_PROXIES …). */
  env?: Record<string, string>;
  /** Instances that must honour each other's sessions share one; by default a new one. */
  authSecret?: string;
  timeoutMs?: number;
}): Promise<TBootedApp> {
  const root = process.cwd();
  if (!fs.existsSync(path.join(root, distDirName(), "BUILD_ID"))) {
    throw new DrillError(
      "there is no production build (.next/BUILD_ID is missing): run `npm start` once (it builds the app) or `npx next build`, then run the drill again",
    );
  }
  const port = wantedPort ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    PORT: String(port),
    APP_URL: baseUrl,
    BACKUP_INTERVAL_MINUTES: "0", // the copy must not take backups of its own
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const k of ["AUTH_SECRET", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "NODE_ENV"]) delete env[k];
  // Started from inside the running app (the ops page's drill): Next.js's own process settings
  // are the live server's, not the copy's.
  for (const k of Object.keys(env))
    if (/^(__NEXT|NEXT_PRIVATE|NEXT_RUNTIME)/.test(k)) delete env[k];
  // A secret of the copy's own by default (an external database requires one): the live app's
  // sessions must not open the copy, nor the copy's the live app.
  env.AUTH_SECRET = authSecret;
  Object.assign(env, overrides);
  const current = isBuildCurrent({ root });
  const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
  const [cmd, args, extra]: [string, string[], Record<string, string>] = current
    ? [bin("tsx"), [path.join("lib", "cli", "start.ts")], {}]
    : [
        bin("next"),
        ["start", "-p", String(port)],
        {
          NODE_ENV: "production",
          NEXTAUTH_URL: baseUrl,
          NEXTAUTH_SECRET: authSecret,
        },
      ];
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...env, ...extra },
    detached: true, // own process group: stopping it stops everything it started
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (b: Buffer) => {
    output = (output + b.toString("utf8")).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const whenGone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const healthUrl = `${baseUrl}/api/health`;
  stopWithThisProcess(child.pid!);
  // Still up after a failed stop: the exit hook tries again.
  const stop = () =>
    stopGroup(child, whenGone, healthUrl).then(() => void booted.delete(child.pid!));
  const deadline = Date.now() + timeoutMs;
  while (!(await isUp(healthUrl))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop().catch(() => {});
      const why =
        child.exitCode !== null
          ? `exited with code ${child.exitCode}`
          : `was not up after ${timeoutMs / 1000} s`;
      throw new DrillError(`the app on the restored copy ${why}. Its output:\n${output.trim()}`);
    }
    await sleep(250);
  }
  return {
    baseUrl,
    pid: child.pid!,
    via: current ? "start.ts" : "next start",
    output: () => output,
    stop,
  };
}
