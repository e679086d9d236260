import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { claimLease } from "@/lib/jobs/lease";
import { createScheduler } from "@/lib/jobs/scheduler";
import { listBackupFiles } from "@/lib/ops/manifest";
import { runScheduledBackup } from "@/lib/ops/schedule";
import { setupFreshDatabase } from "../db";

// Guards against two instances on one database each running every periodic job (two
// scheduled backups per interval, a reminder sweep twice at once), and against a job whose
// instance died never running again.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-jobs-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const { url } = await setupFreshDatabase();

/** Two "instances": schedulers with their own lease holder, on the same database. */
const twoInstances = () => [
  createScheduler({ leaseHolder: "instance-a", leaseMs: 600 }),
  createScheduler({ leaseHolder: "instance-b", leaseMs: 600 }),
];

describe("jobs across two instances on one database", () => {
  it("runs a job once per interval, never at the same time on both", async () => {
    const runs: { by: string; start: number; end: number }[] = [];
    const instances = twoInstances();
    const everyMs = 300;
    const started = Date.now();
    for (const [i, s] of instances.entries())
      s.registerJob({
        name: "t-once",
        everyMs,
        runOnStart: true,
        acrossInstances: true,
        run: async () => {
          const start = Date.now();
          await sleep(50);
          runs.push({ by: `instance-${i}`, start, end: Date.now() });
        },
      });
    await sleep(3000);
    await Promise.all(instances.map((s) => s.drainJobs()));
    const seconds = (Date.now() - started) / 1000;
    runs.sort((a, b) => a.start - b.start);
    // Each interval's run follows the last one's end by at least 0.9 interval: never both.
    for (let i = 1; i < runs.length; i++)
      expect(runs[i]!.start - runs[i - 1]!.end).toBeGreaterThanOrEqual(everyMs * 0.9 - 20);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil((seconds * 1000) / (everyMs * 0.9)) + 1);
  });

  it("makes one scheduled backup per interval between two instances", async () => {
    const backupDir = path.join(dataDir, "backups");
    const instances = twoInstances();
    const everyMs = 1500;
    for (const s of instances)
      s.registerJob({
        name: "t-backup",
        everyMs,
        runOnStart: true,
        acrossInstances: true,
        run: async ({ signal }) => {
          await runScheduledBackup({ dataDir, backupDir, retention: 50, everyMs: 1, url, signal });
        },
      });
    await sleep(everyMs * 2 + 700); // the start run and two intervals
    await Promise.all(instances.map((s) => s.drainJobs()));
    const made = listBackupFiles({ dir: backupDir }).filter((f) => f.kind === "scheduled");
    expect(made.length).toBeGreaterThanOrEqual(2);
    expect(made.length).toBeLessThanOrEqual(3);
  });

  it("runs again, on the other instance, a job whose instance died holding it", async () => {
    // What a killed instance leaves: the lease held, never renewed, never released.
    expect(
      await claimLease({ name: "t-dead", everyMs: 60_000, holder: "dead", leaseMs: 800 }),
    ).toBe(true);
    const [alive] = twoInstances();
    let ranAt = 0;
    const tookOver = Date.now();
    alive!.registerJob({
      name: "t-dead",
      everyMs: 200,
      runOnStart: true,
      acrossInstances: true,
      run: async () => {
        if (!ranAt) ranAt = Date.now();
      },
    });
    await sleep(1600);
    await alive!.drainJobs();
    expect(ranAt - tookOver).toBeGreaterThanOrEqual(700); // not while the dead one's lease held
    expect(ranAt).toBeGreaterThan(0);
  });
});
