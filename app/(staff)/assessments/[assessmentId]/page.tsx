import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnswerReview } from "@/components/assessments/answer-review";
import { AssessmentDownloads } from "@/components/assessments/assessment-downloads";
import { AssessmentSchedule } from "@/components/assessments/assessment-schedule";
import { STATUS_LABELS } from "@/components/assessments/assessment-table";
import { FindingsPanel } from "@/components/assessments/findings-panel";
import { InvitationList } from "@/components/assessments/invitation-list";
import { RejudgeCard } from "@/components/assessments/rejudge-card";
import { RequirementsList } from "@/components/assessments/requirements-list";
import { ReviewActions } from "@/components/assessments/review-actions";
import { ThreadReplyForm } from "@/components/assessments/thread-reply-form";
import { WorkbookImport } from "@/components/questionnaire/workbook-import";
import { DownloadReportButton } from "@/components/reports/download-report-button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/authz";
import { listAnswerRounds } from "@/lib/data/answer-rounds";
import { IMPORTABLE_STATUSES } from "@/lib/data/answers-import";
import { AWAITING_VENDOR, CANCELLABLE } from "@/lib/data/assessment-lifecycle";
import { getAssessmentDetail } from "@/lib/data/assessments";
import { rejudgeAssessment } from "@/lib/data/rejudge";
import { getRiskAcceptanceLimit } from "@/lib/data/review";
import { listThreads } from "@/lib/data/threads";
import { listUsers } from "@/lib/data/users";
import { NotFoundError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { describeFlagCode } from "@/lib/questionnaires/extension/schema";
import { isThreadOpen } from "@/lib/schemas/thread";

export const metadata: Metadata = { title: "Assessment" };

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "—");

