import { renderToBuffer } from "@react-pdf/renderer";
import type { TReport } from "@/lib/reports/types";
import { AssessmentReportDoc } from "./assessment-report";
import { PortfolioReportDoc } from "./portfolio-report";
import { registerReportFonts } from "./theme";

export type TRenderReportPdfInput = {
  report: TReport;
  /** 0..1, called as pages are drawn (after layout). */
  onProgress?: (fraction: number) => void;
};

/** CPU-bound: call it in a worker (lib/reports/render-pool.ts), not on the request thread. */
export async function renderReportPdf({
  report,
  onProgress,
}: TRenderReportPdfInput): Promise<Buffer> {
  registerReportFonts();
  let estimate = 1;
  const onPageCount = (pages: number) => {
    estimate = pages;
  };
  // Layout (no total yet) is the first half of the work, drawing the pages the second.
  const onPage = (page: number, total: number | undefined) =>
    onProgress?.(
      total === undefined ? Math.min(0.5, (0.5 * page) / estimate) : 0.5 + (0.5 * page) / total,
    );
  const doc =
    report.kind === "assessment" ? (
      <AssessmentReportDoc report={report} onPage={onPage} onPageCount={onPageCount} />
    ) : (
      <PortfolioReportDoc report={report} onPage={onPage} onPageCount={onPageCount} />
    );
  return renderToBuffer(doc);
}
