import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import type { TSessionUser } from "@/lib/authz";
import type { TVendorFilters } from "@/lib/data/dashboard";
import { ROLE_LABELS } from "@/lib/permissions";
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
export function RoleDashboard({ user, filters }: { user: TSessionUser; filters: TVendorFilters }) {
  const work = user.role === "procurement";
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
            <FiguresAsOf orgId={user.orgId} />
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        {work ? (
          <>
            <WorkWidgets orgId={user.orgId} />
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
            <VendorsSection orgId={user.orgId} filters={filters} />
            <PortfolioWidgets orgId={user.orgId} />
          </>
        ) : (
          <>
            <PortfolioWidgets orgId={user.orgId} lead={<WorkWidgets orgId={user.orgId} />} />
            <VendorsSection orgId={user.orgId} filters={filters} />
          </>
        )}
      </div>
    </>
  );
}
