import type { ReactNode } from "react";
import { StaffShell } from "@/components/layout/staff-shell";
import { requirePageUser } from "@/lib/authz";
import { countUnread } from "@/lib/data/inbox";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  // One count on an index (lib/data/inbox.ts); markInboxReadAction revalidates this layout.
  const unread = await countUnread({ orgId: user.orgId, userId: user.id });
  return (
    <StaffShell user={user} orgName={user.orgName} unread={unread}>
      {children}
    </StaffShell>
  );
}
