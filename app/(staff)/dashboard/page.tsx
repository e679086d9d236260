import type { Metadata } from "next";
import { RoleDashboard } from "@/components/dashboard/role-dashboard";
import { requirePageUser } from "@/lib/authz";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePageUser({ permission: "dashboard:read" });
  return <RoleDashboard user={user} />;
}
