import type { Metadata } from "next";
import { RoleDashboard } from "@/components/dashboard/role-dashboard";
import { requirePageUser } from "@/lib/authz";
import {
  dashboardCacheLifeMs,
  getDashboardSnapshot,
  parseVendorFilters,
} from "@/lib/data/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser({ permission: "dashboard:read" });
  const filters = parseVendorFilters({ params: await searchParams });
  // One snapshot per page: every figure below comes from it (lib/data/dashboard/cache.ts).
  const snapshot = await getDashboardSnapshot({ orgId: user.orgId, filters });
  return (
    <RoleDashboard
      user={user}
      filters={filters}
      snapshot={snapshot}
      lifeMs={dashboardCacheLifeMs()}
    />
  );
}
