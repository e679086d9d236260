import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import type { TSessionUser } from "@/lib/authz";
import type { TDashboardSnapshot, TVendorFilters } from "@/lib/data/dashboard";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { FiguresAsOf } from "./figures-as-of";
import { PortfolioWidgets, VendorsSection, WorkWidgets } from "./portfolio-dashboard";

const INTRO: Record<TSessionUser["role"], string> = {
  admin:
    "Manage who can use the workspace and how it is set up, and keep an eye on the whole vendor portfolio.",
  procurement:
    "Keep the vendor inventory current, send BC/DR questionnaires and review what comes back.",
  manager: "Review portfolio risk, decide on assessments and accept risks with a justification.",
};

/** Managers and admins lead with portfolio risk; procurement with the work that is due. */
export function RoleDashboard({
  user,
  filters,
  snapshot,
  lifeMs,
}: {
  user: TSessionUser;
  filters: TVendorFilters;
  snapshot: TDashboardSnapshot;
  lifeMs: number;
}) {
  const work = user.role === "procurement";
  const vendors = (
    <VendorsSection
      snapshot={snapshot}
      filters={filters}
      canExportPdf={can({ role: user.role, permission: "report:export" })}
    />
  );
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name}`}
        description={`${ROLE_LABELS[user.role]}. ${INTRO[user.role]}`}
        actions={
          <div className="space-y-1 text-right">
            {user.role === "admin" && (
              <p className="text-sm">
                <Link className="text-indigo-700 underline" href="/admin/users">
                  Manage users
                </Link>
                {" · "}
                <Link className="text-indigo-700 underline" href="/admin/settings">
                  Settings
                </Link>
              </p>
            )}
            <FiguresAsOf at={snapshot.at} lifeMs={lifeMs} />
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        {work ? (
          <>
            <WorkWidgets snapshot={snapshot} />
            <Card title="Next steps">
              <ul className="list-disc space-y-1 pl-5 text-sm">
                <li>
                  <Link className="text-indigo-700 underline" href="/vendors">
                    Add or update vendors
                  </Link>
                </li>
                <li>Send each critical vendor its yearly BC/DR questionnaire.</li>
                <li>Chase the overdue questionnaires listed here.</li>
              </ul>
            </Card>
            {vendors}
            <PortfolioWidgets snapshot={snapshot} />
          </>
        ) : (
          <>
            <PortfolioWidgets snapshot={snapshot} lead={<WorkWidgets snapshot={snapshot} />} />
            {vendors}
          </>
        )}
      </div>
    </>
  );
}
