import type { Metadata } from "next";
import { InvitationTable } from "@/components/admin/invitation-table";
import { UserInviteForm } from "@/components/admin/user-invite-form";
import { UserTable } from "@/components/admin/user-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/authz";
import { listPendingInvitations } from "@/lib/data/user-invitations";
import { listUsers } from "@/lib/data/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser({ permission: "user:manage" });
  const [users, invitations] = await Promise.all([
    listUsers({ orgId: user.orgId }),
    listPendingInvitations({ orgId: user.orgId }),
  ]);
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, and with which role. Deactivating a user or resetting their sessions signs them out at their next click."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Team">
            <UserTable users={users} currentUserId={user.id} />
          </Card>
          <Card title="Invitations">
            <InvitationTable invitations={invitations} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Invite a colleague">
            <UserInviteForm />
          </Card>
        </div>
      </div>
    </>
  );
}
