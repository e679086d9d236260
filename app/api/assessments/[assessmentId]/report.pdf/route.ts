import { withAssessmentExport } from "@/lib/reports/export-assessment";
import { assessmentPdf } from "@/lib/reports/kept-reports";
import { auditedDownload, renderFailureResponse } from "@/lib/reports/pdf-response";

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ assessmentId: string }> },
) {
  // Scoped by organisation: another organisation's assessment answers 404.
  return withAssessmentExport(params, async ({ user, assessmentId, report, fileName }) => {
    let bytes: Uint8Array;
    try {
      // The kept PDF when it still prints the same, else rendered now (and kept).
      bytes = await assessmentPdf({ report, owner: { orgId: user.orgId, userId: user.id } });
    } catch (e) {
      return renderFailureResponse(e);
    }
    return auditedDownload({
      user,
      bytes,
      fileName,
      target: { type: "assessment", id: assessmentId },
    });
  });
}
