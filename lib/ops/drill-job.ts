import { recordAudit, type TActor } from "../audit";
import { db } from "../db";
import { resolveDatabaseUrlSync } from "../db/url";
import { getEnv } from "../env";
import { claimLease, LEASE_MS, releaseLease, renewLease } from "../jobs/lease";
import { DrillFailure, runDrill, type TDrillStep } from "./drill";

// A restore drill started from the ops page: a background job on the instance that took it,
// once across all instances. The claim is the "drill" JobLease (lib/jobs/lease.ts), held and
// renewed while the drill runs; the record is an OpsRun row (kind drill, running) whose steps
// grow as the drill goes and which keeps the outcome. A run whose instance died stops beating:
// its lease lapses and the next look at the page settles the row as interrupted.

export const DRILL_LEASE = "drill";
const BEAT_MS = 5_000;
const INTERRUPTED = "drill interrupted: the instance running it stopped before it finished";

const STEP_WORDS: Record<TDrillStep, string> = {
  backup: "backing up the live database and evidence",
  restore: "restoring the backup into a scratch database",
  compare: "comparing the copy with the live snapshot",
  boot: "booting the app on the restored copy",
  "sign-in": "signing in to the copy over HTTP",
  cleanup: "stopping the copy and dropping the scratch database",
};

/** Running rows whose instance stopped beating become failed runs that say so. */
export async function settleAbandonedDrills({ now = new Date() }: { now?: Date } = {}) {
  const { count } = await db.opsRun.updateMany({
    where: {
      kind: "drill",
      running: true,
      heartbeatAt: { lt: new Date(now.getTime() - 2 * LEASE_MS) },
    },
    data: {
      running: false,
      ok: false,
      finishedAt: now,
      detail: INTERRUPTED,
    },
  });
  return { settled: count };
}

/** The drill running now, if any (after settling abandoned ones). */
export async function getRunningDrill() {
  await settleAbandonedDrills();
  return db.opsRun.findFirst({
    where: { kind: "drill", running: true },
    orderBy: { startedAt: "desc" },
  });
}

export type TStartDrillJob = { orgId: string; actorId: string };

/**
 * Takes the drill lease and records a running drill (an OpsRun row and its audit entry), or
 * null when a drill is already running on any instance or in `npm run drill`. The caller
 * runs it with runDrillJob, which gives the lease back.
 */
async function beginDrill({ orgId, actor }: { orgId: string | null; actor: TActor }) {
  // Abandoned rows are settled by getRunningDrill, or by the transaction below once the lease is ours.
  if (!(await claimLease({ name: DRILL_LEASE, everyMs: 0 }))) return null;
  try {
    return await db.$transaction(async (tx) => {
      const now = new Date();
      // Holding the lease, no other drill runs: a row still "running" lost its instance.
      await tx.opsRun.updateMany({
        where: { kind: "drill", running: true },
        data: { running: false, ok: false, finishedAt: now, detail: INTERRUPTED },
      });
      const row = await tx.opsRun.create({
        data: {
          kind: "drill",
          ok: false,
          running: true,
          startedAt: now,
          finishedAt: now,
          heartbeatAt: now,
          startedById: actor.kind === "user" ? actor.userId : null,
          detail: "starting",
        },
      });
      await recordAudit({
        tx,
        orgId,
        actor,
        action: "ops.drill_started",
        targetType: "ops_run",
        targetId: row.id,
      });
      return row;
    });
  } catch (e) {
    await releaseLease({ name: DRILL_LEASE, done: false });
    throw e;
  }
}

/**
 * Starts a drill in the background unless one is running on any instance; either way returns
 * the running drill's row id. The audit entry names the admin who started it.
 */
export async function startDrillJob({ orgId, actorId }: TStartDrillJob) {
  const run = await beginDrill({ orgId, actor: { kind: "user", userId: actorId } });
  if (!run) {
    const running = await getRunningDrill();
    return { started: false as const, runId: running?.id ?? null };
  }
  void runDrillJob({ runId: run.id });
  return { started: true as const, runId: run.id };
}

/**
 * `npm run drill`: the same drill in the foreground, under the same lease and record as one
 * started from the ops page (which shows its steps while it runs), each line also passed to
 * `log`. Refused while another drill runs anywhere: two drills would restore side by side.
 */
export async function runDrillHere({ log }: { log: (line: string) => void }) {
  const run = await beginDrill({ orgId: null, actor: { kind: "system", label: "npm run drill" } });
  if (!run) {
    const running = await getRunningDrill();
    return {
      ok: false as const,
      line: `drill not started: another restore drill is running${running ? ` (started ${running.startedAt.toISOString()})` : ""}; wait for it to finish`,
    };
  }
  return runDrillJob({ runId: run.id, log });
}

/** Runs the drill here, writing its steps to the row as they happen; never throws. */
async function runDrillJob({
  runId,
  log: echo,
}: {
  runId: string;
  log?: (line: string) => void;
}): Promise<{ ok: boolean; line: string }> {
  const env = getEnv();
  // Writes in order: a step's line never lands after the outcome.
  let writes: Promise<unknown> = Promise.resolve();
  const write = (data: Parameters<typeof db.opsRun.update>[0]["data"]) => {
    writes = writes
      .then(() => db.opsRun.updateMany({ where: { id: runId, running: true }, data }))
      .catch((e) => console.error(`[drill] could not record progress: ${(e as Error).message}`));
    return writes;
  };
  const beat = setInterval(() => {
    void renewLease({ name: DRILL_LEASE }).catch(() => {});
    void write({ heartbeatAt: new Date() });
  }, BEAT_MS);
  beat.unref();
  try {
    const r = await runDrill({
      url: resolveDatabaseUrlSync(),
      dataDir: env.DATA_DIR,
      backupDir: env.BACKUP_DIR,
      log: (line) => {
        echo?.(line);
        void write({ steps: { push: line }, heartbeatAt: new Date() });
      },
      onStep: (step) => void write({ detail: STEP_WORDS[step], heartbeatAt: new Date() }),
    });
    console.log(`[drill] ${r.line}`);
    await write({ running: false, ok: true, file: r.file, detail: r.line, finishedAt: new Date() });
    return { ok: true, line: r.line };
  } catch (e) {
    const step = e instanceof DrillFailure ? e.step : "drill";
    const message = `drill FAILED at ${step}: ${e instanceof Error ? e.message : String(e)}`;
    console.error(`[drill] ${message}`);
    const file = e instanceof DrillFailure ? (e.file ?? null) : null;
    await write({
      running: false,
      ok: false,
      file,
      detail: message.slice(0, 4000),
      finishedAt: new Date(),
    });
    return { ok: false, line: message };
  } finally {
    clearInterval(beat);
    await releaseLease({ name: DRILL_LEASE, done: true }).catch(() => {});
  }
}
