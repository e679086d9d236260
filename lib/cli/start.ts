import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { seedIfEmpty } from "../../prisma/seed";
import { issueSetupLink } from "../data/setup-link";
import { applyMigrations } from "../db/migrations";
import { EnvError, ensureAuthSecret, parseEnv, wantsDemoData } from "../env";
import { ensureBuild } from "../ops/build";
import { canPostgresUserReach, startEmbeddedPostgres, stopEmbeddedPostgres } from "../pg/embedded";
import { keepEmbeddedPostgres } from "../pg/keeper";
import { frontCommand } from "../security/front";

// `npm start`: settings → database (embedded unless DATABASE_URL) → migrations → demo data
// (or, with DATABASE_URL and no DEMO_DATA=1, a one-time setup link)
// → production build when the sources changed → Next.js behind the front (lib/security/front.ts).
// Stops the embedded server on exit.
const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[start] ${line}`);

function fail(message: string): never {
  console.error(`\n[start] ${message}\n`);
  process.exit(1);
}

async function main() {
  let env: ReturnType<typeof parseEnv>;
  let secret: string;
  try {
    env = parseEnv();
    secret = ensureAuthSecret({ env });
  } catch (e) {
    if (e instanceof EnvError) fail(e.message);
    throw e;
  }
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  let url = env.DATABASE_URL;
  let pgDir: string | undefined;
  let pgPort: number | undefined;
  if (!url) {
    pgDir = path.join(env.DATA_DIR, "pg");
    if (!canPostgresUserReach({ dir: env.DATA_DIR })) {
      fail(
        `DATA_DIR ${env.DATA_DIR} cannot be reached by the 'postgres' OS user, which runs the embedded database when you are root ` +
          `(a folder under a home directory with mode 700, such as /root, blocks it).\n` +
          `Set DATA_DIR to a folder it can reach, e.g.  DATA_DIR=/var/lib/resilience-ledger npm start, or set DATABASE_URL to your own PostgreSQL.`,
      );
    }
    const server = await startEmbeddedPostgres({ pgDir });
    log(
      `${server.reused ? "reusing the embedded PostgreSQL left running" : "embedded PostgreSQL started"} on 127.0.0.1:${server.port} (${pgDir})`,
    );
    url = server.url;
    pgPort = server.port;
  } else {
    log(`using DATABASE_URL (${new URL(url).host})`);
  }

  const { applied } = await applyMigrations({ url, log });
  log(applied.length ? `${applied.length} migration(s) applied` : "database schema is current");
  if (wantsDemoData({ env })) {
    if (await seedIfEmpty({ url })) log("demo data created (accounts are listed in README.md)");
  } else {
    // No demo accounts with well-known passwords: the first admin sets up through this link.
    const setup = await issueSetupLink({ url, appUrl: env.APP_URL });
    if (setup)
      log(
        `no organisation yet: open this one-time link to name it and create its first admin (valid until ${setup.expiresAt.toISOString()}; a restart logs a new one):\n\n    ${setup.url}\n`,
      );
  }

  const childEnv = {
    ...process.env,
    DATABASE_URL: url,
    DATA_DIR: env.DATA_DIR,
    // Decided here, where an embedded database still shows as no DATABASE_URL (the child gets one).
    STORAGE: env.STORAGE,
    APP_URL: env.APP_URL,
    NEXTAUTH_URL: env.APP_URL,
    NEXTAUTH_SECRET: secret,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!dev) {
    try {
      ensureBuild({ env: childEnv, log });
    } catch (e) {
      fail((e as Error).message);
    }
  }

  // Next.js behind the front that decides which forwarding headers to believe (see its file).
  const front = frontCommand({ dev });
  const child: ChildProcess = spawn(front.command, front.args, {
    stdio: "inherit",
    env: {
      ...childEnv,
      PORT: String(env.PORT),
      NODE_ENV: dev ? "development" : "production",
      // next-server stops itself if this supervisor dies without stopping it (instrumentation.ts).
      BCDR_SUPERVISOR_PID: String(process.pid),
    },
    detached: true, // own process group, so stopping it also stops next-server
  });
  log(`serving on ${env.APP_URL}`);

  // A dead embedded server is started again on its port (the app reconnects by itself);
  // when it cannot be, the app exits 1 so that whatever runs it restarts it.
  const keeper =
    pgDir && pgPort
      ? keepEmbeddedPostgres({
          pgDir,
          port: pgPort,
          log,
          onGiveUp: (reason) => {
            console.error(`[start] ${reason}; stopping the app (exit code 1)`);
            shutdown(1);
          },
        })
      : undefined;

  let stopping = false;
  const stopDatabase = () => {
    if (!pgDir) return;
    try {
      stopEmbeddedPostgres({ pgDir });
      log("embedded PostgreSQL stopped");
    } catch (e) {
      console.error(`[start] could not stop PostgreSQL cleanly: ${(e as Error).message}`);
    }
  };
  // The app finishes its requests in flight before it exits (lib/ops/shutdown.ts): the
  // embedded database stops only after it, so no acknowledged answer is lost.
  const shutdown = (code: number) => {
    if (stopping) return;
    stopping = true;
    keeper?.stop();
    const finish = () => {
      stopDatabase();
      process.exit(code);
    };
    if (!child.pid || child.exitCode !== null) return finish();
    child.once("exit", finish);
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return finish();
    }
    const limit = (env.SHUTDOWN_GRACE_SECONDS + env.SHUTDOWN_LIMIT_SECONDS + 10) * 1000;
    setTimeout(() => {
      console.error("[start] the app did not stop in time; stopping it");
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
      finish();
    }, limit).unref();
  };
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => shutdown(0));
  child.on("exit", (code) => shutdown(code ?? 0));
}

main().catch((e) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
