import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import type { TSessionUser } from "@/lib/authz";
import { countVendorsByTier } from "@/lib/data/vendors";
import { db } from "@/lib/db";
import { ROLE_LABELS } from "@/lib/permissions";

const INTRO: Record<TSessionUser["role"], string> = {
  admin:
    "Manage who can use the workspace and how it is set up, and keep an eye on the whole vendor portfolio.",
  procurement:
    "Keep the vendor inventory current, send BC/DR questionnaires and review what comes back.",
  manager: "Review portfolio risk, decide on assessments and accept risks with a justification.",
};

export async function RoleDashboard({ user }: { user: TSessionUser }) {
  const [byTier, userCount] = await Promise.all([
    countVendorsByTier({ orgId: user.orgId }),
    user.role === "admin"
      ? db.user.count({ where: { orgId: user.orgId, active: true } })
      : Promise.resolve(0),
  ]);
  const tiers = ["critical", "high", "moderate", "low"] as const;
  const total = tiers.reduce((n, t) => n + (byTier[t] ?? 0), 0);
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name}`}
        description={`${ROLE_LABELS[user.role]}. ${INTRO[user.role]}`}
      />
      <div className="grid gap-6 md:grid-cols-3">
        <Card title="Vendors by criticality">
          <p className="text-3xl font-semibold">{total}</p>
          <p className="text-sm text-slate-600">active vendors</p>
          <dl className="mt-4 grid grid-cols-2 gap-2 text-sm">
            {tiers.map((t) => (
              <div key={t} className="flex justify-between rounded bg-slate-50 px-2 py-1">
                <dt className="capitalize text-slate-700">{t}</dt>
                <dd className="font-semibold">{byTier[t] ?? 0}</dd>
              </div>
            ))}
          </dl>
        </Card>
        {user.role === "procurement" && (
          <Card title="Next steps">
            <ul className="list-disc space-y-1 pl-5 text-sm">
              <li>
                <Link className="text-indigo-700 underline" href="/vendors">
                  Add or update vendors
                </Link>
              </li>
              <li>Send each critical vendor its yearly BC/DR questionnaire.</li>
            </ul>
          </Card>
        )}
        {user.role === "manager" && (
          <Card title="Portfolio risk">
            <p className="text-sm text-slate-700">
              Ratings appear here as vendors submit questionnaires and procurement reviews them.
            </p>
          </Card>
        )}
        {user.role === "admin" && (
          <Card title="Workspace">
            <p className="text-3xl font-semibold">{userCount}</p>
            <p className="text-sm text-slate-600">active users</p>
            <p className="mt-4 text-sm">
              <Link className="text-indigo-700 underline" href="/admin/users">
                Manage users
              </Link>{" "}
              ·{" "}
              <Link className="text-indigo-700 underline" href="/admin/settings">
                Settings
              </Link>
            </p>
          </Card>
        )}
      </div>
    </>
  );
}
