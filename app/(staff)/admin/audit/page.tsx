import type { Metadata } from "next";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditPagination, AuditTable } from "@/components/audit/audit-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/authz";
import { listAuditActions, listAuditEvents, ZAuditFilters } from "@/lib/data/audit";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser({ permission: "audit:read" });
  const raw = await searchParams;
  const filters = ZAuditFilters.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const [{ events, total, pageCount }, actions] = await Promise.all([
    listAuditEvents({ orgId: user.orgId, filters }),
    listAuditActions({ orgId: user.orgId }),
  ]);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in, change, download and invitation in this workspace, newest first. Events cannot be edited or deleted."
      />
      <div className="space-y-6">
        <Card>
          <AuditFilters filters={filters} actions={actions} />
        </Card>
        <Card title="Events">
          <AuditTable events={events} />
          <AuditPagination filters={filters} pageCount={pageCount} total={total} />
        </Card>
      </div>
    </>
  );
}