export default async function AssessmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ assessmentId: string }>;
  searchParams: Promise<{ sent?: string }>;
}) {
  const { assessmentId } = await params;
  const { sent } = await searchParams;
  const user = await requirePageUser({ permission: "assessment:read" });
  let detail: Awaited<ReturnType<typeof getAssessmentDetail>>;
  try {
    detail = await getAssessmentDetail({ orgId: user.orgId, assessmentId });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const { assessment: a, questionnaire, answers, changedSincePrevious } = detail;
  const owners = can({ role: user.role, permission: "finding:write" })
    ? await listUsers({ orgId: user.orgId })
    : [];
  const [riskLimit, threads, rounds] = await Promise.all([
    getRiskAcceptanceLimit({ orgId: user.orgId }),
    listThreads({ orgId: user.orgId, assessmentId: a.id }),
    listAnswerRounds({ orgId: user.orgId, assessmentId: a.id }),
  ]);
  const canComment =
    isThreadOpen(a.status) && can({ role: user.role, permission: "assessment:review" });
  // A decided assessment keeps its flags; the current engine's view of it is shown beside.
  const rejudged =
    a.status === "accepted" || a.status === "rejected"
      ? await rejudgeAssessment({ orgId: user.orgId, assessmentId: a.id })
      : null;
  // The requirements every reader shows, policy included (lib/data/requirements.ts).
  const { resolved, requirementsChanged } = detail;
  const submitted = a.status === "submitted";
  const flagged = new Set(a.flags.flatMap((f) => f.questions));
  const reopened = new Set(a.answers.filter((x) => x.reopened).map((x) => x.questionId));
  return (
    <>
      <PageHeader
        title={`${a.vendor.name}: ${questionnaire.title}`}
        description={`Sent ${day(a.sentAt)} · due ${day(a.dueDate)} · submitted ${day(a.submittedAt)}${a.asOfDate ? ` · judged as of ${day(a.asOfDate)}` : ""}${a.nextReassessmentDate ? ` · next reassessment ${day(a.nextReassessmentDate)}` : ""}`}
        actions={
          <div className="flex items-center gap-2">
            <Badge tone="neutral">{STATUS_LABELS[a.status] ?? a.status}</Badge>
            {a.rating && <Badge tone={a.rating}>rating: {a.rating}</Badge>}
            {a.score !== null && <Badge tone="neutral">score {a.score}/100</Badge>}
          </div>
        }
      />
      {sent && (
        <p
          role="status"
          className="mb-6 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200"
        >
          The questionnaire was sent. The vendor's link is in the invitation email.
        </p>
      )}
      {a.status === "cancelled" && (
        <div className="mb-6 rounded-md bg-slate-100 p-3 text-sm text-slate-800 ring-1 ring-slate-300">
          <p>
            Cancelled{a.cancelledAt ? ` on ${day(a.cancelledAt)}` : ""}. The vendor's links no
            longer work.
          </p>
          {a.cancelReason && <p className="mt-1">Reason: {a.cancelReason}</p>}
        </div>
      )}
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4 text-sm">
        <div className="space-y-2">
          <Link className="text-indigo-800 underline" href={`/vendors/${a.vendorId}`}>
            Back to {a.vendor.name}
          </Link>
          <AssessmentDownloads assessmentId={a.id} />
        </div>
        {can({ role: user.role, permission: "report:export" }) && (
          <div className="flex items-start gap-4">
            <Link className="py-1.5 text-indigo-800 underline" href={`/assessments/${a.id}/print`}>
              Print view
            </Link>
            <DownloadReportButton assessmentId={a.id} />
          </div>
        )}
      </div>
      {can({ role: user.role, permission: "assessment:write" }) &&
        (IMPORTABLE_STATUSES as readonly string[]).includes(a.status) && (
          <WorkbookImport
            endpoint={`/api/assessments/${a.id}/answers.xlsx`}
            note="A workbook the vendor filled and sent you: you will see what changes before anything is saved. Imported answers wait for the vendor to confirm them in the questionnaire, and the vendor still submits."
          />
        )}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {a.flags.length > 0 && (
            <Card title={`Flags (${a.flags.length})`}>
              <ul className="space-y-2 text-sm">
                {a.flags.map((f) => (
                  <li key={f.id} className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                    <Badge tone={f.severity}>{f.severity}</Badge>
                    <a
                      className="text-indigo-800 underline"
                      href={`#answer-${f.questions[0] ?? ""}`}
                    >
                      {f.title}
                    </a>
                    <code className="break-all text-xs text-slate-600">
                      {describeFlagCode(f.code)}
                    </code>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          {rejudged && <RejudgeCard rejudged={rejudged} />}
          <Card title="Answers">
            {a.answers.length === 0 ? (
              <p className="text-sm text-slate-600">The vendor has not answered yet.</p>
            ) : (
              <AnswerReview
                assessmentId={a.id}
                questionnaire={questionnaire}
                answers={answers}
                flags={a.flags}
                evidence={a.evidence}
                threads={threads}
                rounds={rounds}
                reply={
                  canComment
                    ? (q) => (
                        <ThreadReplyForm
                          assessmentId={a.id}
                          questionId={q.id}
                          questionLabel={q.label}
                        />
                      )
                    : undefined
                }
                changed={new Set(changedSincePrevious)}
                confirmedUnchanged={new Set(detail.confirmedUnchanged)}
                awaitingConfirmation={new Set(detail.awaitingConfirmation)}
                reopened={reopened}
                minSeparationKm={resolved?.min_separation_km}
              />
            )}
          </Card>
        </div>
        <div className="space-y-6">
          {submitted &&
            (can({ role: user.role, permission: "assessment:review" }) ||
              can({ role: user.role, permission: "assessment:decide" })) && (
              <Card title="Review">
                <ReviewActions
                  assessmentId={a.id}
                  questions={questionnaire.sections
                    .flatMap((s) => s.questions)
                    .map((q) => ({ id: q.id, label: q.label, flagged: flagged.has(q.id) }))}
                  canReview={can({ role: user.role, permission: "assessment:review" })}
                  canDecide={can({ role: user.role, permission: "assessment:decide" })}
                />
              </Card>
            )}
          {resolved && (
            <Card title="Requirements">
              <RequirementsList requirements={resolved} />
              {requirementsChanged.length > 0 && (
                <div className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-xs">
                  <p className="font-medium">
                    The organisation's policy changed these after the questionnaire was sent:
                  </p>
                  <ul className="mt-1 list-disc pl-4" data-testid="requirements-changed">
                    {requirementsChanged.map((c) => (
                      <li key={c.field}>
                        {c.field.replace(/_/g, " ")}: {JSON.stringify(c.before)} →{" "}
                        {JSON.stringify(c.after)}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <p className="mt-3 text-xs text-slate-600">
                Questionnaire {questionnaire.id} {questionnaire.version}
                {a.requirementsPolicyVersion
                  ? ` · organisation policy version ${a.requirementsPolicyVersion}`
                  : ""}
              </p>
            </Card>
          )}
          <Card title="Vendor links">
            <InvitationList
              cancelled={a.status === "cancelled"}
              canSend={
                can({ role: user.role, permission: "assessment:send" }) &&
                !["accepted", "rejected", "cancelled"].includes(a.status)
              }
              rows={a.invitations.map((i) => ({
                id: i.id,
                email: i.email,
                kind: i.kind,
                expiresAt: i.expiresAt.toISOString(),
                revokedAt: i.revokedAt?.toISOString() ?? null,
                lastSentAt: i.lastSentAt?.toISOString() ?? null,
                lastUsedAt: i.lastUsedAt?.toISOString() ?? null,
                invitedById: i.invitedByInvitationId,
              }))}
            />
          </Card>
          {can({ role: user.role, permission: "assessment:send" }) &&
            (CANCELLABLE as readonly string[]).includes(a.status) && (
              <Card title="Due date and cancellation">
                <AssessmentSchedule
                  assessmentId={a.id}
                  vendorName={a.vendor.name}
                  dueDate={a.dueDate ? day(a.dueDate) : null}
                  canEditDueDate={(AWAITING_VENDOR as readonly string[]).includes(a.status)}
                />
              </Card>
            )}
          <Card title="Findings">
            <FindingsPanel
              assessmentId={a.id}
              findings={a.findings.map((f) => ({
                id: f.id,
                title: f.title,
                description: f.description,
                severity: f.severity,
                status: f.status,
                dueDate: day(f.dueDate),
                owner: f.owner?.name ?? null,
                riskJustification: f.riskJustification,
                riskAcceptedUntil: f.riskAcceptedUntil ? day(f.riskAcceptedUntil) : null,
                riskAcceptedBy: f.riskAcceptedBy?.name ?? null,
                riskAcceptedOn: f.riskAcceptedAt ? day(f.riskAcceptedAt) : null,
              }))}
              riskAcceptLatest={riskLimit.latest}
              flags={a.flags}
              owners={owners.map((o) => ({ value: o.id, label: o.name }))}
              canWrite={can({ role: user.role, permission: "finding:write" })}
              canAcceptRisk={can({ role: user.role, permission: "risk:accept" })}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
