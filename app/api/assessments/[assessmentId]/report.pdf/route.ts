import { withApiUser } from "@/lib/authz";
import { prepareAssessmentExport } from "@/lib/reports/export-assessment";
import { pdfDownload } from "@/lib/reports/pdf-response";
import { renderPdf } from "@/lib/reports/render-pool";

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ assessmentId: string }> },
) {
  const { assessmentId } = await params;
  return withApiUser("report:export", async (user) => {
    // Scoped by organisation: another organisation's assessment answers 404.
    const prepared = await prepareAssessmentExport({ user, assessmentId });
    if (!prepared) return Response.json({ error: "Not found" }, { status: 404 });
    const bytes = await renderPdf({ report: prepared.report });
    return pdfDownload({
      user,
      bytes,
      fileName: prepared.fileName,
      target: { type: "assessment", id: assessmentId },
    });
  });
}
