import { withApiUser } from "@/lib/authz";
import { listVendors } from "@/lib/data/vendors";
import { toFieldErrors } from "@/lib/errors";
import { VENDOR_API_PAGE_SIZE, ZVendorListQuery } from "@/lib/schemas/vendor";

export async function GET(req: Request) {
  return withApiUser("vendor:read", async (user) => {
    const page = new URL(req.url).searchParams.get("page");
    // A page number too large for the database's integers used to be a 500.
    const query = ZVendorListQuery.safeParse({ page: page || undefined });
    if (!query.success) {
      const fieldErrors = toFieldErrors(query.error);
      return Response.json(
        { error: fieldErrors.page?.[0] ?? "Check the query.", fieldErrors },
        { status: 400 },
      );
    }
    const vendors = await listVendors({
      orgId: user.orgId,
      take: VENDOR_API_PAGE_SIZE,
      skip: (query.data.page - 1) * VENDOR_API_PAGE_SIZE,
    });
    return Response.json({ data: vendors, page: query.data.page });
  });
}
