import type { ReactNode } from "react";
import { SitesOverview } from "@/components/questionnaire/sites-overview";
import {
  ThreadMessages,
  type TThreadMessageView,
} from "@/components/questionnaire/thread-messages";
import { Badge } from "@/components/ui/card";
import type { TRound } from "@/lib/data/answer-rounds";
import { formatDate } from "@/lib/dates";
import type { TQuestionnaire } from "@/lib/questionnaires";
import { describeAnswer } from "@/lib/questionnaires/describe-answer";
import {
  isExtensionId,
  isOrgFlagCode,
  ORG_RULE_LABEL,
} from "@/lib/questionnaires/extension/schema";
import type { TAnswers, TSite } from "@/lib/rules/types";

type TFlagRow = {
  id: string;
  code: string;
  severity: string;
  title: string;
  detail: string;
  questions: string[];
};
type TEvidenceRow = {
  id: string;
  questionId: string | null;
  fileName: string;
  evidenceDate: Date | null;
};

type TProps = {
  assessmentId: string;
  questionnaire: TQuestionnaire;
  answers: TAnswers;
  flags: TFlagRow[];
  evidence: TEvidenceRow[];
  /** Each question's thread (question id → messages, oldest first). */
  threads: Record<string, TThreadMessageView[]>;
  /** Each reopened question's rounds: its value before and after. */
  rounds: Record<string, TRound[]>;
  changed: Set<string>;
  /** Carried over from the last assessment and confirmed by the vendor as it was. */
  confirmedUnchanged?: Set<string>;
  /** Carried over and not confirmed by the vendor: shown as unanswered. */
  awaitingConfirmation?: Set<string>;
  reopened: Set<string>;
  /** The reviewer's reply box under each thread (the thread is open and the role may review). */
  reply?: (q: { id: string; label: string }) => ReactNode;
  /** The required separation, for the distance table under the sites answer. */
  minSeparationKm?: number;
};

/** Answers by section, each flag shown beside the questions that raised it. */
export function AnswerReview({
  assessmentId,
  questionnaire,
  answers,
  flags,
  evidence,
  threads,
  rounds,
  changed,
  confirmedUnchanged,
  awaitingConfirmation,
  reopened,
  reply,
  minSeparationKm,
}: TProps) {
  const values = answers as Record<string, unknown>;
  return (
    <div className="space-y-8">
      {questionnaire.sections.map((s) => (
        <section key={s.id} aria-labelledby={`rev-${s.id}`}>
          <h3 id={`rev-${s.id}`} className="mb-3 text-lg font-semibold">
            {s.title}
            {isExtensionId(s.id) && (
              <span className="ml-2 align-middle">
                <Badge tone="neutral">Your organisation's questions</Badge>
              </span>
            )}
          </h3>
          <ol className="space-y-3">
            {s.questions.map((q) => {
              const qFlags = flags.filter((f) => f.questions.includes(q.id));
              const qEvidence = evidence.filter((e) => e.questionId === q.id);
              const qThread = threads[q.id] ?? [];
              const qRounds = rounds[q.id] ?? [];
              const asText = (value: unknown) =>
                describeAnswer({ question: q, value, answers: values });
              return (
                <li
                  key={q.id}
                  id={`answer-${q.id}`}
                  data-question={q.id}
                  className="rounded-md bg-white p-4 ring-1 ring-slate-200"
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <p className="font-medium text-slate-900">{q.label}</p>
                    <div className="flex gap-1">
                      {changed.has(q.id) && (
                        <Badge tone="info">Changed since last assessment</Badge>
                      )}
                      {confirmedUnchanged?.has(q.id) && (
                        <Badge tone="neutral">Confirmed unchanged</Badge>
                      )}
                      {awaitingConfirmation?.has(q.id) && (
                        <Badge tone="medium">Carried over, not confirmed</Badge>
                      )}
                      {reopened.has(q.id) && <Badge tone="medium">Reopened</Badge>}
                    </div>
                  </div>
                  <p
                    className="mt-1 whitespace-pre-wrap text-sm text-slate-800"
                    data-testid={`answer-value-${q.id}`}
                  >
                    {asText(values[q.id])}
                  </p>
                  {q.type === "sites" && Array.isArray(values[q.id]) && (
                    <div className="mt-3">
                      <SitesOverview
                        sites={values[q.id] as TSite[]}
                        backupIds={
                          Array.isArray(values.backup_site_ids)
                            ? (values.backup_site_ids as string[])
                            : undefined
                        }
                        minSeparationKm={minSeparationKm}
                      />
                    </div>
                  )}
                  {qFlags.length > 0 && (
                    <ul className="mt-3 space-y-2" aria-label={`Flags on ${q.label}`}>
                      {qFlags.map((f) => (
                        <li
                          key={f.id}
                          data-flag={f.code}
                          className="rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200"
                        >
                          <span className="flex flex-wrap items-center gap-2">
                            <Badge tone={f.severity}>{f.severity}</Badge>
                            <span className="font-semibold">{f.title}</span>
                            <code className="text-xs text-slate-600">{f.code}</code>
                            {isOrgFlagCode(f.code) && (
                              <Badge tone="neutral">{ORG_RULE_LABEL}</Badge>
                            )}
                          </span>
                          <span className="mt-1 block text-slate-700">{f.detail}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                  {qEvidence.length > 0 && (
                    <p className="mt-2 text-sm">
                      Evidence:{" "}
                      {qEvidence.map((e, i) => (
                        <span key={e.id}>
                          {i > 0 && ", "}
                          <a
                            className="text-indigo-800 underline"
                            href={`/api/assessments/${assessmentId}/evidence/${e.id}`}
                          >
                            {e.fileName}
                          </a>
                          {e.evidenceDate ? ` (${formatDate(e.evidenceDate)})` : ""}
                        </span>
                      ))}
                    </p>
                  )}
                  {qRounds.length > 0 && (
                    <ul
                      className="mt-3 space-y-1 text-sm"
                      aria-label={`Changes to “${q.label}” after review`}
                      data-testid={`answer-rounds-${q.id}`}
                    >
                      {qRounds.map((r) => (
                        <li key={r.requestedAt.toISOString()} className="text-slate-800">
                          <span className="text-slate-600">
                            Reopened {formatDate(r.requestedAt)}:{" "}
                          </span>
                          {r.before === undefined ? (
                            <>earlier value not recorded → {asText(r.after)}</>
                          ) : r.changed ? (
                            <>
                              {asText(r.before.value)} → {asText(r.after)}
                            </>
                          ) : (
                            <>
                              {asText(r.before.value)}{" "}
                              <span className="text-slate-600">
                                ({r.closed ? "kept unchanged" : "not changed yet"})
                              </span>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                  {qThread.length > 0 && (
                    <div className="mt-3">
                      <ThreadMessages
                        messages={qThread}
                        label={`Thread on “${q.label}”`}
                        staffName="reviewer"
                      />
                      {reply?.(q)}
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
