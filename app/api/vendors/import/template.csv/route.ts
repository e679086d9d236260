import { withApiUser } from "@/lib/authz";
import { VENDOR_TEMPLATE_CSV } from "@/lib/spreadsheets/vendor-sheet";

export const dynamic = "force-dynamic";

/** The bulk vendor file's template: its columns and an example row. */
export function GET() {
  return withApiUser("vendor:write", async () => {
    return new Response(`\uFEFF${VENDOR_TEMPLATE_CSV}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="vendors-template.csv"',
        "Cache-Control": "no-store",
      },
    });
  });
}
