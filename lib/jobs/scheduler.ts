import { claimLease, instanceId, LEASE_MS, releaseLease, renewLease } from "./lease";

// A small in-process job registry for work the app does on a timer (backups, reminders …).
//
//   import { registerJob } from "@/lib/jobs/scheduler";
//   registerJob({
//     name: "reminders",            // unique; registering the same name again replaces it
//     everyMs: 60 * 60_000,         // interval between starts
//     runOnStart: true,             // also run once right after registration
//     timeoutMs: 30 * 60_000,       // optional: abort `signal` when a run takes longer
//     run: async ({ signal }) => { … }, // throw to report a failure; it is logged, never fatal
//   });
//
// Guarantees: runs of one job never overlap (a tick that finds the previous run still going
// is skipped); a failing run is logged and the job keeps its schedule; timers are unref'd,
// so they never keep a process alive. Register from instrumentation.ts (once per server
// process). A job with `acrossInstances: true` runs once per interval across all the
// instances on one database: each tick first takes the job's lease (lib/jobs/lease.ts), and
// an instance that dies holding it loses it after the lease time, so another one runs it.

export type TJob = {
  name: string;
  everyMs: number;
  /** `signal` aborts when the run passes `timeoutMs` or the job is unregistered. */
  run: (ctx: { signal: AbortSignal }) => Promise<void>;
  runOnStart?: boolean;
  timeoutMs?: number;
  /** Run once per interval across every instance on the database (a JobLease claim). */
  acrossInstances?: boolean;
};

type TEntry = {
  job: TJob;
  timer: NodeJS.Timeout;
  running?: Promise<void>;
  abort?: AbortController;
};
export type TJobLog = (line: string) => void;

const holder = globalThis as unknown as { __bcdrJobLog?: TJobLog };
const log: TJobLog = (line) => (holder.__bcdrJobLog ?? console.log)(`[jobs] ${line}`);

/** Where job messages go (console by default); tests capture them. */
export function setJobLog(fn: TJobLog | undefined) {
  holder.__bcdrJobLog = fn;
}

export type TScheduler = ReturnType<typeof createScheduler>;

/** A set of jobs; the app has one per process (below); tests make several to act as instances. */
export function createScheduler({
  leaseHolder = instanceId,
  leaseMs = LEASE_MS,
}: {
  leaseHolder?: string;
  leaseMs?: number;
} = {}) {
  const jobs = new Map<string, TEntry>();
  let draining = false;

  /** Takes the lease and keeps it renewed; undefined when another instance has the job. */
  async function lease(entry: TEntry, abort: AbortController) {
    const { name, everyMs } = entry.job;
    if (!(await claimLease({ name, everyMs, holder: leaseHolder, leaseMs }))) return undefined;
    const renew = setInterval(() => {
      renewLease({ name, holder: leaseHolder, leaseMs }).then(
        (kept) => kept || abort.abort(new Error(`job ${name}: another instance took its lease`)),
        () => {}, // the database is away: the run fails by itself, or the lease lapses
      );
    }, leaseMs / 3);
    renew.unref();
    return {
      release: (done: boolean) => {
        clearInterval(renew);
        return releaseLease({ name, holder: leaseHolder, done });
      },
    };
  }

  async function runOnce(entry: TEntry, abort: AbortController) {
    const { name, timeoutMs: limit } = entry.job;
    const started = Date.now();
    let held: Awaited<ReturnType<typeof lease>>;
    if (entry.job.acrossInstances) {
      held = await lease(entry, abort);
      if (!held) return; // another instance runs it this interval
    }
    const timer = limit
      ? setTimeout(() => {
          log(`${name} passed its time limit of ${limit} ms: stopping it`);
          abort.abort(new Error(`the job's time limit of ${limit} ms passed`));
        }, limit)
      : undefined;
    timer?.unref();
    let done = false;
    try {
      await entry.job.run({ signal: abort.signal });
      done = true;
    } catch (e) {
      log(
        `${name} failed after ${Date.now() - started} ms: ${e instanceof Error ? e.message : String(e)}`,
      );
    } finally {
      clearTimeout(timer);
      await held?.release(done).catch(() => {}); // unreleased, it lapses after leaseMs
    }
  }

  /** Runs the job now unless a run is in progress, in which case that run is returned. */
  function runJobNow({ name }: { name: string }): Promise<void> {
    const entry = jobs.get(name);
    if (!entry) return Promise.reject(new Error(`no job named ${name}`));
    if (entry.running) return entry.running;
    const abort = new AbortController();
    entry.abort = abort;
    entry.running = runOnce(entry, abort)
      .catch((e: unknown) => log(`${name}: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        entry.running = undefined;
        entry.abort = undefined;
      });
    return entry.running;
  }

  function tick(name: string) {
    const entry = jobs.get(name);
    if (!entry || draining) return; // unregistered meanwhile, or the process is stopping
    if (entry.running) {
      log(`${name}: previous run still in progress, skipping this one`);
      return;
    }
    void runJobNow({ name });
  }

  /** Stops future runs; a run in progress sees its signal aborted. */
  function unregisterJob({ name }: { name: string }) {
    const entry = jobs.get(name);
    if (!entry) return;
    clearInterval(entry.timer);
    entry.abort?.abort(new Error(`job ${name} was unregistered`));
    jobs.delete(name);
  }

  /** Schedules `job`; returns a function that unregisters it. */
  function registerJob(job: TJob): () => void {
    if (!(job.everyMs > 0)) throw new Error(`job ${job.name}: everyMs must be positive`);
    unregisterJob({ name: job.name });
    const timer = setInterval(() => tick(job.name), job.everyMs);
    timer.unref();
    jobs.set(job.name, { job, timer });
    if (job.runOnStart) setImmediate(() => tick(job.name)).unref();
    return () => unregisterJob({ name: job.name });
  }

  /** For shutdown: starts nothing new and waits for the runs in progress to finish. */
  async function drainJobs() {
    draining = true;
    for (const entry of jobs.values()) clearInterval(entry.timer);
    await Promise.all([...jobs.values()].map((e) => e.running));
  }

  return { registerJob, runJobNow, unregisterJob, drainJobs };
}

// On globalThis: Next.js may evaluate this module more than once in one process.
const g = globalThis as unknown as { __bcdrScheduler?: TScheduler };
g.__bcdrScheduler ??= createScheduler();
const scheduler = g.__bcdrScheduler;

export const { registerJob, runJobNow, unregisterJob, drainJobs } = scheduler;
