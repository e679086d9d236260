import { withApiUser } from "@/lib/authz";
import { iteratePortfolioVendors, parseVendorFilters, type TVendorRow } from "@/lib/data/dashboard";
import { csvLine as line } from "@/lib/spreadsheets/csv";

export const dynamic = "force-dynamic";

const HEADER = [
  "Vendor",
  "Tier",
  "Owner",
  "Rating",
  "Score",
  "Last assessed",
  "Current status",
  "Due date",
  "Open findings",
];

const toLine = (r: TVendorRow) =>
  line([
    r.name,
    r.tier,
    r.ownerName,
    r.rating,
    r.score,
    r.assessedAt,
    r.status ?? "never assessed",
    r.dueDate,
    r.openFindings,
  ]);

/** The dashboard's filtered vendor set, streamed a thousand rows at a time. */
export function GET(request: Request) {
  return withApiUser("vendor:read", async (user) => {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const filters = { ...parseVendorFilters({ params }), page: 1 };
    const rows = iteratePortfolioVendors({ orgId: user.orgId, filters });
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`\uFEFF${line(HEADER)}`));
      },
      async pull(controller) {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(toLine).join("")));
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="vendors-${day}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
