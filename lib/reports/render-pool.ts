import os from "node:os";
import path from "node:path";
import * as threads from "node:worker_threads";
import type { TReport } from "./types";

// react-pdf is CPU-bound and synchronous for seconds: rendering on the request thread would
// stall every other user's request. Workers keep the event loop free; the pool is small
// (one worker per spare core, at most two) and queues the rest.
//
// One organisation's heavy reports must not hold up everyone else's (issue 12 item 3: three
// 128 s renders made another organisation's 0.5 s report time out), so:
// - each render has a time limit: past it the worker is terminated (react-pdf cannot be
//   interrupted any other way) and the render fails with a message saying so;
// - each worker has a heap limit (resourceLimits): a render that needs more dies alone;
// - each user and each organisation may have only a few renders queued or running; more are
//   refused at once (RenderQueueFullError → 429) instead of growing an unbounded queue;
// - the next render goes to the organisation served least recently, then within it to the
//   user served least recently (round robin), not to whoever queued first;
// - background renders (reports kept ahead of a click, lib/reports/kept-reports.ts) start only
//   when no render a person asked for is waiting, one at a time, so a click never waits for
//   more than the one background render a worker may already have started.
// A home-made queue rather than piscina or p-queue: neither schedules fairly across keys,
// and this pool already spawns its worker by path (see pdf-worker.mjs, Turbopack) and relays
// progress messages, which piscina's task model would need a MessagePort per task for.

type TOwner = { orgId: string; userId: string };
type TTask = {
  id: number;
  report: TReport;
  owner: TOwner;
  background: boolean;
  onProgress?: (fraction: number) => void;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
};
type TSlot = {
  worker: threads.Worker;
  ready: Promise<void>;
  task: TTask | null;
  timer: NodeJS.Timeout | null;
};
type TPool = {
  slots: TSlot[];
  queue: TTask[];
  nextId: number;
  /** When each organisation / user last had a render started (a counter, not a time). */
  served: Map<string, number>;
  tick: number;
};

export type TRenderLimits = {
  /** Workers at most. */
  size: number;
  /** A render running longer than this is stopped. */
  timeoutMs: number;
  /** The worker's old-generation heap (V8), in MB. */
  maxHeapMb: number;
  /** Renders queued or running per user, and per organisation. */
  maxPerUser: number;
  maxPerOrg: number;
};

const DEFAULT_LIMITS: TRenderLimits = {
  size: Math.max(1, Math.min(2, os.availableParallelism() - 1)),
  // The 1,000-row synthetic report takes 2–4 s on this machine; a minute is far past any real
  // report now that the distance table is bounded.
  timeoutMs: 60_000,
  maxHeapMb: 1024,
  // A double click or a second tab is fine; a script firing dozens is not.
  maxPerUser: 3,
  maxPerOrg: 6,
};
const YOUNG_GENERATION_MB = 384;
// Found by path from the app root at run time, and hidden from Turbopack's worker analysis
// (it would try to bundle the file and fail on the tsx loader): `next start` runs the file
// as it is in the source tree (see pdf-worker.mjs).
const workerFile = () =>
  path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "reports", "pdf-worker.mjs");
const WorkerThread: typeof threads.Worker = Reflect.get(threads, "Worker");

/** Too many renders queued for this user or organisation: answer 429 with this message. */
export class RenderQueueFullError extends Error {
  readonly retryAfterSeconds = 30;
}

/** The render went past its time or memory limit and was stopped. */
export class RenderLimitError extends Error {}

// On globalThis: Next.js may load this module once per route bundle; one pool serves them all.
const g = globalThis as typeof globalThis & {
  __reportPool?: TPool;
  __renderLimits?: TRenderLimits;
};
const limits = () => g.__renderLimits ?? DEFAULT_LIMITS;

/** Changes the limits (tests); workers already running keep their heap limit. */
export function setRenderLimits(patch: Partial<TRenderLimits> | null): void {
  g.__renderLimits = patch ? { ...DEFAULT_LIMITS, ...patch } : undefined;
}

function getPool(): TPool {
  g.__reportPool ??= { slots: [], queue: [], nextId: 1, served: new Map(), tick: 0 };
  return g.__reportPool;
}

function finish(pool: TPool, slot: TSlot, outcome: { bytes: Uint8Array } | { error: Error }) {
  const task = slot.task;
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.task = null;
  if (task) {
    if ("bytes" in outcome) task.resolve(outcome.bytes);
    else task.reject(outcome.error);
  }
  runNext(pool);
}

/** Drops a worker that died or was stopped; its task (if any) fails with `error`. */
function retire(pool: TPool, slot: TSlot, error: Error) {
  const index = pool.slots.indexOf(slot);
  if (index < 0) return;
  pool.slots.splice(index, 1);
  finish(pool, slot, { error });
}

