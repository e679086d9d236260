import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { db } from "../db";
import { instanceId } from "../jobs/lease";
import { getStorage } from "../storage";
import { findKeptReport, keepReport } from "./kept-reports";
import { loadAssessmentReport } from "./load-assessment-report";
import { renderPdf } from "./render-pool";
import type { TReport } from "./types";

// Render jobs for large reports: the browser polls progress, then fetches the file. A job is
// a ReportJob row and its file goes to the storage (lib/storage), so any instance behind the
// balancer answers the polls and the download. The instance rendering a job beats its
// heartbeat as the render progresses; a job whose beats stop (its instance died) is rendered
// again by another instance (resumeStalledReportJobs, a periodic job).

const TTL_MS = 60 * 60_000;
const BEAT_MS = 2_000;
/** A running job whose last beat is older than this lost its instance. */
export const STALLED_MS = 30_000;
const MAX_ATTEMPTS = 3;

export type TReportJob = {
  id: string;
  fileName: string;
  progress: number;
  done: boolean;
  error: string | null;
  fileKey: string | null;
};

const fileKeyOf = (id: string) => `report-${id}.pdf`;

/** Renders on this instance, beating the job's heartbeat, then stores the file. */
function renderJob({
  id,
  report,
  orgId,
  userId,
  after,
}: { id: string; report: TReport; after?: Promise<unknown> } & TOwner) {
  // Beats while queued and while rendering, so a long wait in the render queue is not a death.
  let progress = 0;
  const beat = setInterval(() => {
    void db.reportJob
      .updateMany({
        where: { id, holder: instanceId, done: false },
        data: { progress, heartbeatAt: new Date() },
      })
      .catch(() => {}); // a missed beat is only a late progress figure
  }, BEAT_MS);
  beat.unref();
  // Throws RenderQueueFullError at once when the user or organisation has its share queued.
  let rendering: Promise<Uint8Array>;
  try {
    rendering = renderPdf({
      report,
      owner: { orgId, userId },
      onProgress: (p) => (progress = Math.max(progress, Math.min(0.99, p))),
    });
  } catch (e) {
    clearInterval(beat);
    throw e;
  }
  return Promise.all([rendering, after])
    .then(
      async ([bytes]) => {
        const fileKey = fileKeyOf(id);
        await getStorage().delete({ key: fileKey }); // a half-kept file of an earlier attempt
        await getStorage().put({ key: fileKey, body: Readable.from([Buffer.from(bytes)]) });
        await db.reportJob.updateMany({
          where: { id, holder: instanceId },
          data: { progress: 1, done: true, fileKey },
        });
        // Kept for the next click too, when the assessment's status keeps its report.
        if (report.kind === "assessment")
          await keepReport({
            orgId,
            assessmentId: report.assessmentId,
            report,
            bytes,
            generatedAt: new Date(),
          }).catch((e: unknown) =>
            console.error(`[reports] keeping job ${id}'s report failed: ${(e as Error).message}`),
          );
      },
      (e: unknown) =>
        db.reportJob.updateMany({
          where: { id, holder: instanceId },
          data: { done: true, error: e instanceof Error ? e.message : String(e) },
        }),
    )
    .finally(() => clearInterval(beat));
}

type TOwner = { orgId: string; userId: string };

export type TStartReportJobInput = TOwner & {
  assessmentId: string;
  fileName: string;
  report: TReport;
};

/**
 * Starts a render job. Throws RenderQueueFullError (render-pool.ts) before any job exists
 * when the user or organisation already has its share of renders queued.
 */
export async function startReportJob({
  report,
  ...owner
}: TStartReportJobInput): Promise<{ id: string; done: boolean }> {
  const id = randomUUID();
  // A kept report that prints the same (lib/reports/kept-reports.ts): the job is done at once.
  const kept =
    report.kind === "assessment"
      ? await findKeptReport({ orgId: owner.orgId, assessmentId: owner.assessmentId, report })
      : null;
  if (kept) {
    await db.reportJob.create({
      data: { id, ...owner, holder: instanceId, progress: 1, done: true, fileKey: kept },
    });
    await sweepReportJobs();
    return { id, done: true };
  }
  let rowWritten!: (ok: boolean) => void;
  const after = new Promise((resolve, reject) => {
    rowWritten = (ok) => (ok ? resolve(undefined) : reject(new Error("the job was not saved")));
  });
  // Synchronous: a full queue throws here, before the row is written.
  const rendering = renderJob({ id, report, ...owner, after });
  rendering.catch((e) => console.error(`[reports] job ${id}: ${(e as Error).message}`));
  try {
    await db.reportJob.create({ data: { id, ...owner, holder: instanceId } });
    rowWritten(true);
  } catch (e) {
    rowWritten(false);
    throw e;
  }
  await sweepReportJobs();
  return { id, done: false };
}

export type TGetReportJobInput = TOwner & { id: string; assessmentId: string };

/** Only the user who started a job sees it; anyone else gets undefined (→ 404). */
export async function getReportJob({
  id,
  orgId,
  userId,
  assessmentId,
}: TGetReportJobInput): Promise<TReportJob | undefined> {
  const job = await db.reportJob.findFirst({
    where: { id, orgId, userId, assessmentId },
    select: { id: true, fileName: true, progress: true, done: true, error: true, fileKey: true },
  });
  return job ?? undefined;
}

/** The finished job's PDF from the storage. */
export async function readReportJobFile({ job }: { job: TReportJob }) {
  const stream = job.fileKey ? await getStorage().get({ key: job.fileKey }) : null;
  return stream ? new Uint8Array(Buffer.concat(await stream.toArray())) : null;
}

/** Takes over running jobs whose instance stopped beating, and renders them here. */
export async function resumeStalledReportJobs({ now = new Date() } = {}) {
  const stalled = await db.reportJob.findMany({
    where: { done: false, heartbeatAt: { lt: new Date(now.getTime() - STALLED_MS) } },
    take: 5,
  });
  let resumed = 0;
  for (const job of stalled) {
    const claim = await db.reportJob.updateMany({
      where: { id: job.id, done: false, heartbeatAt: job.heartbeatAt },
      data: { holder: instanceId, heartbeatAt: new Date(), attempts: { increment: 1 } },
    });
    if (claim.count !== 1) continue; // another instance took it
    if (job.attempts >= MAX_ATTEMPTS) {
      await db.reportJob.update({
        where: { id: job.id },
        data: { done: true, error: "The report could not be made; start it again." },
      });
      continue;
    }
    try {
      const report = await loadAssessmentReport({
        orgId: job.orgId,
        assessmentId: job.assessmentId,
      });
      void renderJob({ id: job.id, report, orgId: job.orgId, userId: job.userId }).catch(() => {});
      resumed += 1;
    } catch (e) {
      await db.reportJob.update({
        where: { id: job.id },
        data: { done: true, error: e instanceof Error ? e.message : String(e) },
      });
    }
  }
  return { resumed };
}

/** Jobs are worth keeping an hour: older ones go, with their files. */
async function sweepReportJobs() {
  const old = await db.reportJob.findMany({
    where: { createdAt: { lt: new Date(Date.now() - TTL_MS) } },
    select: { id: true, fileKey: true },
    take: 50,
  });
  for (const job of old) {
    // Only the job's own file: a job served from a kept report points at the kept file.
    if (job.fileKey === fileKeyOf(job.id)) await getStorage().delete({ key: job.fileKey });
    await db.reportJob.delete({ where: { id: job.id } });
  }
}
