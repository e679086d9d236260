import { SitesOverview } from "@/components/questionnaire/sites-overview";
import { describeFlagCode } from "@/lib/questionnaires/extension/schema";
import type { TAssessmentReport } from "@/lib/reports/types";
import { DataTable, Section, Severity } from "./print-parts";

// The assessment report as HTML: on screen, printed by the browser, and the peer the PDF is
// benchmarked against (headless Chromium page.pdf). Pure markup, no hooks: it also renders
// with react-dom/server.

export const PRINT_CSS = `@page { size: A4; margin: 16mm 14mm; }
.print-exact { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { nav, header[role=banner], .no-print { display: none !important; } body { background: #fff; } }`;

const dash = (v: string | null) => v ?? "—";

export function PrintReport({ report: r }: { report: TAssessmentReport }) {
  return (
    <article className="mx-auto max-w-4xl bg-white p-8 text-slate-900 print:max-w-none print:p-0">
      <style>{PRINT_CSS}</style>
      <header className="rounded bg-indigo-950 p-6 text-white print-exact">
        <p className="text-xs tracking-widest text-indigo-200">
          VENDOR BUSINESS CONTINUITY &amp; DISASTER RECOVERY REPORT
        </p>
        <h1 className="mt-2 text-3xl font-bold">{r.vendor.name}</h1>
        <p className="text-indigo-100">{`${r.questionnaire.title} (${r.questionnaire.version})`}</p>
      </header>
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs uppercase text-slate-600">Rating</dt>
          <dd className="mt-1">{r.rating ? <Severity severity={r.rating} /> : "not rated"}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase text-slate-600">Score</dt>
          <dd className="text-xl font-bold">{r.score === null ? "—" : `${r.score}/100`}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase text-slate-600">Flags</dt>
          <dd className="text-xl font-bold">{r.flags.length}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase text-slate-600">As of</dt>
          <dd className="text-xl font-bold">{dash(r.dates.asOf)}</dd>
        </div>
      </dl>
      <p className="mt-3 text-xs text-slate-600">
        {`Tier ${r.vendor.tier} · status ${r.status.replace("_", " ")} · sent ${dash(r.dates.sent)} · due ${dash(r.dates.due)} · submitted ${dash(r.dates.submitted)} · generated ${r.dates.generatedAt}`}
      </p>
      <Section title="Executive summary">
        <p className="mb-2 text-sm">
          {r.rating
            ? `${r.vendor.name} is rated ${r.rating.toUpperCase()} risk with a score of ${r.score ?? "—"}/100.`
            : "Not rated yet."}
        </p>
        <ol className="mb-4 list-decimal rounded bg-slate-100 py-2 pr-3 pl-8 text-sm print-exact">
          {r.topRisks.length ? (
            r.topRisks.map((t) => <li key={t}>{t}</li>)
          ) : (
            <li>No medium, high or critical risks were found.</li>
          )}
        </ol>
        <DataTable
          caption="Requirements and whether the answers meet them"
          head={["Requirement", "Required", "Vendor's answer", "Result"]}
          rows={r.requirements.map((q) => [
            q.label,
            q.required,
            q.answered,
            <strong
              key="m"
              className={q.met === false ? "text-red-800" : q.met ? "text-green-800" : ""}
            >
              {q.met === null ? "unknown" : q.met ? "Met" : "Not met"}
            </strong>,
          ])}
        />
      </Section>
      <Section title={`Flags (${r.flags.length})`} breakBefore>
        <ul className="space-y-3">
          {r.flags.map((f) => (
            <li key={f.id} className="break-inside-avoid border-b border-slate-200 pb-2 text-sm">
              <p className="flex items-center gap-2 font-semibold">
                <Severity severity={f.severity} /> {f.title}
              </p>
              <p className="text-xs text-slate-600">{describeFlagCode(f.code)}</p>
              <p>{f.detail}</p>
              {f.answers.map((a) => (
                <p key={a.questionId} className="text-xs">
                  <strong>{a.label}:</strong> {a.answer}
                </p>
              ))}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Sites and distances" breakBefore>
        {r.siteAnswers.sites.length > 0 ? (
          <SitesOverview {...r.siteAnswers} />
        ) : (
          <p className="text-sm text-slate-600">The vendor listed no sites.</p>
        )}
      </Section>
      <Section title="Answers by section" breakBefore>
        {r.sections
          .filter((s) => s.rows.length)
          .map((s) => (
            <div key={s.id} className="mb-4">
              <h3 className="mb-1 bg-slate-100 px-2 py-1 font-semibold text-indigo-950 print-exact">
                {s.title}
              </h3>
              <DataTable
                caption={`Answers: ${s.title}`}
                head={["Question", "Answer"]}
                rows={s.rows.map((row) => [
                  row.label,
                  row.flagged ? (
                    <strong key="a" className="text-red-800">
                      {row.answer} (flagged)
                    </strong>
                  ) : (
                    row.answer
                  ),
                ])}
              />
            </div>
          ))}
      </Section>
      <Section title="Evidence" breakBefore>
        {r.evidence.length ? (
          <DataTable
            caption="Evidence files"
            head={["File", "For question", "Evidence date", "Uploaded", "Size"]}
            rows={r.evidence.map((e) => [
              e.fileName,
              e.question,
              e.evidenceDate,
              e.uploaded,
              e.size,
            ])}
          />
        ) : (
          <p className="text-sm text-slate-600">No evidence files were attached.</p>
        )}
      </Section>
      <Section title="Findings and remediation">
        {r.findings.length ? (
          <DataTable
            caption="Findings and remediation"
            head={["Finding", "Severity", "Status", "Owner", "Due", "Remediation"]}
            rows={r.findings.map((f) => [
              f.title,
              <Severity key="s" severity={f.severity} />,
              f.status,
              f.owner,
              f.due,
              f.note || "—",
            ])}
          />
        ) : (
          <p className="text-sm text-slate-600">No findings have been raised.</p>
        )}
      </Section>
      <Section title="Sign-off">
        <p className="text-sm">
          {r.signOff.decision === "pending"
            ? "No decision has been recorded yet."
            : `Decision: ${r.signOff.decision}${r.signOff.decidedBy ? ` by ${r.signOff.decidedBy}` : ""}${r.signOff.decidedAt ? ` on ${r.signOff.decidedAt}` : ""}.`}
        </p>
        <div className="mt-8 grid grid-cols-2 gap-8 text-xs text-slate-600">
          {["Reviewed by (name, role)", "Date", "Approved by (risk owner)", "Signature"].map(
            (l) => (
              <p key={l} className="border-t border-slate-500 pt-1">
                {l}
              </p>
            ),
          )}
        </div>
      </Section>
    </article>
  );
}
