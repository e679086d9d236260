import { withAssessmentExport } from "@/lib/reports/export-assessment";
import { startReportJob } from "@/lib/reports/report-jobs";

/** Starts rendering in the background; the client polls …/report-jobs/[jobId]. */
export async function POST(
  _req: Request,
  { params }: { params: Promise<{ assessmentId: string }> },
) {
  return withAssessmentExport(params, async ({ user, assessmentId, report, fileName }) => {
    const job = startReportJob({
      report,
      fileName,
      orgId: user.orgId,
      userId: user.id,
      assessmentId,
    });
    return Response.json(
      { data: { id: job.id } },
      { status: 202, headers: { "Cache-Control": "no-store" } },
    );
  });
}
