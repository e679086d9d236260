import crypto from "node:crypto";
import { Readable } from "node:stream";
import { db } from "../db";
import type { AssessmentStatus } from "../generated/prisma/enums";
import { getStorage } from "../storage";
import { loadAssessmentReport } from "./load-assessment-report";
import { renderPdf } from "./render-pool";
import type { TAssessmentReport } from "./types";

// Reports on click (issue 23): a submitted or decided assessment's report rarely changes, so
// its PDF is rendered ahead of time, in the background (below any render a person asked for:
// render-pool.ts), and kept — one KeptReport row and one file in the storage per assessment.
// A download serves the kept file only while it prints exactly what the report would print
// now: the report's content (everything but its generation time) is hashed, and a different
// hash — a finding added, a decision, a renamed vendor — means render again (and keep that).
// The kept PDF's generation date says when it was made.
//
// The keeper job (instrumentation.ts) runs across instances; it looks at an assessment just
// submitted or decided, and again whenever the assessment row changed since its last look.

/** The statuses whose report is kept: the answers are in and no longer moving. */
export const KEPT_STATUSES: AssessmentStatus[] = ["submitted", "accepted", "rejected"];

const KEEPER = "report-keeper";
/**
 * The keeper renders ahead only reports of assessments submitted or decided this recently:
 * those are the ones about to be read. An older one is kept at its first download.
 */
const RECENT_DAYS = 2;

/** sha256 of everything the report prints except when it was generated. */
export function reportContentHash(report: TAssessmentReport): string {
  const { dates, ...rest } = report;
  const { generatedAt: _, ...otherDates } = dates;
  return crypto
    .createHash("sha256")
    .update(JSON.stringify({ ...rest, dates: otherDates }))
    .digest("hex");
}

const fileKeyOf = (assessmentId: string, hash: string) =>
  `kept-report-${assessmentId.replace(/[^A-Za-z0-9_-]/g, "")}-${hash.slice(0, 16)}.pdf`;

export type TKeptReportInput = { orgId: string; assessmentId: string; report: TAssessmentReport };

/** The kept report's row when it prints what `report` prints (whether its file is there aside). */
const keptRow = ({ orgId, assessmentId, report }: TKeptReportInput) =>
  db.keptReport.findFirst({
    where: { assessmentId, orgId, contentHash: reportContentHash(report) },
    select: { fileKey: true },
  });

/** The storage key of the kept PDF when it prints what `report` prints; null otherwise. */
export async function findKeptReport(input: TKeptReportInput) {
  const kept = await keptRow(input);
  return kept && (await getStorage().exists({ key: kept.fileKey })) ? kept.fileKey : null;
}

/** The kept PDF when it prints what `report` prints; null otherwise (render it). */
export async function readKeptReport(input: TKeptReportInput): Promise<Uint8Array | null> {
  const kept = await keptRow(input);
  // One read: a file missing from the storage (a restored copy without it) reads as null.
  const stream = kept ? await getStorage().get({ key: kept.fileKey }) : null;
  return stream ? new Uint8Array(Buffer.concat(await stream.toArray())) : null;
}

/** Keeps `bytes` as the assessment's report (replacing an older one) when its status keeps one. */
export async function keepReport({
  orgId,
  assessmentId,
  report,
  bytes,
  generatedAt,
}: TKeptReportInput & { bytes: Uint8Array; generatedAt: Date }): Promise<boolean> {
  const assessment = await db.assessment.findFirst({
    where: { id: assessmentId, orgId },
    select: { status: true },
  });
  if (!assessment || !KEPT_STATUSES.includes(assessment.status)) return false;
  const contentHash = reportContentHash(report);
  const fileKey = fileKeyOf(assessmentId, contentHash);
  const storage = getStorage();
  await storage.delete({ key: fileKey }); // a half-kept file of an interrupted run
  await storage.put({ key: fileKey, body: Readable.from([Buffer.from(bytes)]) });
  const before = await db.keptReport.findUnique({
    where: { assessmentId },
    select: { fileKey: true },
  });
  const row = { orgId, contentHash, fileKey, sizeBytes: bytes.byteLength, generatedAt };
  await db.keptReport.upsert({
    where: { assessmentId },
    create: { assessmentId, ...row, checkedAt: new Date() },
    update: { ...row, checkedAt: new Date() },
  });
  if (before && before.fileKey !== fileKey) await storage.delete({ key: before.fileKey });
  return true;
}

/**
 * The assessment's PDF for someone waiting for it: the kept one while it prints the same, else
 * rendered now (through the pool's limits: RenderQueueFullError, RenderLimitError) and kept.
 */
export async function assessmentPdf({
  report,
  owner,
}: {
  report: TAssessmentReport;
  owner: { orgId: string; userId: string };
}): Promise<Uint8Array> {
  const input = { orgId: owner.orgId, assessmentId: report.assessmentId, report };
  const kept = await readKeptReport(input);
  if (kept) return kept;
  const bytes = await renderPdf({ report, owner });
  await keepReport({ ...input, bytes, generatedAt: new Date() });
  return bytes;
}

/**
 * The keeper: for assessments submitted or decided in the last RECENT_DAYS that changed since
 * the keeper last looked (or that it never looked at), renders the report in the background unless the kept one still
 * prints the same. At most `limit` per run, most recently changed first.
 */
export async function keepPendingReports({
  limit = 5,
  signal,
}: {
  limit?: number;
  signal?: AbortSignal;
} = {}): Promise<{ rendered: number; unchanged: number; failed: number }> {
  const due = await db.$queryRaw<{ id: string; orgId: string }[]>`
    SELECT a.id, a."orgId" FROM "Assessment" a
    LEFT JOIN "KeptReport" k ON k."assessmentId" = a.id
    WHERE a.status::text = ANY(${KEPT_STATUSES as string[]})
      AND GREATEST(a."submittedAt", a."decidedAt") > now() - make_interval(days => ${RECENT_DAYS})
      AND (k."assessmentId" IS NULL OR k."checkedAt" < a."updatedAt")
    ORDER BY a."updatedAt" DESC
    LIMIT ${limit}`;
  let rendered = 0;
  let unchanged = 0;
  let failed = 0;
  for (const { id: assessmentId, orgId } of due) {
    if (signal?.aborted) break;
    try {
      const generatedAt = new Date();
      const report = await loadAssessmentReport({ orgId, assessmentId, now: generatedAt });
      const same = await db.keptReport.updateMany({
        where: { assessmentId, orgId, contentHash: reportContentHash(report) },
        data: { checkedAt: new Date() },
      });
      if (same.count === 1) {
        unchanged += 1;
        continue;
      }
      const bytes = await renderPdf({
        report,
        owner: { orgId, userId: KEEPER },
        background: true,
      });
      if (await keepReport({ orgId, assessmentId, report, bytes, generatedAt })) rendered += 1;
    } catch (e) {
      // One report that cannot be made (gone meanwhile, past the render limits) must not stop
      // the others; a click renders it as before.
      failed += 1;
      console.error(
        `[reports] keeping the report of ${assessmentId} failed: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  return { rendered, unchanged, failed };
}
