import { withAssessmentExport } from "@/lib/reports/export-assessment";
import { pdfDownload } from "@/lib/reports/pdf-response";
import { renderPdf } from "@/lib/reports/render-pool";

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ assessmentId: string }> },
) {
  // Scoped by organisation: another organisation's assessment answers 404.
  return withAssessmentExport(params, async ({ user, assessmentId, report, fileName }) =>
    pdfDownload({
      user,
      bytes: await renderPdf({ report }),
      fileName,
      target: { type: "assessment", id: assessmentId },
    }),
  );
}
