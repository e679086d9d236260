import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "@/lib/db";
import { signInOverHttp } from "@/lib/ops/http-signin";
import { embeddedUrl, readPidFile, stopEmbeddedPostgres } from "@/lib/pg/embedded";
import { DEMO_USERS } from "@/prisma/demo-data";
import { ensureSeedQuestionnaireVersion } from "@/prisma/seed";
import { insertPortalLink } from "../helpers/portal-link";

// The app under scan: started the way playwright.config.ts starts it (lib/cli/start.ts on a
// fresh DATA_DIR, its own port and build folder), signed in to over real HTTP, and given a
// vendor-portal link with an answer and an evidence file so the token pages have content.

export type TApp = { base: string; dataDir: string; stop: () => Promise<void> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startApp({
  port,
  dataDir,
  logFile,
  log,
}: {
  port: number;
  dataDir: string;
  logFile: string;
  log: (s: string) => void;
}): Promise<TApp> {
  const base = `http://127.0.0.1:${port}`;
  const out = fs.openSync(logFile, "a");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    APP_URL: base,
    NEXT_DIST_DIR: ".next-scan", // its own build folder: other builds and runs are left alone
    NEXT_TELEMETRY_DISABLED: "1",
    BACKUP_INTERVAL_MINUTES: "0",
    // The scanners send thousands of requests with one link and from one address, and the
    // sign-in form is one of sqlmap's targets: with the default limits most of them would be
    // answered 429 and test nothing. Rate limiting itself is tested in tests/e2e/rate-limit.spec.ts.
    RATE_LIMIT_SIGNIN_PER_EMAIL: "1000000",
    RATE_LIMIT_SIGNIN_PER_IP: "1000000",
    RATE_LIMIT_LINK_PER_TOKEN: "1000000",
    RATE_LIMIT_LINK_PER_IP: "1000000",
  };
  // No SMTP server and no outside database: invitation mail goes to DATA_DIR/outbox and the
  // app runs on its own embedded PostgreSQL, so nothing the scanners trigger leaves the machine.
  delete env.SMTP_URL;
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn("node_modules/.bin/tsx", ["lib/cli/start.ts"], {
    stdio: ["ignore", out, out],
    detached: true, // own process group: SIGTERM reaches tsx and start.ts, which stops next + PG
    env,
  });
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });

  const stop = async () => {
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      for (let i = 0; i < 60 && !exited; i++) await sleep(500);
      if (!exited) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {}
      }
    }
    // start.ts stops the embedded server on SIGTERM; this covers a start.ts that died first.
    const pgDir = path.join(dataDir, "pg");
    if (readPidFile({ pgDir })) {
      try {
        stopEmbeddedPostgres({ pgDir });
      } catch {}
    }
    fs.closeSync(out);
  };

  // The first start builds the app (several minutes on a busy 2-core machine).
  const deadline = Date.now() + 15 * 60_000;
  let lastNote = Date.now();
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`the app exited before it answered /api/health; see ${logFile}`);
    }
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not answer ${base}/api/health within 15 minutes`);
    }
    if (Date.now() - lastNote > 60_000) {
      log("still starting (a build runs when the sources changed)…");
      lastNote = Date.now();
    }
    await sleep(1000);
  }
  return { base, dataDir, stop };
}

/** next-auth credentials sign-in over HTTP as a demo user; `session` is the cookie's value. */
export async function signIn(base: string, role: keyof typeof DEMO_USERS) {
  const { email, password } = DEMO_USERS[role];
  const { jar } = await signInOverHttp({ baseUrl: base, email, password });
  // The scanners are handed this one cookie by name (wapiti's cookie file, sqlmap's --cookie).
  const session = jar.get("next-auth.session-token");
  if (!session) throw new Error(`${email}'s session cookie is not next-auth.session-token`);
  return { email, session };
}

export type TPortal = {
  token: string;
  assessmentId: string;
  evidenceId: string;
  vendorId: string;
  ownerId: string;
  /** a flag code that some demo assessment has, for the dashboard's flag filter */
  flagCode: string;
};

/**
 * A sent assessment with a vendor-portal link, then one answer and one evidence file sent
 * through the portal's HTTP API.
 */
export async function createPortalLink({
  base,
  dataDir,
  email,
}: {
  base: string;
  dataDir: string;
  email: string;
}): Promise<TPortal> {
  const pgDir = path.join(dataDir, "pg");
  const running = readPidFile({ pgDir });
  if (!running) throw new Error(`no embedded PostgreSQL running in ${pgDir}`);
  const prisma = createPrismaClient({ url: embeddedUrl({ pgDir, port: running.port }) });
  try {
    const qv = await ensureSeedQuestionnaireVersion({ prisma });
    const dueDate = new Date(Date.now() + 30 * 86_400_000);
    const { token, assessmentId, orgId, vendorId, ownerId } = await insertPortalLink(prisma, {
      email,
      questionnaireVersionId: qv.id,
      dueDate,
      expiresAt: new Date(dueDate.getTime() + 30 * 86_400_000),
    });
    const headers = { Origin: base };
    const saved = await fetch(`${base}/api/respond/${token}/answers`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify({
        questionId: "rpo_minutes",
        value: 60,
        baseVersion: 0,
        idempotencyKey: `scan-${Date.now()}`,
      }),
    });
    if (!saved.ok) throw new Error(`saving an answer through the portal: HTTP ${saved.status}`);
    const form = new FormData();
    form.set("file", new File(["Restore test, scan fixture.\n"], "restore-test.txt"));
    form.set("questionId", "restore_test_last_date");
    const up = await fetch(`${base}/api/respond/${token}/evidence`, {
      method: "POST",
      headers,
      body: form,
    });
    if (!up.ok) throw new Error(`uploading evidence through the portal: HTTP ${up.status}`);
    const { data } = (await up.json()) as { data: { id: string } };
    const flag = await prisma.flag.findFirst({
      where: { assessment: { orgId } },
      select: { code: true },
    });
    return {
      flagCode: flag?.code ?? "",
      token,
      assessmentId,
      evidenceId: data.id,
      vendorId,
      ownerId: ownerId ?? "",
    };
  } finally {
    await prisma.$disconnect();
  }
}
