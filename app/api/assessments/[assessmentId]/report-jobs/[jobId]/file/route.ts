import { withApiUser } from "@/lib/authz";
import { auditedDownload } from "@/lib/reports/pdf-response";
import { getReportJob, readReportJobFile } from "@/lib/reports/report-jobs";

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ assessmentId: string; jobId: string }> },
) {
  const { assessmentId, jobId } = await params;
  return withApiUser("report:export", async (user) => {
    const job = await getReportJob({ id: jobId, orgId: user.orgId, userId: user.id, assessmentId });
    if (!job) return Response.json({ error: "Not found" }, { status: 404 });
    const bytes = job.done && !job.error ? await readReportJobFile({ job }) : null;
    if (!bytes)
      return Response.json(
        { error: job.error ?? "Not ready yet" },
        { status: job.error ? 500 : 409 },
      );
    return auditedDownload({
      user,
      bytes,
      fileName: job.fileName,
      target: { type: "assessment", id: assessmentId },
    });
  });
}
