import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Issue 23, reports on click: a submitted or decided assessment's PDF is rendered in the
// background and kept; a download serves it only while it prints exactly what the report
// would print now, and never another organisation's.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-kept-reports-"));
process.env.DATA_DIR = dataDir;
process.env.APP_URL = "http://localhost:3000";
delete process.env.SMTP_URL;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment, submitTestAssessment } =
  await import("../db");
const { assessmentPdf, findKeptReport, keepPendingReports, readKeptReport, reportContentHash } =
  await import("@/lib/reports/kept-reports");
const { loadAssessmentReport } = await import("@/lib/reports/load-assessment-report");
const { startReportJob, getReportJob, readReportJobFile } = await import(
  "@/lib/reports/report-jobs"
);
const { decideAssessment } = await import("@/lib/data/review");
const { getStorage } = await import("@/lib/storage");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "kept");
const other = await createOrgWithUsers(prisma, "kept-other");
const sent = await sendTestAssessment(prisma, org, {
  vendorName: "Still Answering",
  email: "dr@still.example",
});
const submitted = await submitTestAssessment(prisma, org, {
  vendorName: "Ledgerline",
  email: "dr@ledgerline.example",
});
const orgId = org.org.id;
const assessmentId = submitted.assessment.id;
const load = () => loadAssessmentReport({ orgId, assessmentId });
const kept = () => prisma.keptReport.findUniqueOrThrow({ where: { assessmentId } });

describe("kept reports", () => {
  it("the keeper renders submitted assessments only, once, and looks again only after a change", async () => {
    expect(await keepPendingReports()).toEqual({ rendered: 1, unchanged: 0, failed: 0 });
    expect(await prisma.keptReport.count({ where: { assessmentId: sent.assessment.id } })).toBe(0);
    const row = await kept();
    expect(row).toMatchObject({ orgId, contentHash: reportContentHash(await load()) });
    const file = await getStorage().get({ key: row.fileKey });
    const bytes = Buffer.concat(await file!.toArray());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.byteLength).toBe(row.sizeBytes);
    // Nothing changed: the next run does not even load the report.
    expect(await keepPendingReports()).toEqual({ rendered: 0, unchanged: 0, failed: 0 });
    // A touch of the assessment row makes the keeper look; the content is the same: kept as is.
    await prisma.assessment.update({
      where: { id: assessmentId },
      data: { updatedAt: new Date() },
    });
    expect(await keepPendingReports()).toEqual({ rendered: 0, unchanged: 1, failed: 0 });
    expect((await kept()).fileKey).toBe(row.fileKey);
  });

  it("a download serves the kept file while the report prints the same — its hash ignores only the generation time", async () => {
    const row = await kept();
    const stored = Buffer.concat(await (await getStorage().get({ key: row.fileKey }))!.toArray());
    const report = await load();
    const later = await loadAssessmentReport({
      orgId,
      assessmentId,
      now: new Date(Date.now() + 3_600_000),
    });
    expect(later.dates.generatedAt).not.toBe(report.dates.generatedAt);
    expect(reportContentHash(later)).toBe(reportContentHash(report));
    const served = await assessmentPdf({ report, owner: { orgId, userId: org.manager.id } });
    expect(Buffer.from(served).equals(stored)).toBe(true);
    expect((await kept()).generatedAt).toEqual(row.generatedAt);
  });

  it("anything printed that changes makes the next download render, keep the new file and drop the old", async () => {
    const before = await kept();
    await prisma.vendor.update({
      where: { id: submitted.vendor.id },
      data: { name: "Ledgerline Renamed" },
    });
    const report = await load();
    expect(await readKeptReport({ orgId, assessmentId, report })).toBeNull();
    const bytes = await assessmentPdf({ report, owner: { orgId, userId: org.manager.id } });
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe("%PDF-");
    const after = await kept();
    expect(after.contentHash).toBe(reportContentHash(report));
    expect(after.fileKey).not.toBe(before.fileKey);
    expect(await getStorage().exists({ key: before.fileKey })).toBe(false);
    expect(
      Buffer.from((await readKeptReport({ orgId, assessmentId, report }))!).equals(
        Buffer.from(bytes),
      ),
    ).toBe(true);
  });

  it("a decision changes the assessment: the keeper renders it again", async () => {
    const before = await kept();
    await decideAssessment({ orgId, actorId: org.manager.id, assessmentId, decision: "accept" });
    expect(await keepPendingReports()).toEqual({ rendered: 1, unchanged: 0, failed: 0 });
    const after = await kept();
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.contentHash).toBe(reportContentHash(await load()));
  });

  it("is never found through another organisation, and an unsubmitted assessment's report is not kept", async () => {
    const report = await load();
    expect(await findKeptReport({ orgId, assessmentId, report })).not.toBeNull();
    expect(await findKeptReport({ orgId: other.org.id, assessmentId, report })).toBeNull();
    const draft = await loadAssessmentReport({ orgId, assessmentId: sent.assessment.id });
    await assessmentPdf({ report: draft, owner: { orgId, userId: org.manager.id } });
    expect(await prisma.keptReport.count({ where: { assessmentId: sent.assessment.id } })).toBe(0);
  });

  it("a report job for a kept report is done at once, and clearing old jobs leaves the kept file", async () => {
    const report = await load();
    const owner = { orgId, userId: org.manager.id, assessmentId };
    const job = await startReportJob({ ...owner, fileName: "r.pdf", report });
    expect(job.done).toBe(true);
    const row = await getReportJob({ id: job.id, ...owner });
    expect(row).toMatchObject({ done: true, progress: 1, fileKey: (await kept()).fileKey });
    expect(
      Buffer.from((await readReportJobFile({ job: row! }))!)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    // An hour later the job is cleared (by the next job's start); the kept file stays.
    await prisma.reportJob.update({
      where: { id: job.id },
      data: { createdAt: new Date(Date.now() - 2 * 3_600_000) },
    });
    await startReportJob({ ...owner, fileName: "r.pdf", report });
    expect(await prisma.reportJob.count({ where: { id: job.id } })).toBe(0);
    expect(await getStorage().exists({ key: (await kept()).fileKey })).toBe(true);
  });

  it("an assessment submitted long ago is not rendered ahead; its first download keeps it", async () => {
    const old = await submitTestAssessment(prisma, org, {
      vendorName: "Old Timer",
      email: "dr@old.example",
    });
    const id = old.assessment.id;
    await prisma.assessment.update({
      where: { id },
      data: { submittedAt: new Date(Date.now() - 10 * 86_400_000) },
    });
    expect(await keepPendingReports()).toEqual({ rendered: 0, unchanged: 0, failed: 0 });
    expect(await prisma.keptReport.count({ where: { assessmentId: id } })).toBe(0);
    const report = await loadAssessmentReport({ orgId, assessmentId: id });
    await assessmentPdf({ report, owner: { orgId, userId: org.manager.id } });
    expect(await findKeptReport({ orgId, assessmentId: id, report })).not.toBeNull();
  });
});
