import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Guards against a report job that only the instance which started it knows about (the
// balancer sends the poll or the download to the other one: 404), and against a job whose
// instance died staying at "rendering" forever.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-report-jobs-"));
process.env.DATA_DIR = dataDir;
process.env.STORAGE = "postgres";
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("../db");
const { getReportJob, readReportJobFile, resumeStalledReportJobs, startReportJob, STALLED_MS } =
  await import("@/lib/reports/report-jobs");
const { loadAssessmentReport } = await import("@/lib/reports/load-assessment-report");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "jobs");
const { assessment } = await sendTestAssessment(prisma, org, {
  vendorName: "Ledgerline",
  email: "dr@ledgerline.example",
});
const owner = { orgId: org.org.id, userId: org.manager.id, assessmentId: assessment.id };

async function finished(id: string) {
  for (let i = 0; i < 240; i++) {
    const job = await getReportJob({ id, ...owner });
    if (job?.done) return job;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`job ${id} did not finish`);
}

describe("report jobs kept in the database", () => {
  it("is followed and downloaded from the database and the storage, by its owner only", async () => {
    const report = await loadAssessmentReport({
      orgId: owner.orgId,
      assessmentId: owner.assessmentId,
    });
    const { id } = await startReportJob({ ...owner, fileName: "r.pdf", report });
    const job = await finished(id);
    expect(job).toMatchObject({ done: true, error: null, progress: 1 });
    const bytes = await readReportJobFile({ job });
    expect(Buffer.from(bytes!).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await prisma.storedFile.count({ where: { key: job.fileKey!, complete: true } })).toBe(1);
    expect(await getReportJob({ id, ...owner, userId: org.admin.id })).toBeUndefined();
  });

  it("renders again, here, a job whose instance stopped beating", async () => {
    const id = crypto.randomUUID();
    await prisma.reportJob.create({
      data: {
        id,
        ...owner,
        fileName: "r.pdf",
        holder: "a-dead-instance",
        progress: 0.4,
        heartbeatAt: new Date(Date.now() - STALLED_MS - 1000),
      },
    });
    expect(await resumeStalledReportJobs()).toEqual({ resumed: 1 });
    expect(await resumeStalledReportJobs()).toEqual({ resumed: 0 }); // taken: beating again
    const job = await finished(id);
    expect(job.error).toBeNull();
    expect(
      Buffer.from((await readReportJobFile({ job }))!)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect(await prisma.reportJob.findUnique({ where: { id } })).toMatchObject({ attempts: 2 });
  });
});
