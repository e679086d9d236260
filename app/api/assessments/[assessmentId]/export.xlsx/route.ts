import { withAssessmentExport } from "@/lib/reports/export-assessment";
import { buildExportTables, EXPORT_PARTS } from "@/lib/reports/export-tables";
import { auditedDownload, reportFileName } from "@/lib/reports/pdf-response";
import { writeExportWorkbook } from "@/lib/spreadsheets/export";
import { XLSX_TYPE } from "@/lib/spreadsheets/mime";

export const dynamic = "force-dynamic";

/** The assessment's answers, flags and findings, one sheet each (issue 22). */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ assessmentId: string }> },
) {
  // Scoped by organisation: another organisation's assessment answers 404.
  return withAssessmentExport(
    params,
    async ({ user, assessmentId, report }) => {
      const all = buildExportTables({ report });
      const bytes = await writeExportWorkbook({ tables: EXPORT_PARTS.map((p) => all[p]) });
      return auditedDownload({
        user,
        bytes,
        fileName: reportFileName({
          name: report.vendor.name,
          kind: "assessment-export",
          date: report.dates.generatedAt,
          ext: "xlsx",
        }),
        target: { type: "assessment", id: assessmentId },
        contentType: XLSX_TYPE,
      });
    },
    "assessment:read",
  );
}
