import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { VendorBulkSend } from "@/components/vendors/bulk-send";
import { VendorCreateForm } from "@/components/vendors/vendor-create-form";
import { VendorTable } from "@/components/vendors/vendor-table";
import { requirePageUser } from "@/lib/authz";
import { listUsers } from "@/lib/data/users";
import { listVendors } from "@/lib/data/vendors";
import { getDefaultDueDate } from "@/lib/dates";
import { can } from "@/lib/permissions";
import { listQuestionnaireOptions } from "@/lib/questionnaires";

export const metadata: Metadata = { title: "Vendors" };

export default async function VendorsPage() {
  const user = await requirePageUser({ permission: "vendor:read" });
  const canWrite = can({ role: user.role, permission: "vendor:write" });
  const canSend = can({ role: user.role, permission: "assessment:send" });
  const [vendors, users] = await Promise.all([
    listVendors({ orgId: user.orgId, take: 200 }),
    canWrite ? listUsers({ orgId: user.orgId }) : Promise.resolve([]),
  ]);
  return (
    <>
      <PageHeader
        title="Vendors"
        description="Every supplier that holds or processes your data, with its criticality tier and internal owner."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title="Inventory">
            {canSend ? (
              <VendorBulkSend
                vendors={vendors}
                questionnaires={listQuestionnaireOptions()}
                defaultDueDate={getDefaultDueDate()}
              />
            ) : (
              <VendorTable vendors={vendors} />
            )}
          </Card>
        </div>
        {canWrite && (
          <Card title="Add a vendor">
            <VendorCreateForm
              owners={users.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Card>
        )}
      </div>
    </>
  );
}
