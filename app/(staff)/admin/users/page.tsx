import type { Metadata } from "next";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { UserTable } from "@/components/admin/user-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/authz";
import { listUsers } from "@/lib/data/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser({ permission: "user:manage" });
  const users = await listUsers({ orgId: user.orgId });
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, and with which role. Deactivating a user or resetting their sessions signs them out at their next click."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title="Team">
            <UserTable users={users} currentUserId={user.id} />
          </Card>
        </div>
        <Card title="Add a user">
          <UserCreateForm />
        </Card>
      </div>
    </>
  );
}
