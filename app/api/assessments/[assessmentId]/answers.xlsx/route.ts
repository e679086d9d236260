import { AuthzError, withApiUser } from "@/lib/authz";
import { importAnswersWorkbook } from "@/lib/data/answers-import";
import { getAssessmentWorkbook } from "@/lib/data/assessment-workbook";
import { getTodayUtc } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { auditedDownload, reportFileName } from "@/lib/reports/pdf-response";
import { importResponse, readImportForm } from "@/lib/spreadsheets/import-route";
import { XLSX_TYPE } from "@/lib/spreadsheets/mime";
import { writeAnswersWorkbook } from "@/lib/spreadsheets/write";

export const dynamic = "force-dynamic";

/** The offline workbook (issue 22), filled with the confirmed answers, or blank with ?blank=1. */
export async function GET(req: Request, { params }: { params: Promise<{ assessmentId: string }> }) {
  const { assessmentId } = await params;
  const blank = new URL(req.url).searchParams.get("blank") === "1";
  // Scoped by organisation: another organisation's assessment answers 404.
  return withApiUser("assessment:read", async (user) => {
    const found = await getAssessmentWorkbook({ orgId: user.orgId, assessmentId, blank }).catch(
      (e) => {
        if (e instanceof NotFoundError) throw new AuthzError(404, "Not found");
        throw e;
      },
    );
    const bytes = await writeAnswersWorkbook(found.input);
    const kind = blank ? "blank-workbook" : "answers-workbook";
    return auditedDownload({
      user,
      bytes,
      fileName: reportFileName({ name: found.vendorName, kind, date: getTodayUtc(), ext: "xlsx" }),
      target: { type: "assessment", id: assessmentId },
      contentType: XLSX_TYPE,
    });
  });
}

/**
 * A filled workbook imported by procurement (issue 22): previewed first, written on confirm; the
 * answers arrive awaiting the vendor's confirmation. Another organisation's assessment is 404.
 */
export async function POST(
  req: Request,
  { params }: { params: Promise<{ assessmentId: string }> },
) {
  const { assessmentId } = await params;
  return withApiUser("assessment:write", async (user) => {
    const form = await readImportForm(req);
    if (form instanceof Response) return form;
    const result = await importAnswersWorkbook({
      orgId: user.orgId,
      assessmentId,
      actor: { kind: "user", userId: user.id },
      ...form,
    }).catch((e) => {
      if (e instanceof NotFoundError) throw new AuthzError(404, "Not found");
      throw e;
    });
    return importResponse(result);
  });
}
