import { withAssessmentExport } from "@/lib/reports/export-assessment";
import { buildExportTables, EXPORT_PARTS, type TExportPart } from "@/lib/reports/export-tables";
import { auditedDownload, reportFileName } from "@/lib/reports/pdf-response";
import { writeExportCsv } from "@/lib/spreadsheets/export";

export const dynamic = "force-dynamic";

const isPart = (v: string): v is TExportPart => (EXPORT_PARTS as readonly string[]).includes(v);

/**
 * One part of the assessment's export as CSV (issue 22): ?part=answers (the default), flags or
 * findings, each its own file with its own columns.
 */
export async function GET(req: Request, { params }: { params: Promise<{ assessmentId: string }> }) {
  const part = new URL(req.url).searchParams.get("part") ?? "answers";
  if (!isPart(part))
    return Response.json(
      { error: `part: expected one of ${EXPORT_PARTS.join(", ")}` },
      { status: 400 },
    );
  // Scoped by organisation: another organisation's assessment answers 404.
  return withAssessmentExport(
    params,
    async ({ user, assessmentId, report }) => {
      const csv = writeExportCsv({ table: buildExportTables({ report })[part] });
      return auditedDownload({
        user,
        bytes: new TextEncoder().encode(csv),
        fileName: reportFileName({
          name: report.vendor.name,
          kind: `assessment-${part}`,
          date: report.dates.generatedAt,
          ext: "csv",
        }),
        target: { type: "assessment", id: assessmentId },
        contentType: "text/csv; charset=utf-8",
      });
    },
    "assessment:read",
  );
}
