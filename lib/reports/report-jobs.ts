import { randomUUID } from "node:crypto";
import { renderPdf } from "./render-pool";
import type { TReport } from "./types";

// Render jobs for large reports: the browser polls progress, then fetches the file. In
// memory, per process: a job is worth keeping only minutes, and losing one on restart means
// pressing the button again.

export type TReportJob = {
  id: string;
  orgId: string;
  userId: string;
  assessmentId: string;
  fileName: string;
  progress: number;
  done: boolean;
  error: string | null;
  bytes: Uint8Array | null;
  createdAt: number;
};

const TTL_MS = 10 * 60_000;
const g = globalThis as typeof globalThis & { __reportJobs?: Map<string, TReportJob> };
g.__reportJobs ??= new Map();
const jobs = g.__reportJobs;

function sweep(now: number) {
  for (const [id, job] of jobs) if (now - job.createdAt > TTL_MS) jobs.delete(id);
}

export type TStartReportJobInput = Pick<
  TReportJob,
  "orgId" | "userId" | "assessmentId" | "fileName"
> & {
  report: TReport;
};

/**
 * Starts a render job. Throws RenderQueueFullError (render-pool.ts) before any job exists
 * when the user or organisation already has its share of renders queued.
 */
export function startReportJob({ report, ...owner }: TStartReportJobInput): TReportJob {
  const now = Date.now();
  sweep(now);
  const job: TReportJob = {
    ...owner,
    id: randomUUID(),
    progress: 0,
    done: false,
    error: null,
    bytes: null,
    createdAt: now,
  };
  const rendering = renderPdf({
    report,
    owner: { orgId: owner.orgId, userId: owner.userId },
    onProgress: (p) => (job.progress = Math.max(job.progress, Math.min(0.99, p))),
  });
  jobs.set(job.id, job);
  rendering.then(
    (bytes) => Object.assign(job, { bytes, progress: 1, done: true }),
    (e: unknown) =>
      Object.assign(job, { error: e instanceof Error ? e.message : String(e), done: true }),
  );
  return job;
}

export type TGetReportJobInput = {
  id: string;
  orgId: string;
  userId: string;
  assessmentId: string;
};

/** Only the user who started a job sees it; anyone else gets undefined (→ 404). */
export function getReportJob({
  id,
  orgId,
  userId,
  assessmentId,
}: TGetReportJobInput): TReportJob | undefined {
  const job = jobs.get(id);
  if (!job || job.orgId !== orgId || job.userId !== userId || job.assessmentId !== assessmentId)
    return undefined;
  return job;
}
