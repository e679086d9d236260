import { withApiUser } from "@/lib/authz";
import { importVendorFile } from "@/lib/data/vendor-import";
import { readImportForm } from "@/lib/spreadsheets/import-route";

export const dynamic = "force-dynamic";

/**
 * Bulk vendors (issue 22): a CSV or XLSX file previewed row by row, then (confirm=true) its new
 * vendors and contacts created. lib/data/vendor-import.ts.
 */
export async function POST(req: Request) {
  return withApiUser("vendor:write", async (user) => {
    const form = await readImportForm(req);
    if (form instanceof Response) return form;
    const result = await importVendorFile({
      orgId: user.orgId,
      actorId: user.id,
      bytes: form.bytes,
      confirm: form.confirm === true,
    });
    return Response.json(result, {
      status: result.status === "invalid" ? 422 : 200,
      headers: { "cache-control": "no-store" },
    });
  });
}
