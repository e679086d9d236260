import { withAssessmentExport } from "@/lib/reports/export-assessment";
import { auditedDownload, renderFailureResponse } from "@/lib/reports/pdf-response";
import { renderPdf } from "@/lib/reports/render-pool";

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ assessmentId: string }> },
) {
  // Scoped by organisation: another organisation's assessment answers 404.
  return withAssessmentExport(params, async ({ user, assessmentId, report, fileName }) => {
    let bytes: Uint8Array;
    try {
      bytes = await renderPdf({ report, owner: { orgId: user.orgId, userId: user.id } });
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
