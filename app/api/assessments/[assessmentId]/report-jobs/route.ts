import { withApiUser } from "@/lib/authz";
import { prepareAssessmentExport } from "@/lib/reports/export-assessment";
import { startReportJob } from "@/lib/reports/report-jobs";

/** Starts rendering in the background; the client polls …/report-jobs/[jobId]. */
export async function POST(
  _req: Request,
  { params }: { params: Promise<{ assessmentId: string }> },
) {
  const { assessmentId } = await params;
  return withApiUser("report:export", async (user) => {
    const prepared = await prepareAssessmentExport({ user, assessmentId });
    if (!prepared) return Response.json({ error: "Not found" }, { status: 404 });
    const job = startReportJob({ ...prepared, orgId: user.orgId, userId: user.id, assessmentId });
    return Response.json(
      { data: { id: job.id } },
      { status: 202, headers: { "Cache-Control": "no-store" } },
    );
  });
}
