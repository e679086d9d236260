import { withApiUser } from "@/lib/authz";
import { safeParseVendorFilters } from "@/lib/data/dashboard";
import { auditedDownload, renderFailureResponse, reportFileName } from "@/lib/reports/pdf-response";
import { loadPortfolioReport } from "@/lib/reports/portfolio-data";
import { renderPdf } from "@/lib/reports/render-pool";

/** The portfolio report, narrowed by the dashboard's filters (its "Portfolio PDF" link). */
export async function GET(request: Request) {
  return withApiUser("report:export", async (user) => {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = safeParseVendorFilters({ params });
    if ("error" in parsed)
      return Response.json(
        { error: parsed.error, fieldErrors: parsed.fieldErrors },
        { status: 400, headers: { "Cache-Control": "no-store" } },
      );
    const report = await loadPortfolioReport({ orgId: user.orgId, filters: parsed.filters });
    let bytes: Uint8Array;
    try {
      bytes = await renderPdf({ report, owner: { orgId: user.orgId, userId: user.id } });
    } catch (e) {
      return renderFailureResponse(e);
    }
    const fileName = reportFileName({ name: report.orgName, kind: "portfolio", date: report.asOf });
    return auditedDownload({
      user,
      bytes,
      fileName,
      target: { type: "organization", id: user.orgId },
    });
  });
}
