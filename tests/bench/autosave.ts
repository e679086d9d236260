// npm run bench:autosave — 200 simulated vendors, each autosaving an answer every 2 s for 60 s
// through the portal's own endpoint (POST /api/respond/<token>/answers, as the browser sends
// it), then the answers counted in the database: an acknowledged save whose value is not the
// one stored is "lost". Two runs: two `npm start` instances behind nginx (the shipped
// lib/ops/examples/nginx.conf.example) on PostgreSQL 15, then one on the embedded server.
// Prints, balanced first, `autosave p95 A ms; p99 B ms; errors E; lost L`. Goal: A ≤ 200,
// E = 0, L = 0. Localhost only.
//
// Env: BENCH_VENDORS (200), BENCH_SECONDS (60), BENCH_PG_URL (PostgreSQL 15, default
// postgresql://postgres@127.0.0.1:5432/postgres), NEXT_DIST_DIR (the build to run; none is made),
// BENCH_ONLY (`balanced` or `embedded`: that run alone, e.g. to profile it).
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db";
import { createDatabase, dropDatabase } from "@/lib/db/scratch-db";
import { bootApp, type TBootedApp } from "@/lib/ops/app-boot";
import { embeddedUrl, freePort, readPidFile } from "@/lib/pg/embedded";
import { ensureSeedQuestionnaireVersion } from "@/prisma/seed";
import { startNginx } from "../helpers/nginx";
import { insertPortalLink } from "../helpers/portal-link";
import { killTree } from "../helpers/processes";

const VENDORS = Number(process.env.BENCH_VENDORS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const EVERY_MS = 2_000;
const PG15 = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// 200 vendors × 30 saves from one address pass the per-address limit (5,000 per 10 minutes),
// which is there for a real attacker, not for this bench: raised for this run only.
const RAISED_LIMITS = { RATE_LIMIT_LINK_PER_TOKEN: "100000", RATE_LIMIT_LINK_PER_IP: "10000000" };
const QUESTION = "rto_minutes";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type TDb = ReturnType<typeof createPrismaClient>;
type TResult = {
  name: string;
  p95: number;
  p99: number;
  errors: number;
  lost: number;
  saves: number;
};

async function makeLinks(db: TDb) {
  const qv = await ensureSeedQuestionnaireVersion({ prisma: db });
  const org = await db.organization.findFirstOrThrow();
  const links: { token: string; assessmentId: string }[] = [];
  for (let i = 0; i < VENDORS; i++) {
    const name = `Bench Vendor ${i}`;
    await db.vendor.create({ data: { orgId: org.id, name, tier: "high" } });
    const link = await insertPortalLink(db, {
      vendorName: name,
      email: `bench-${i}@vendor.example`,
      questionnaireVersionId: qv.id,
    });
    links.push({ token: link.token, assessmentId: link.assessmentId });
  }
  return links;
}

/** Every vendor saves every EVERY_MS (its own offset), each save after the previous answered. */
async function drive({ baseUrl, links }: { baseUrl: string; links: { token: string }[] }) {
  const latencies: number[] = [];
  const errors: string[] = [];
  const acked: (number | null)[] = links.map(() => null);
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    links.map(async ({ token }, i) => {
      let version = 0;
      let seq = 0;
      let next = Date.now() + Math.random() * EVERY_MS;
      while (next < end) {
        await sleep(Math.max(0, next - Date.now()));
        next += EVERY_MS;
        const value = 60 + (seq++ % 1000);
        const started = performance.now();
        try {
          const res = await fetch(`${baseUrl}/api/respond/${token}/answers`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: baseUrl },
            body: JSON.stringify({
              questionId: QUESTION,
              value,
              baseVersion: version,
              idempotencyKey: crypto.randomBytes(12).toString("base64url"),
            }),
          });
          const text = await res.text();
          latencies.push(performance.now() - started);
          const body = (
            res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : {}
          ) as {
            status?: string;
            version?: number;
          };
          if (res.status === 200 && body.status === "saved") {
            version = body.version!;
            acked[i] = value;
          } else
            errors.push(
              `HTTP ${res.status} ${body.status ?? text.slice(0, 60).replace(/\s+/g, " ")}`,
            );
        } catch (e) {
          latencies.push(performance.now() - started);
          errors.push((e as Error).message);
        }
      }
    }),
  );
  return { latencies, errors, acked };
}

