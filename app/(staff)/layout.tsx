import type { ReactNode } from "react";
import { StaffShell } from "@/components/layout/staff-shell";
import { requirePageUser } from "@/lib/authz";
import { getOrgSettings } from "@/lib/data/org";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const org = await getOrgSettings({ orgId: user.orgId });
  return (
    <StaffShell user={user} orgName={org.name}>
      {children}
    </StaffShell>
  );
}