function startSlot(pool: TPool): TSlot {
  const { maxHeapMb } = limits();
  const worker = new WorkerThread(workerFile(), {
    workerData: { root: process.cwd() },
    resourceLimits: {
      // Layout allocates ~1 GB of short-lived objects per 1,000-row report; a young generation
      // larger than V8's default (16 MB semi-spaces) scavenges less often: ~15% less CPU
      // measured (README.md). V8 grows it up to this limit as needed.
      maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      maxOldGenerationSizeMb: maxHeapMb,
    },
  });
  worker.unref();
  const slot: TSlot = { worker, task: null, timer: null, ready: Promise.resolve() };
  slot.ready = new Promise((resolve) => {
    worker.once("message", () => resolve());
  });
  worker.on(
    "message",
    (msg: { id?: number; progress?: number; bytes?: Uint8Array; error?: string }) => {
      const task = slot.task;
      if (!task || msg.id !== task.id) return;
      if (msg.progress !== undefined) return task.onProgress?.(msg.progress);
      if (msg.bytes) finish(pool, slot, { bytes: msg.bytes });
      else finish(pool, slot, { error: new Error(msg.error ?? "PDF rendering failed") });
    },
  );
  worker.on("error", (error: Error & { code?: string }) => {
    retire(
      pool,
      slot,
      error.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? new RenderLimitError(
            `The report needed more than the ${maxHeapMb} MB of memory a render may use and was stopped. Narrow it down, or ask an administrator.`,
          )
        : error,
    );
  });
  worker.on("exit", () => retire(pool, slot, new Error("The PDF worker stopped unexpectedly.")));
  return slot;
}

/**
 * The queued task of the organisation, then the user, served least recently; a background task
 * only when no other is queued and no other background task runs. -1: nothing to start now.
 */
function pickNext(pool: TPool): number {
  const served = (key: string) => pool.served.get(key) ?? -1;
  const clicked = pool.queue.some((t) => !t.background);
  const backgroundRunning = pool.slots.some((s) => s.task?.background);
  let best = -1;
  pool.queue.forEach((task, i) => {
    if (task.background && (clicked || backgroundRunning)) return;
    const current = pool.queue[best];
    if (!current) {
      best = i;
      return;
    }
    const org = served(`org:${task.owner.orgId}`) - served(`org:${current.owner.orgId}`);
    const user = served(`user:${task.owner.userId}`) - served(`user:${current.owner.userId}`);
    if (org < 0 || (org === 0 && user < 0)) best = i;
  });
  return best;
}

function runNext(pool: TPool) {
  while (pool.queue.length > 0) {
    let slot = pool.slots.find((s) => s.task === null);
    if (!slot && pool.slots.length < limits().size) {
      slot = startSlot(pool);
      pool.slots.push(slot);
    }
    if (!slot) return;
    const next = pickNext(pool);
    if (next < 0) return;
    const [task] = pool.queue.splice(next, 1) as [TTask];
    pool.tick += 1;
    pool.served.set(`org:${task.owner.orgId}`, pool.tick);
    pool.served.set(`user:${task.owner.userId}`, pool.tick);
    slot.task = task;
    const busy = slot;
    void busy.ready.then(() => {
      if (busy.task !== task) return;
      const { timeoutMs } = limits();
      // The clock starts when the worker takes the task: time spent queued is not the render's.
      busy.timer = setTimeout(() => {
        retire(
          pool,
          busy,
          new RenderLimitError(
            `The report took longer than ${Math.round(timeoutMs / 1000)} s to render and was stopped. Try again later, or ask an administrator.`,
          ),
        );
        void busy.worker.terminate();
      }, timeoutMs);
      busy.worker.postMessage({ id: task.id, report: task.report });
    });
  }
}

/** Renders people asked for, queued or running, of one user or organisation. */
function countOwned(pool: TPool, match: (owner: TOwner) => boolean): number {
  const mine = (t: TTask | null) => !!t && !t.background && match(t.owner);
  return pool.slots.filter((s) => mine(s.task)).length + pool.queue.filter(mine).length;
}

export type TRenderPdfInput = {
  report: TReport;
  /** Who asked: the per-user and per-organisation limits and the round robin use it. */
  owner?: TOwner;
  onProgress?: (fraction: number) => void;
  /** Work nobody is waiting for: after every queued click, one at a time, outside the limits. */
  background?: boolean;
};

/**
 * Renders the report to PDF bytes in a worker thread. Throws RenderQueueFullError at once
 * (not through the promise) when the user or organisation already has its share queued, so
 * a caller can refuse before starting anything; the promise rejects with RenderLimitError
 * when the render runs past its time or memory limit.
 */
export function renderPdf({
  report,
  owner,
  onProgress,
  background = false,
}: TRenderPdfInput): Promise<Uint8Array> {
  const pool = getPool();
  const who = owner ?? { orgId: "", userId: "" };
  if (owner && !background) {
    const { maxPerUser, maxPerOrg } = limits();
    if (countOwned(pool, (o) => o.userId === owner.userId) >= maxPerUser)
      throw new RenderQueueFullError(
        `You already have ${maxPerUser} reports being prepared. Wait for one to finish, then try again.`,
      );
    if (countOwned(pool, (o) => o.orgId === owner.orgId) >= maxPerOrg)
      throw new RenderQueueFullError(
        `Your organisation already has ${maxPerOrg} reports being prepared. Wait for one to finish, then try again.`,
      );
  }
  return new Promise((resolve, reject) => {
    const id = pool.nextId++;
    pool.queue.push({ id, report, owner: who, background, onProgress, resolve, reject });
    runNext(pool);
  });
}