async function measure(name: string, baseUrl: string, db: TDb): Promise<TResult> {
  const links = await makeLinks(db);
  console.log(
    `[bench] ${name}: ${VENDORS} vendors, a save each every ${EVERY_MS / 1000} s for ${SECONDS} s`,
  );
  const { latencies, errors, acked } = await drive({ baseUrl, links });
  const stored = await db.answer.findMany({
    where: { assessmentId: { in: links.map((l) => l.assessmentId) }, questionId: QUESTION },
    select: { assessmentId: true, value: true },
  });
  const byAssessment = new Map(stored.map((a) => [a.assessmentId, a.value]));
  const lost = links.filter(
    (l, i) => acked[i] !== null && byAssessment.get(l.assessmentId) !== acked[i],
  ).length;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  if (errors.length)
    console.log(`[bench] ${name}: first errors: ${[...new Set(errors)].slice(0, 5).join(" | ")}`);
  return {
    name,
    p95: at(0.95),
    p99: at(0.99),
    errors: errors.length,
    lost,
    saves: latencies.length,
  };
}

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-bench-autosave-"));
  fs.chmodSync(dir, 0o755);
  return dir;
};

async function balancedRun(): Promise<TResult> {
  const name = `bench_autosave_${crypto.randomBytes(4).toString("hex")}`;
  const url = await createDatabase({ url: PG15, name });
  const db = createPrismaClient({ url });
  const [lbPort, portA, portB] = [await freePort(), await freePort(), await freePort()];
  const lb = `http://127.0.0.1:${lbPort}`;
  const apps: TBootedApp[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  try {
    const settings = {
      databaseUrl: url,
      authSecret: crypto.randomBytes(32).toString("base64"),
      env: { APP_URL: lb, TRUSTED_PROXIES: "127.0.0.1", DEMO_DATA: "1", ...RAISED_LIMITS },
    };
    for (const port of [portA, portB])
      apps.push(await bootApp({ ...settings, dataDir: tempDir(), port }));
    nginx = await startNginx({ listen: lbPort, upstreams: [portA, portB] });
    return await measure("two instances behind nginx, PostgreSQL 15", lb, db);
  } finally {
    nginx?.stop();
    for (const app of apps) await app.stop().catch(() => {});
    await db.$disconnect();
    await dropDatabase({ url: PG15, name });
  }
}

async function embeddedRun(): Promise<TResult> {
  const dataDir = tempDir();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    APP_URL: baseUrl,
    ...RAISED_LIMITS,
  };
  for (const k of ["DATABASE_URL", "AUTH_SECRET", "STORAGE"]) delete env[k];
  const app: ChildProcess = spawn("node_modules/.bin/tsx", ["lib/cli/start.ts"], {
    env,
    detached: true,
    stdio: "ignore",
  });
  let db: TDb | undefined;
  try {
    for (let i = 0; !(await fetch(`${baseUrl}/api/health`).catch(() => null))?.ok; i++) {
      if (i > 600 || app.exitCode !== null) throw new Error("the embedded app did not start");
      await sleep(250);
    }
    const pgDir = path.join(dataDir, "pg");
    db = createPrismaClient({ url: embeddedUrl({ pgDir, port: readPidFile({ pgDir })!.port }) });
    return await measure("one instance, embedded PostgreSQL", baseUrl, db);
  } finally {
    await db?.$disconnect();
    process.kill(-app.pid!, "SIGTERM"); // start.ts drains the app, then stops its database
    await new Promise((r) => (app.exitCode === null ? app.once("exit", r) : r(null)));
    killTree({ pid: app.pid! });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `[bench] rate limits raised for this run only (per link ${RAISED_LIMITS.RATE_LIMIT_LINK_PER_TOKEN}, per address ${RAISED_LIMITS.RATE_LIMIT_LINK_PER_IP} per window): every simulated vendor comes from 127.0.0.1`,
);
// Balanced first, embedded last; each printed as soon as it is measured.
const only = process.env.BENCH_ONLY;
for (const run of [balancedRun, embeddedRun].filter(
  (r) => !only || r.name.toLowerCase().startsWith(only.toLowerCase()),
)) {
  const r = await run();
  console.log(`${r.name} (${r.saves} saves):`);
  console.log(`autosave p95 ${r.p95} ms; p99 ${r.p99} ms; errors ${r.errors}; lost ${r.lost}`);
}
process.exit(0);
