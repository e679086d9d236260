import type { Metadata } from "next";
import { RoleDashboard } from "@/components/dashboard/role-dashboard";
import { requirePageUser } from "@/lib/authz";
import { parseVendorFilters } from "@/lib/data/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser({ permission: "dashboard:read" });
  const filters = parseVendorFilters({ params: await searchParams });
  return <RoleDashboard user={user} filters={filters} />;
}
