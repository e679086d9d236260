import type { ReactNode } from "react";
import { StaffShell } from "@/components/layout/staff-shell";
import { requirePageUser } from "@/lib/authz";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <StaffShell user={user} orgName={user.orgName}>
      {children}
    </StaffShell>
  );
}
