import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AssessmentTable } from "@/components/assessments/assessment-table";
import { NewAssessmentForm } from "@/components/assessments/new-assessment-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ArchiveButton } from "@/components/vendors/archive-button";
import { ContactForm } from "@/components/vendors/contact-form";
import { VendorEvidenceDates } from "@/components/vendors/evidence-dates";
import { VendorOpenFindings } from "@/components/vendors/open-findings";
import { VendorScoreTrend } from "@/components/vendors/score-trend";
import { VendorCreateForm } from "@/components/vendors/vendor-create-form";
import { requirePageUser } from "@/lib/authz";
import {
  listAssessments,
  OPEN_ASSESSMENT_STATUSES,
  REASSESSABLE_STATUSES,
} from "@/lib/data/assessments";
import { getTierRequirements } from "@/lib/data/policy";
import { listUsers } from "@/lib/data/users";
import { getVendor } from "@/lib/data/vendors";
import { formatDate, getDefaultDueDate } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { listQuestionnaireOptions } from "@/lib/questionnaires";

export const metadata: Metadata = { title: "Vendor" };

async function load(orgId: string, vendorId: string) {
  try {
    return await getVendor({ orgId, vendorId });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

export default async function VendorPage({ params }: { params: Promise<{ vendorId: string }> }) {
  const { vendorId } = await params;
  const user = await requirePageUser({ permission: "vendor:read" });
  const vendor = await load(user.orgId, vendorId);
  const assessments = await listAssessments({ orgId: user.orgId, vendorId: vendor.id });
  // A reassessment starts from these answers unless the sender picks a blank questionnaire.
  const lastSubmitted = assessments.find((a) =>
    (REASSESSABLE_STATUSES as readonly string[]).includes(a.status),
  );
  const open = assessments.find((a) =>
    (OPEN_ASSESSMENT_STATUSES as readonly string[]).includes(a.status),
  );
  const canSend =
    can({ role: user.role, permission: "assessment:send" }) && vendor.status === "active";
  const canWrite = can({ role: user.role, permission: "vendor:write" });
  return (
    <>
      <PageHeader
        title={vendor.name}
        description={vendor.services.join(" · ") || "No services recorded"}
        actions={<Badge tone={vendor.tier}>{vendor.tier} tier</Badge>}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Assessments">
            <AssessmentTable rows={assessments} showVendor={false} />
          </Card>
          <Card title="Score trend">
            <Suspense fallback={<div className="h-36 animate-pulse rounded bg-slate-100" />}>
              <VendorScoreTrend orgId={user.orgId} vendorId={vendor.id} />
            </Suspense>
          </Card>
          <Card title="Open findings">
            <Suspense fallback={<div className="h-24 animate-pulse rounded bg-slate-100" />}>
              <VendorOpenFindings orgId={user.orgId} vendorId={vendor.id} />
            </Suspense>
          </Card>
          {canSend && (
            <Card title="Send a BC/DR questionnaire">
              <NewAssessmentForm
                vendorId={vendor.id}
                tier={vendor.tier}
                tierDefaults={await getTierRequirements({ orgId: user.orgId })}
                questionnaires={listQuestionnaireOptions()}
                contacts={vendor.contacts.map((c) => ({ id: c.id, name: c.name, email: c.email }))}
                previous={
                  lastSubmitted
                    ? {
                        id: lastSubmitted.id,
                        label: formatDate(lastSubmitted.submittedAt),
                      }
                    : undefined
                }
                open={
                  open
                    ? {
                        id: open.id,
                        status: open.status,
                        due: open.dueDate ? formatDate(open.dueDate) : null,
                      }
                    : undefined
                }
                defaultDueDate={getDefaultDueDate()}
              />
            </Card>
          )}
        </div>
        <div className="space-y-6">
          <Card title="Details">
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="font-medium text-slate-600">Internal owner</dt>
                <dd>{vendor.owner?.name ?? "—"}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-600">Status</dt>
                <dd>{vendor.status}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-600">Website</dt>
                <dd>{vendor.website ?? "—"}</dd>
              </div>
            </dl>
          </Card>
          {canWrite && (
            <Card title="Edit vendor">
              <VendorCreateForm
                owners={(await listUsers({ orgId: user.orgId }))
                  .filter((u) => u.active)
                  .map((u) => ({ value: u.id, label: u.name }))}
                editing={{
                  vendorId: vendor.id,
                  values: {
                    name: vendor.name,
                    tier: vendor.tier,
                    services: vendor.services,
                    ownerId: vendor.ownerId ?? undefined,
                    website: vendor.website ?? undefined,
                    notes: vendor.notes ?? undefined,
                  },
                }}
              />
              <div className="mt-4 border-t border-slate-200 pt-4">
                <ArchiveButton vendorId={vendor.id} archived={vendor.status === "archived"} />
              </div>
            </Card>
          )}
          <Card title="Last evidence dates">
            <Suspense fallback={<div className="h-24 animate-pulse rounded bg-slate-100" />}>
              <VendorEvidenceDates orgId={user.orgId} vendorId={vendor.id} />
            </Suspense>
          </Card>
          <Card title="Contacts">
            {vendor.contacts.length === 0 ? (
              <p className="mb-3 text-sm text-slate-600">No contacts yet.</p>
            ) : (
              <ul className="mb-4 space-y-1 text-sm">
                {vendor.contacts.map((c) => (
                  <li key={c.id}>
                    <span className="font-medium">{c.name}</span> · {c.email}
                    {c.title ? ` · ${c.title}` : ""}
                  </li>
                ))}
              </ul>
            )}
            {canWrite && <ContactForm vendorId={vendor.id} />}
          </Card>
        </div>
      </div>
    </>
  );
}
