import { withApiUser } from "@/lib/authz";
import { getReportJob } from "@/lib/reports/report-jobs";

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ assessmentId: string; jobId: string }> },
) {
  const { assessmentId, jobId } = await params;
  return withApiUser("report:export", async (user) => {
    const job = await getReportJob({ id: jobId, orgId: user.orgId, userId: user.id, assessmentId });
    if (!job) return Response.json({ error: "Not found" }, { status: 404 });
    return Response.json(
      { data: { progress: job.progress, done: job.done, error: job.error } },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}
