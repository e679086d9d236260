import { withApiUser } from "@/lib/authz";
import { listVendors } from "@/lib/data/vendors";

export async function GET(req: Request) {
  return withApiUser("vendor:read", async (user) => {
    const page = Math.max(1, Number(new URL(req.url).searchParams.get("page") ?? 1) || 1);
    const vendors = await listVendors({ orgId: user.orgId, take: 100, skip: (page - 1) * 100 });
    return Response.json({ data: vendors, page });
  });
}
