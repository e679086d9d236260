import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { poolConfigFromUrl } from "@/lib/db/pg-config";
import {
  readPidFile,
  startEmbeddedPostgres,
  stopEmbeddedPostgres,
  type TEmbeddedServer,
} from "@/lib/pg/embedded";
import { keepEmbeddedPostgres } from "@/lib/pg/keeper";
import { setupFreshDatabase } from "./db";

// Guards against a dead database never being recovered (issue 12, item 2): after the embedded
// server was killed the app answered 500 until someone restarted it by hand. A killed
// connection or server must leave the app's pooled client working once the server is back,
// and `npm start` must bring the embedded server back by itself (lib/pg/keeper.ts).

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function terminateOthers(url: string) {
  const admin = new pg.Client(poolConfigFromUrl({ url }));
  await admin.connect();
  try {
    const r = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return r.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

/** True when every one of `n` parallel queries succeeds. */
async function allAnswer(prisma: ReturnType<typeof createPrismaClient>, n = 12) {
  const results = await Promise.allSettled(
    Array.from({ length: n }, () => prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one`),
  );
  return results.every((r) => r.status === "fulfilled");
}

describe("the app's database client", () => {
  it("keeps working after its connections are killed, even one inside a transaction", async () => {
    const { url, prisma } = await setupFreshDatabase();
    expect(await allAnswer(prisma)).toBe(true);
    const inTransaction = prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      await sleep(400);
      await tx.$queryRaw`SELECT 2`;
    });
    inTransaction.catch(() => {});
    await sleep(100);
    expect(await terminateOthers(url)).toBeGreaterThanOrEqual(2);
    await expect(inTransaction).rejects.toThrow();
    // Not one lasting failure: after the pool has seen the closed sockets, everything answers.
    await sleep(200);
    for (let round = 0; round < 5; round++) expect(await allAnswer(prisma)).toBe(true);
    const org = await prisma.organization.create({ data: { name: "After", slug: "after-kill" } });
    expect(org.id).toBeTruthy();
  });
});

describe("the embedded server's keeper", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-keeper-"));
  fs.chmodSync(dir, 0o755);
  const pgDir = path.join(dir, "pg");
  let server: TEmbeddedServer;
  afterAll(() => {
    try {
      stopEmbeddedPostgres({ pgDir });
    } catch {}
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const killServer = () => {
    const pid = readPidFile({ pgDir })!.pid;
    process.kill(pid, "SIGKILL");
    return pid;
  };

  it("restarts a SIGKILLed server on the same port; the same client reconnects and nothing committed is lost", async () => {
    server = await startEmbeddedPostgres({ pgDir });
    await applyMigrations({ url: server.url });
    const prisma = createPrismaClient({ url: server.url });
    const logs: string[] = [];
    const gaveUp: string[] = [];
    const keeper = keepEmbeddedPostgres({
      pgDir,
      port: server.port,
      pollMs: 100,
      backoffMs: 200,
      log: (l) => logs.push(l),
      onGiveUp: (r) => gaveUp.push(r),
    });
    try {
      const saved = await prisma.organization.create({ data: { name: "Kept", slug: "kept" } });
      expect(await allAnswer(prisma)).toBe(true);
      const killed = killServer();
      const restarted = `restarted on 127.0.0.1:${server.port}`;
      await expect
        .poll(() => logs.some((l) => l.includes(restarted)), { timeout: 30_000, interval: 100 })
        .toBe(true);
      await expect.poll(() => allAnswer(prisma, 4), { timeout: 10_000, interval: 250 }).toBe(true);
      const now = readPidFile({ pgDir })!;
      expect(now.pid).not.toBe(killed);
      expect(now.port).toBe(server.port);
      expect(gaveUp).toEqual([]);
      for (let round = 0; round < 3; round++) expect(await allAnswer(prisma)).toBe(true);
      expect(await prisma.organization.findUnique({ where: { id: saved.id } })).toMatchObject({
        slug: "kept",
      });
    } finally {
      keeper.stop();
      await prisma.$disconnect();
    }
  });

  it("gives up after its bounded retries when the server cannot come back", async () => {
    killServer();
    // Something else takes the port: no restart can listen there.
    const squatter = net.createServer();
    await expect
      .poll(
        () =>
          new Promise<boolean>((resolve) => {
            squatter.once("error", () => resolve(false));
            squatter.listen(server.port, "127.0.0.1", () => resolve(true));
          }),
        { timeout: 10_000, interval: 50 },
      )
      .toBe(true);
    const gaveUp: string[] = [];
    const logs: string[] = [];
    const keeper = keepEmbeddedPostgres({
      pgDir,
      port: server.port,
      pollMs: 100,
      retries: 3,
      backoffMs: 100,
      log: (l) => logs.push(l),
      onGiveUp: (r) => gaveUp.push(r),
    });
    try {
      await expect.poll(() => gaveUp.length, { timeout: 60_000, interval: 200 }).toBe(1);
      expect(gaveUp[0]).toMatch(/could not be restarted after 3 attempts/);
      expect(logs.filter((l) => /restart attempt \d of 3 failed/.test(l))).toHaveLength(3);
    } finally {
      keeper.stop();
      await new Promise((r) => squatter.close(r));
    }
  });

  it("leaves a server stopped cleanly from outside stopped (the operator's choice)", async () => {
    // Once the server killed above is reaped (its postmaster.pid names it until then).
    await expect
      .poll(
        () =>
          startEmbeddedPostgres({ pgDir, port: server.port }).then(
            () => true,
            () => false,
          ),
        {
          timeout: 15_000,
          interval: 300,
        },
      )
      .toBe(true);
    const logs: string[] = [];
    const gaveUp: string[] = [];
    const keeper = keepEmbeddedPostgres({
      pgDir,
      port: server.port,
      pollMs: 100,
      log: (l) => logs.push(l),
      onGiveUp: (r) => gaveUp.push(r),
    });
    try {
      stopEmbeddedPostgres({ pgDir });
      await expect
        .poll(() => logs.some((l) => /stopped from outside \(cleanly\); not restarting/.test(l)))
        .toBe(true);
      await sleep(500);
      expect(readPidFile({ pgDir })).toBeUndefined();
      expect(gaveUp).toEqual([]);
    } finally {
      keeper.stop();
    }
  });
});
