import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortableAnswers } from "@/components/questionnaire/portable-answers";
import { PortalForm } from "@/components/questionnaire/portal-form";
import { WorkbookImport } from "@/components/questionnaire/workbook-import";
import { IMPORTABLE_STATUSES } from "@/lib/data/answers-import";
import { readResolvedRequirements } from "@/lib/data/requirements";
import { listThreads } from "@/lib/data/threads";
import { formatDate } from "@/lib/dates";
import { getPortalAssessment, LinkError, requireLink } from "@/lib/portal/access";
import { mergeSiteDrafts, ZSiteDrafts } from "@/lib/questionnaires/site-drafts";
import type { TSite } from "@/lib/rules/types";

export const metadata: Metadata = { title: "BC/DR questionnaire", robots: { index: false } };

export default async function RespondPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let link: Awaited<ReturnType<typeof requireLink>>;
  try {
    link = await requireLink({ token });
  } catch (e) {
    // proxy.ts already answered bad links with their plain 404/410 pages; this is a second lock.
    if (e instanceof LinkError) notFound();
    throw e;
  }
  const { assessment, questionnaire } = await getPortalAssessment({
    assessmentId: link.assessmentId,
  });
  const threads = await listThreads({ orgId: link.orgId, assessmentId: link.assessmentId });
  // The same requirements the review page and the PDF show (lib/data/requirements.ts).
  const minSeparationKm = readResolvedRequirements({
    stored: assessment.resolvedRequirements,
    requirements: assessment.requirements,
    policy: assessment.org.policy,
  })?.min_separation_km;
  // Cleared answers (null) still carry their version, which the next save must build on.
  // A sites answer is shown with its drafts (sites still being entered) in their places.
  const draftQuestions = questionnaire.sections
    .flatMap((s) => s.questions)
    .filter((q) => q.type === "sites")
    .map((q) => q.id);
  const initial: Record<string, { value: unknown; version: number }> = Object.fromEntries(
    assessment.answers.map((a) => {
      const drafts = ZSiteDrafts.safeParse(a.drafts ?? []);
      const value =
        draftQuestions.includes(a.questionId) && drafts.success && drafts.data.length
          ? mergeSiteDrafts({
              sites: Array.isArray(a.value) ? (a.value as TSite[]) : [],
              drafts: drafts.data,
            })
          : (a.value ?? undefined);
      return [a.questionId, { value, version: a.version }];
    }),
  );
  return (
    <div className="min-h-screen">
      <a href="#main" className="skip-link">
        Skip to the questions
      </a>
      <header className="bg-slate-900 text-white">
        <div className="mx-auto max-w-6xl px-6 py-5">
          <p className="text-xs font-semibold uppercase tracking-widest text-indigo-200">
            Resilience Ledger · requested by {assessment.org.name}
          </p>
          <h1 className="mt-1 text-2xl font-semibold">{questionnaire.title}</h1>
          <p className="mt-1 text-sm text-slate-300">
            For {assessment.vendor.name}
            {assessment.dueDate ? ` · due ${formatDate(assessment.dueDate)}` : ""} · answers save as
            you type
          </p>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-6 py-8">
        {questionnaire.description && (
          <p className="mb-8 max-w-3xl text-slate-700">{questionnaire.description}</p>
        )}
        <p className="mb-8 max-w-3xl text-sm text-slate-700">
          Working in a spreadsheet?{" "}
          <a
            className="text-indigo-800 underline"
            href={`/api/respond/${token}/answers.xlsx`}
            download
          >
            Download this questionnaire as an Excel workbook
          </a>{" "}
          with the answers saved so far.
        </p>
        {(IMPORTABLE_STATUSES as readonly string[]).includes(assessment.status) && (
          <WorkbookImport
            endpoint={`/api/respond/${token}/answers.xlsx`}
            note="Upload the workbook once you have filled it: you will see what changes before anything is saved. Imported answers are saved as yours; you still submit below."
          />
        )}
        <PortableAnswers
          token={token}
          canImport={(IMPORTABLE_STATUSES as readonly string[]).includes(assessment.status)}
        />
        <PortalForm
          token={token}
          assessmentId={assessment.id}
          questionnaire={questionnaire}
          initial={initial}
          draftQuestions={draftQuestions}
          reopened={assessment.answers.filter((a) => a.reopened).map((a) => a.questionId)}
          awaiting={Object.fromEntries(
            assessment.answers.flatMap((a) =>
              a.awaitingConfirmation ? [[a.questionId, a.carriedFrom ?? "previous"]] : [],
            ),
          )}
          threads={threads}
          evidence={assessment.evidence.map((e) => ({
            ...e,
            evidenceDate: e.evidenceDate?.toISOString().slice(0, 10) ?? null,
          }))}
          status={assessment.status}
          vendorName={assessment.vendor.name}
          orgName={assessment.org.name}
          dueDate={assessment.dueDate?.toISOString().slice(0, 10) ?? null}
          minSeparationKm={minSeparationKm}
        />
      </main>
    </div>
  );
}
