import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { ListSearch } from "@/components/ui/list-search";
import { describeResults, TIER_OPTIONS } from "@/components/ui/list-search-options";
import { Pager } from "@/components/ui/pager";
import { VendorBulkSend } from "@/components/vendors/bulk-send";
import { VendorCreateForm } from "@/components/vendors/vendor-create-form";
import { VendorImport } from "@/components/vendors/vendor-import";
import { VendorTable } from "@/components/vendors/vendor-table";
import { requirePageUser } from "@/lib/authz";
import { searchVendors } from "@/lib/data/list-search";
import { listUsers } from "@/lib/data/users";
import { getDefaultDueDate } from "@/lib/dates";
import { can } from "@/lib/permissions";
import { listQuestionnaireOptions } from "@/lib/questionnaires";
import { listSearchToParams, parseListSearch, ZVendorSearch } from "@/lib/schemas/list-search";

export const metadata: Metadata = { title: "Vendors" };

const STATUSES = [
  { value: "active", label: "Active" },
  { value: "archived", label: "Archived" },
];

export default async function VendorsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser({ permission: "vendor:read" });
  const canWrite = can({ role: user.role, permission: "vendor:write" });
  const canSend = can({ role: user.role, permission: "assessment:send" });
  const { search, errors } = parseListSearch({ schema: ZVendorSearch, params: await searchParams });
  const [result, users] = await Promise.all([
    searchVendors({ orgId: user.orgId, search }),
    listUsers({ orgId: user.orgId }),
  ]);
  const owners = users.map((u) => ({ value: u.id, label: u.name }));
  return (
    <>
      <PageHeader
        title="Vendors"
        description="Every supplier that holds or processes your data, with its criticality tier and internal owner."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title="Inventory">
            <ListSearch
              action="/vendors"
              label="Search vendors"
              values={search}
              statuses={STATUSES}
              owners={owners}
              tiers={TIER_OPTIONS}
              errors={errors}
              resultText={describeResults({ ...result, noun: ["vendor", "vendors"] })}
            />
            {canSend ? (
              <VendorBulkSend
                vendors={result.rows}
                questionnaires={listQuestionnaireOptions()}
                defaultDueDate={getDefaultDueDate()}
              />
            ) : (
              <VendorTable vendors={result.rows} />
            )}
            <Pager
              label="Vendor list pages"
              page={result.page}
              pageCount={result.pageCount}
              hrefOf={(page) => `/vendors?${listSearchToParams({ ...search, page })}`}
            />
          </Card>
        </div>
        {canWrite && (
          <div className="space-y-6">
            <Card title="Add a vendor">
              <VendorCreateForm
                owners={users.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Card>
            <Card title="Import vendors">
              <VendorImport />
            </Card>
          </div>
        )}
      </div>
    </>
  );
}
