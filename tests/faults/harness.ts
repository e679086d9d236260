import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { stopEmbeddedPostgres } from "@/lib/pg/embedded";

// What `npm run test:faults` sets up and always takes down again: a scratch DATA_DIR whose
// backups/ and uploads/ are small tmpfs mounts (real ENOSPC, no injection), and the app
// started the way `npm start` starts it, in its own process group.

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type TScratch = { dataDir: string; backups: string; uploads: string; log: string };

const mounted: string[] = [];
let app: ChildProcess | undefined;
let scratch: TScratch | undefined;

export function makeScratch(): TScratch {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-faults-"));
  fs.chmodSync(dataDir, 0o755); // the embedded server runs as `postgres` under root
  const backups = path.join(dataDir, "backups");
  const uploads = path.join(dataDir, "uploads");
  for (const dir of [backups, uploads]) {
    fs.mkdirSync(dir);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", dir]);
    mounted.push(dir);
  }
  scratch = { dataDir, backups, uploads, log: path.join(dataDir, "app.log") };
  return scratch;
}

/** Fills the filesystem of `dir` until only about `leave` bytes are free. */
export function fillUp({ dir, leave }: { dir: string; leave: number }) {
  const file = path.join(dir, "filler");
  const { bavail, bsize } = fs.statfsSync(dir);
  const size = Math.max(0, bavail * bsize - leave);
  const fd = fs.openSync(file, "w");
  try {
    const chunk = Buffer.alloc(1 << 20, 0x5a);
    for (let left = size; left > 0; left -= chunk.length)
      fs.writeSync(fd, chunk, 0, Math.min(left, chunk.length));
  } finally {
    fs.closeSync(fd);
  }
  return { free: () => fs.rmSync(file, { force: true }) };
}

export function startApp({ port, env }: { port: number; env: Record<string, string> }) {
  if (!scratch) throw new Error("makeScratch() first");
  const log = fs.openSync(scratch.log, "a");
  app = spawn(path.join("node_modules", ".bin", "tsx"), ["lib/cli/start.ts"], {
    env: {
      ...process.env,
      DATA_DIR: scratch.dataDir,
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      SMTP_URL: "",
      // The faults kill the embedded server: never an outside DATABASE_URL from the shell
      // (which would also require an AUTH_SECRET); the embedded default keeps its own secret.
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    detached: true, // its own process group: stopping it stops everything it started
    stdio: ["ignore", log, log],
  });
  const exited = new Promise<number | null>((resolve) =>
    app!.once("exit", (code) => resolve(code)),
  );
  return { child: app, exited };
}

/** The app's output so far (for a failure message). */
export const appLog = (lines = 30) =>
  scratch && fs.existsSync(scratch.log)
    ? fs.readFileSync(scratch.log, "utf8").trim().split("\n").slice(-lines).join("\n")
    : "";

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {} // already gone
}

/** Stops the app, the embedded server, the mounts and the scratch folder, whatever happened. */
export async function cleanUp() {
  if (app && app.exitCode === null && app.signalCode === null) {
    killGroup(app, "SIGTERM");
    for (let i = 0; i < 60 && app.exitCode === null && app.signalCode === null; i++)
      await sleep(250);
    killGroup(app, "SIGKILL");
  }
  if (scratch) {
    try {
      stopEmbeddedPostgres({ pgDir: path.join(scratch.dataDir, "pg") });
    } catch (e) {
      console.error(`cleanup: could not stop PostgreSQL: ${(e as Error).message}`);
    }
  }
  let unmounted = true;
  while (mounted.length) {
    const dir = mounted.pop()!;
    try {
      execFileSync("umount", [dir]);
    } catch {
      try {
        execFileSync("umount", ["-l", dir]); // something still holds a file there
      } catch (e) {
        unmounted = false;
        console.error(`cleanup: could not unmount ${dir}: ${(e as Error).message}`);
      }
    }
  }
  // Never rm -rf through a mount point that is still mounted.
  if (scratch && unmounted) fs.rmSync(scratch.dataDir, { recursive: true, force: true });
  scratch = undefined;
}
