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
// process). Each app process runs its own jobs: make run() safe to execute concurrently
// from two processes, or guard it (e.g. with a PostgreSQL advisory lock).

export type TJob = {
  name: string;
  everyMs: number;
  /** `signal` aborts when the run passes `timeoutMs` or the job is unregistered. */
  run: (ctx: { signal: AbortSignal }) => Promise<void>;
  runOnStart?: boolean;
  timeoutMs?: number;
};

type TEntry = {
  job: TJob;
  timer: NodeJS.Timeout;
  running?: Promise<void>;
  abort?: AbortController;
};
export type TJobLog = (line: string) => void;

// On globalThis: Next.js may evaluate this module more than once in one process.
const holder = globalThis as unknown as {
  __bcdrJobs?: Map<string, TEntry>;
  __bcdrJobLog?: TJobLog;
};
holder.__bcdrJobs ??= new Map();
const jobs = holder.__bcdrJobs;
const log: TJobLog = (line) => (holder.__bcdrJobLog ?? console.log)(`[jobs] ${line}`);

/** Where job messages go (console by default); tests capture them. */
export function setJobLog(fn: TJobLog | undefined) {
  holder.__bcdrJobLog = fn;
}

/** Runs the job now unless a run is in progress, in which case that run is returned. */
export function runJobNow({ name }: { name: string }): Promise<void> {
  const entry = jobs.get(name);
  if (!entry) return Promise.reject(new Error(`no job named ${name}`));
  if (entry.running) return entry.running;
  const started = Date.now();
  const abort = new AbortController();
  entry.abort = abort;
  const limit = entry.job.timeoutMs;
  const timer = limit
    ? setTimeout(() => {
        log(`${name} passed its time limit of ${limit} ms: stopping it`);
        abort.abort(new Error(`the job's time limit of ${limit} ms passed`));
      }, limit)
    : undefined;
  timer?.unref();
  entry.running = Promise.resolve()
    .then(() => entry.job.run({ signal: abort.signal }))
    .catch((e: unknown) => {
      log(
        `${name} failed after ${Date.now() - started} ms: ${e instanceof Error ? e.message : String(e)}`,
      );
    })
    .finally(() => {
      clearTimeout(timer);
      entry.running = undefined;
      entry.abort = undefined;
    });
  return entry.running;
}

function tick(name: string) {
  const entry = jobs.get(name);
  if (!entry) return; // unregistered meanwhile
  if (entry.running) {
    log(`${name}: previous run still in progress, skipping this one`);
    return;
  }
  void runJobNow({ name });
}

/** Schedules `job`; returns a function that unregisters it. */
export function registerJob(job: TJob): () => void {
  if (!(job.everyMs > 0)) throw new Error(`job ${job.name}: everyMs must be positive`);
  unregisterJob({ name: job.name });
  const timer = setInterval(() => tick(job.name), job.everyMs);
  timer.unref();
  jobs.set(job.name, { job, timer });
  if (job.runOnStart) setImmediate(() => tick(job.name)).unref();
  return () => unregisterJob({ name: job.name });
}

/** Stops future runs; a run in progress sees its signal aborted. */
export function unregisterJob({ name }: { name: string }) {
  const entry = jobs.get(name);
  if (!entry) return;
  clearInterval(entry.timer);
  entry.abort?.abort(new Error(`job ${name} was unregistered`));
  jobs.delete(name);
}
