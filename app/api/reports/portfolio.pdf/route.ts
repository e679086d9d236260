import { withApiUser } from "@/lib/authz";
import { pdfDownload, reportFileName } from "@/lib/reports/pdf-response";
import { loadPortfolioReport } from "@/lib/reports/portfolio-data";
import { renderPdf } from "@/lib/reports/render-pool";

export async function GET() {
  return withApiUser("report:export", async (user) => {
    const report = await loadPortfolioReport({ orgId: user.orgId });
    const bytes = await renderPdf({ report });
    const fileName = reportFileName({ name: report.orgName, kind: "portfolio", date: report.asOf });
    return pdfDownload({ user, bytes, fileName, target: { type: "organization", id: user.orgId } });
  });
}
