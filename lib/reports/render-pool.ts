import os from "node:os";
import path from "node:path";
import * as threads from "node:worker_threads";
import type { TReport } from "./types";

// react-pdf is CPU-bound and synchronous for seconds: rendering on the request thread would
// stall every other user's request. Workers keep the event loop free; the pool is small
// (one worker per spare core, at most two) and queues the rest.

type TTask = {
  id: number;
  report: TReport;
  onProgress?: (fraction: number) => void;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
};
type TSlot = { worker: threads.Worker; ready: Promise<void>; task: TTask | null };
type TPool = { slots: TSlot[]; queue: TTask[]; nextId: number };

const SIZE = Math.max(1, Math.min(2, os.availableParallelism() - 1));
const YOUNG_GENERATION_MB = 384;
// Found by path from the app root at run time, and hidden from Turbopack's worker analysis
// (it would try to bundle the file and fail on the tsx loader): `next start` runs the file
// as it is in the source tree (see pdf-worker.mjs).
const workerFile = () =>
  path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "reports", "pdf-worker.mjs");
const WorkerThread: typeof threads.Worker = Reflect.get(threads, "Worker");

// On globalThis: Next.js may load this module once per route bundle; one pool serves them all.
const g = globalThis as typeof globalThis & { __reportPool?: TPool };

function startSlot(pool: TPool): TSlot {
  const worker = new WorkerThread(workerFile(), {
    workerData: { root: process.cwd() },
    // Layout allocates ~1 GB of short-lived objects per 1,000-row report; a young generation
    // larger than V8's default (16 MB semi-spaces) scavenges less often: ~15% less CPU
    // measured (README.md). V8 grows it up to this limit as needed.
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  worker.unref();
  const slot: TSlot = { worker, task: null, ready: Promise.resolve() };
  slot.ready = new Promise((resolve) => {
    worker.once("message", () => resolve());
  });
  worker.on(
    "message",
    (msg: { id?: number; progress?: number; bytes?: Uint8Array; error?: string }) => {
      const task = slot.task;
      if (!task || msg.id !== task.id) return;
      if (msg.progress !== undefined) return task.onProgress?.(msg.progress);
      slot.task = null;
      if (msg.bytes) task.resolve(msg.bytes);
      else task.reject(new Error(msg.error ?? "PDF rendering failed"));
      runNext(pool);
    },
  );
  worker.on("error", (error) => {
    slot.task?.reject(error);
    pool.slots.splice(pool.slots.indexOf(slot), 1);
    runNext(pool);
  });
  return slot;
}

function runNext(pool: TPool) {
  while (pool.queue.length > 0) {
    let slot = pool.slots.find((s) => s.task === null);
    if (!slot && pool.slots.length < SIZE) {
      slot = startSlot(pool);
      pool.slots.push(slot);
    }
    if (!slot) return;
    const task = pool.queue.shift() as TTask;
    slot.task = task;
    const busy = slot;
    void busy.ready.then(() => busy.worker.postMessage({ id: task.id, report: task.report }));
  }
}

export type TRenderPdfInput = { report: TReport; onProgress?: (fraction: number) => void };

/** Renders the report to PDF bytes in a worker thread. */
export function renderPdf({ report, onProgress }: TRenderPdfInput): Promise<Uint8Array> {
  g.__reportPool ??= { slots: [], queue: [], nextId: 1 };
  const pool = g.__reportPool;
  return new Promise((resolve, reject) => {
    pool.queue.push({ id: pool.nextId++, report, onProgress, resolve, reject });
    runNext(pool);
  });
}
