import type { TAssessmentReport } from "./types";

// An assessment's answers, flags and findings as plain tables (issue 22's exports for
// procurement): the same words the PDF report shows, one table each. Pure: the XLSX and CSV
// writers (lib/spreadsheets/export.ts) lay them out.

export type TExportTable = { name: string; columns: string[]; rows: (string | number)[][] };

/** The parts of an assessment export, in the order the workbook's sheets and the CSV list them. */
export const EXPORT_PARTS = ["answers", "flags", "findings"] as const;
export type TExportPart = (typeof EXPORT_PARTS)[number];

export function buildExportTables({
  report,
}: {
  report: TAssessmentReport;
}): Record<TExportPart, TExportTable> {
  return {
    answers: {
      name: "Answers",
      columns: ["Section", "Question id", "Question", "Answer", "Flagged"],
      rows: report.sections.flatMap((s) =>
        s.rows.map((r) => [s.title, r.questionId, r.label, r.answer, r.flagged ? "yes" : "no"]),
      ),
    },
    flags: {
      name: "Flags",
      columns: ["Code", "Severity", "Title", "Detail", "Questions"],
      rows: report.flags.map((f) => [
        f.code,
        f.severity,
        f.title,
        f.detail,
        f.answers.map((a) => a.questionId).join(", "),
      ]),
    },
    findings: {
      name: "Findings",
      columns: ["Title", "Severity", "Status", "Owner", "Due", "Note"],
      rows: report.findings.map((f) => [f.title, f.severity, f.status, f.owner, f.due, f.note]),
    },
  };
}
