import { withAssessmentExport } from "@/lib/reports/export-assessment";
import { renderFailureResponse } from "@/lib/reports/pdf-response";
import { startReportJob } from "@/lib/reports/report-jobs";

/** Starts rendering in the background; the client polls …/report-jobs/[jobId]. */
export async function POST(
  _req: Request,
  { params }: { params: Promise<{ assessmentId: string }> },
) {
  return withAssessmentExport(params, async ({ user, assessmentId, report, fileName }) => {
    let job: Awaited<ReturnType<typeof startReportJob>>;
    try {
      // Refused at once (429) when this user or organisation already has its share queued.
      job = await startReportJob({
        report,
        fileName,
        orgId: user.orgId,
        userId: user.id,
        assessmentId,
      });
    } catch (e) {
      return renderFailureResponse(e);
    }
    return Response.json(
      // done: served from the kept report (lib/reports/kept-reports.ts), nothing to wait for.
      { data: { id: job.id, done: job.done } },
      { status: 202, headers: { "Cache-Control": "no-store" } },
    );
  });
}
