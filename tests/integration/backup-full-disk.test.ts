import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { getOpsOverview } from "@/lib/data/ops";
import { poolConfigFromUrl } from "@/lib/db/pg-config";
import { registerJob, setJobLog } from "@/lib/jobs/scheduler";
import { createBackup } from "@/lib/ops/backup";
import type { ContainerWriter } from "@/lib/ops/backup-file";
import { exportSnapshot } from "@/lib/ops/export";
import { listBackupFiles } from "@/lib/ops/manifest";
import { runScheduledBackup } from "@/lib/ops/schedule";
import { enospc, fillDisk } from "../helpers/full-disk";
import { createOrgWithUsers, setupFreshDatabase } from "./db";

// Guards against a full backup disk stopping every later backup silently (issue 12, item 1):
// the first backup hung on the failed write, holding its snapshot transaction open, so every
// later tick was skipped as "still in progress" and nothing was recorded.

const { url, prisma } = await setupFreshDatabase();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-full-disk-"));
const dir = path.join(dataDir, "backups");
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// Enough incompressible rows that the disk fills while a table's COPY is still streaming.
const { org } = await createOrgWithUsers(prisma, "fd");
await prisma.auditEvent.createMany({
  data: Array.from({ length: 3000 }, (_, i) => ({
    orgId: org.id,
    actorKind: "system" as const,
    action: `fill.${i}`,
    data: { noise: crypto.randomBytes(1200).toString("base64") },
  })),
});

const inBackups = (file: string) => file.startsWith(dir);
const partials = () =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.startsWith(".partial")) : [];

/** Sessions of this database holding a transaction open (the snapshot's), other than ours. */
async function openTransactions() {
  const client = new pg.Client(poolConfigFromUrl({ url }));
  await client.connect();
  try {
    const r = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
    );
    return r.rows[0]!.n;
  } finally {
    await client.end();
  }
}

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms),
    ),
  ]);

describe("a backup on a full disk", () => {
  it("fails at once naming the full disk, removes the partial file and releases the snapshot", async () => {
    const disk = fillDisk({ applies: inBackups, room: 64 * 1024 });
    const started = Date.now();
    const err = await within(15_000, createBackup({ url, dataDir })).catch((e: Error) => e);
    disk.free();
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/no space left/i);
    expect((err as Error).message).toContain(dir);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(partials()).toEqual([]);
    await expect.poll(openTransactions, { timeout: 5_000 }).toBe(0);
  });

  it("survives a write that fails before a table's COPY is read (no unhandled 'error' event)", async () => {
    // The disk fills while the entry's header is written: the COPY already runs on the
    // connection, nobody reads it, and closing the connection fails it. That failure must not
    // be an unhandled 'error' event: it crashed `npm run backup`, and would crash the app.
    const client = new pg.Client(poolConfigFromUrl({ url }));
    await client.connect();
    const failing = {
      writeEntry: async () => {
        throw enospc();
      },
    } as unknown as ContainerWriter;
    const crashes: unknown[] = [];
    const onCrash = (e: unknown) => crashes.push(e);
    process.on("uncaughtException", onCrash);
    try {
      await expect(exportSnapshot({ client, writer: failing })).rejects.toThrow(/ENOSPC/);
      await client.end();
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      process.off("uncaughtException", onCrash);
    }
    expect(crashes).toEqual([]);
  });

  it("fails a step that makes no progress within its time limit", async () => {
    // A disk that accepts nothing and never answers (a hung mount): writes never complete.
    const original = fs.createWriteStream;
    const spy = vi
      .spyOn(fs, "createWriteStream")
      .mockImplementation((file: fs.PathLike, options?: Parameters<typeof original>[1]) => {
        if (!inBackups(String(file))) return original(file, options);
        original(file, options).end(); // the partial file exists, as on a real disk
        return new Writable({ highWaterMark: 1, write() {} }) as unknown as fs.WriteStream;
      });
    const err = await within(15_000, createBackup({ url, dataDir, stallMs: 1_000 })).catch(
      (e: Error) => e,
    );
    spy.mockRestore();
    expect((err as Error).message).toMatch(/no progress for 1 s/);
    expect(partials()).toEqual([]);
    await expect.poll(openTransactions, { timeout: 5_000 }).toBe(0);
  });

  it("is recorded as failed, and the next tick of the schedule backs up once space is free", async () => {
    const logs: string[] = [];
    setJobLog((l) => logs.push(l));
    const disk = fillDisk({ applies: inBackups, room: 64 * 1024 });
    let runs = 0;
    const stop = registerJob({
      name: "t-backup-full-disk",
      everyMs: 400,
      runOnStart: true,
      run: async () => {
        runs++;
        await runScheduledBackup({ url, dataDir, retention: 5, everyMs: 0, log: () => {} });
      },
    });
    try {
      await expect
        .poll(() => prisma.opsRun.count({ where: { kind: "backup", ok: false } }), {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
      const failed = await getOpsOverview();
      expect(failed.lastBackup?.ok).toBe(false);
      expect(failed.lastBackup?.detail).toMatch(/no space left/i);
      disk.free();
      await expect
        .poll(() => listBackupFiles({ dir }).filter((f) => f.kind === "scheduled").length, {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
    } finally {
      stop();
      disk.free();
      setJobLog(undefined);
    }
    expect(runs).toBeGreaterThanOrEqual(2);
    const failedRun = await prisma.opsRun.findFirstOrThrow({
      where: { kind: "backup", ok: false },
    });
    expect(+failedRun.finishedAt - +failedRun.startedAt).toBeLessThan(10_000);
    expect(
      logs.some((l) => /t-backup-full-disk failed after \d+ ms: .*no space left/i.test(l)),
    ).toBe(true);
    await expect.poll(async () => (await getOpsOverview()).lastBackup?.ok).toBe(true);
    expect(partials()).toEqual([]);
  });
});
