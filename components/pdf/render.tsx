import { type DocumentProps, renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { pdfPageSizes } from "@/lib/reports/chunk";
import type { TReport } from "@/lib/reports/types";
import { AssessmentReportDoc, planAssessmentReport, type TPlanOptions } from "./assessment-report";
import { drawableStrings, loadMetrics } from "./measure";
import { PortfolioReportDoc, planPortfolioReport } from "./portfolio-report";
import { FONT, PAGE, registerReportFonts, setLayoutListener } from "./theme";

export type TRenderReportPdfInput = {
  report: TReport;
  /** Page plan options (tests only: a capacity above the page's provokes an overflow). */
  plan?: TPlanOptions;
  /** 0..1, called as the layout sets the text (and, after an overflow, as pages are drawn). */
  onProgress?: (fraction: number) => void;
};

export type TRenderReportPdfResult = {
  pdf: Buffer;
  /** Pages planned before layout. */
  plannedPages: number;
  pages: number;
  /** A planned page overflowed: the report was rendered again with wrapping pages. */
  rerendered: boolean;
};

/** Characters the layout will set, roughly: the denominator of layout progress. */
function textSize(report: TReport, pages: number): number {
  let n = pages * 160; // running header and footer
  if (report.kind === "assessment") {
    for (const f of report.flags) {
      n += f.title.length + f.code.length + f.detail.length;
      for (const a of f.answers) n += a.label.length + a.answer.length;
    }
    for (const sec of report.sections)
      for (const row of sec.rows) n += row.label.length + row.answer.length;
  }
  return Math.max(1, n);
}

/**
 * CPU-bound: call it in a worker (lib/reports/render-pool.ts), not on the request thread.
 *
 * Pages are planned before layout (heights from the font metrics), so each planned page is a
 * non-wrapping <Page> whose "Page x of y" is plain text, and react-pdf lays it out once. A page
 * whose content did not fit comes out taller than A4 (see `s.body`): then the report is
 * rendered again with wrapping pages and react-pdf's dynamic page numbers, which are always
 * right but lay every page out twice more. Nothing is ever clipped.
 */
export async function renderReportPdfDetailed({
  report: input,
  onProgress,
  plan: planOptions,
}: TRenderReportPdfInput): Promise<TRenderReportPdfResult> {
  registerReportFonts();
  await loadMetrics(FONT);
  const report = drawableStrings(input);
  const plan =
    report.kind === "assessment"
      ? planAssessmentReport(report, planOptions)
      : planPortfolioReport(report, planOptions);
  const planned = plan.pages.length;
  const doc = (
    numbering: "static" | { onPage: (p: number, t?: number) => void },
  ): ReactElement<DocumentProps> =>
    (report.kind === "assessment" ? (
      <AssessmentReportDoc report={report} plan={plan} numbering={numbering} />
    ) : (
      <PortfolioReportDoc report={report} plan={plan} numbering={numbering} />
    )) as ReactElement<DocumentProps>;

  // Progress while the layout sets text (most of the work), from the words it has set.
  const total = textSize(report, planned);
  let seen = 0;
  setLayoutListener((chars) => {
    seen += chars;
    onProgress?.(Math.min(0.9, (0.9 * seen) / total));
  });
  try {
    const pdf = await renderToBuffer(doc("static"));
    const sizes = pdfPageSizes(pdf);
    const fits = sizes.every((p) => Math.abs(p.height - PAGE.height) < 0.5);
    if (fits && sizes.length === planned)
      return { pdf, plannedPages: planned, pages: sizes.length, rerendered: false };
    setLayoutListener(null);
    const again = await renderToBuffer(
      doc({
        onPage: (page, totalPages) =>
          onProgress?.(totalPages === undefined ? 0.5 : 0.5 + (0.5 * page) / totalPages),
      }),
    );
    return {
      pdf: again,
      plannedPages: planned,
      pages: pdfPageSizes(again).length,
      rerendered: true,
    };
  } finally {
    setLayoutListener(null);
  }
}

export async function renderReportPdf(input: TRenderReportPdfInput): Promise<Buffer> {
  return (await renderReportPdfDetailed(input)).pdf;
}
