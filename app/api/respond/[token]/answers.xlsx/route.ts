import { importAnswersWorkbook } from "@/lib/data/answers-import";
import { getAssessmentWorkbook } from "@/lib/data/assessment-workbook";
import { getTodayUtc } from "@/lib/dates";
import { withLink } from "@/lib/portal/route";
import { downloadResponse, reportFileName } from "@/lib/reports/pdf-response";
import { importResponse, readImportForm } from "@/lib/spreadsheets/import-route";
import { XLSX_TYPE } from "@/lib/spreadsheets/mime";
import { writeAnswersWorkbook } from "@/lib/spreadsheets/write";

export const dynamic = "force-dynamic";

/**
 * The vendor's offline workbook (issue 22): the link's own assessment, with the answers
 * confirmed so far. A revoked or expired link answers as every portal route does (withLink).
 */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return withLink(req, params, async (link) => {
    const { input, vendorName } = await getAssessmentWorkbook({
      orgId: link.orgId,
      assessmentId: link.assessmentId,
    });
    const bytes = await writeAnswersWorkbook(input);
    return downloadResponse({
      bytes,
      fileName: reportFileName({
        name: vendorName,
        kind: "answers-workbook",
        date: getTodayUtc(),
        ext: "xlsx",
      }),
      contentType: XLSX_TYPE,
    });
  });
}

/**
 * The filled workbook back (issue 22): previewed first, written on confirm (with the preview's
 * digest and versions) as the vendor's own answers. lib/data/answers-import.ts.
 */
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return withLink(req, params, async (link) => {
    const form = await readImportForm(req);
    if (form instanceof Response) return form;
    const result = await importAnswersWorkbook({
      orgId: link.orgId,
      assessmentId: link.assessmentId,
      actor: { kind: "vendor", invitationId: link.invitationId },
      ...form,
    });
    return importResponse(result);
  });
}
