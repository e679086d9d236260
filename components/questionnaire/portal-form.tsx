"use client";

import { useMemo, useState } from "react";
import { describeAnswer } from "@/lib/questionnaires/describe-answer";
import type { TQuestion, TQuestionnaire } from "@/lib/questionnaires/questionnaire-schema";
import { splitSiteDrafts } from "@/lib/questionnaires/site-draft-list";
import { getSubmitReview } from "@/lib/questionnaires/submit-review";
import { getVisibleQuestions, isAnswered } from "@/lib/questionnaires/visibility";
import type { TAnswers, TSite } from "@/lib/rules/types";
import { isThreadOpen } from "@/lib/schemas/thread-rules";
import { type TSaved, useAutosave } from "./autosave";
import { CarriedNotice } from "./carried-notice";
import { ColleagueInvite } from "./colleague-invite";
import { EvidenceUpload, type TEvidenceItem } from "./evidence-upload";
import { OpenThreads } from "./open-threads";
import { QuestionCard } from "./question-card";
import { QuestionInput } from "./question-input";
import { QuestionThread } from "./question-thread";
import { SectionIntro } from "./section-intro";
import { SubmitPanel } from "./submit-panel";
import type { TThreadMessageView } from "./thread-messages";

export type TPortalProps = {
  token: string;
  assessmentId: string;
  questionnaire: TQuestionnaire;
  initial: Record<string, TSaved>;
  /** Sites questions, whose incomplete sites are kept as drafts beside the answer. */
  draftQuestions: string[];
  reopened: string[];
  /** Answers carried over and not yet confirmed (question id → where they came from). */
  awaiting?: Record<string, "previous" | "questionnaire" | "import">;
  /** Each question's thread with the reviewer (question id → messages, oldest first). */
  threads: Record<string, TThreadMessageView[]>;
  evidence: TEvidenceItem[];
  status: string;
  vendorName: string;
  orgName: string;
  dueDate: string | null;
  minSeparationKm?: number;
};

/** What one item of a list answer is called in the portal's messages, by question id. */
function itemNamesOf(questionnaire: TQuestionnaire): Record<string, string> {
  const names: Partial<Record<TQuestion["type"], string>> = {
    sites: "Site",
    parties: "Third party",
  };
  return Object.fromEntries(
    questionnaire.sections
      .flatMap((s) => s.questions)
      .flatMap((q) => {
        const name = names[q.type];
        return name ? [[q.id, name] as const] : [];
      }),
  );
}

/** The sidebar's one line about saving: never "saved" while anything is unsent or refused. */
function saveStatus(p: {
  ready: boolean;
  unsaved: number;
  refused: number;
  incompleteSites: number;
}) {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (!p.ready) return "Checking for answers not yet sent…";
  if (p.refused)
    return `${plural(p.refused, "answer was", "answers were")} not saved: see the marked question${p.refused === 1 ? "" : "s"}`;
  if (p.unsaved) return `${plural(p.unsaved, "answer", "answers")} not saved yet`;
  if (p.incompleteSites)
    return `All answers saved · ${plural(p.incompleteSites, "site is", "sites are")} still incomplete (kept as a draft)`;
  return "All answers saved";
}

/** Save states of an edit on its way to the server (queued, in flight, or waiting to resend). */
const SENDING = new Set(["pending", "saving", "offline"]);

export function PortalForm(props: TPortalProps) {
  const { token, assessmentId, questionnaire } = props;
  const { values, saved, states, change, resolve, unsaved, refused, ready } = useAutosave({
    token,
    assessmentId,
    initial: props.initial,
    draftQuestions: props.draftQuestions,
    itemNames: itemNamesOf(questionnaire),
  });
  const [evidence, setEvidence] = useState(props.evidence);
  const [status, setStatus] = useState(props.status);
  const [threads, setThreads] = useState(props.threads);
  const threadsOpen = isThreadOpen(status);
  const changesRequested = status === "changes_requested";
  const readOnly = !["sent", "in_progress", "changes_requested"].includes(status);
  const reopened = new Set(props.reopened);
  // A carried-over answer awaits confirmation until a save of it is acknowledged (any save
  // confirms it on the server, lib/portal/save-answer.ts) or on its way; a refused save
  // (invalid, conflict, locked) leaves it awaiting.
  const awaiting = new Set(
    Object.keys(props.awaiting ?? {}).filter(
      (id) =>
        saved[id]?.version === props.initial[id]?.version &&
        !SENDING.has(states[id]?.kind ?? "idle"),
    ),
  );
  // Questions unanswered when the page loaded stay open after a change request (see saveAnswer).
  const [answeredAtLoad] = useState(
    () =>
      new Set(
        Object.entries(props.initial)
          .filter(([k, v]) => v.value !== undefined && !props.awaiting?.[k])
          .map(([k]) => k),
      ),
  );
  // What shows follows every value on screen; what counts as answered leaves out the
  // carried-over answers still awaiting confirmation.
  const onScreen = values as TAnswers;
  const visible = useMemo(
    () => new Set(getVisibleQuestions({ questionnaire, answers: onScreen }).map((q) => q.id)),
    [questionnaire, onScreen],
  );
  const answers = Object.fromEntries(
    Object.entries(values).filter(([k]) => !awaiting.has(k)),
  ) as TAnswers;

  const required = questionnaire.sections
    .flatMap((s) => s.questions)
    .filter((q) => q.required && visible.has(q.id));
  const done = required.filter((q) => isAnswered({ question: q, answers })).length;
  const pct = required.length ? Math.round((done / required.length) * 100) : 100;
  const sites = (Array.isArray(values.sites) ? values.sites : []) as TSite[];
  const incompleteSites = splitSiteDrafts({ sites }).drafts.length;

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <aside className="lg:sticky lg:top-6 lg:self-start">
        <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <p id="progress-label" className="text-sm font-medium">
            {done} of {required.length} required answers
          </p>
          <div
            role="progressbar"
            aria-labelledby="progress-label"
            aria-valuenow={pct}
            aria-valuemin={0}
            aria-valuemax={100}
            className="mt-2 h-2 rounded bg-slate-200"
          >
            <div
              className="h-2 rounded bg-indigo-600 transition-all"
              style={{ width: `${pct}%` }}
            />
          </div>
          <p
            className="mt-2 text-xs text-slate-600"
            aria-live="polite"
            data-testid="global-save-state"
          >
            {saveStatus({ ready, unsaved, refused, incompleteSites })}
          </p>
          <nav aria-label="Sections" className="mt-4">
            <ol className="space-y-1 text-sm">
              {questionnaire.sections.map((s) => {
                const qs = s.questions.filter((q) => visible.has(q.id) && q.required);
                const n = qs.filter((q) => isAnswered({ question: q, answers })).length;
                return (
                  <li key={s.id}>
                    <a
                      href={`#section-${s.id}`}
                      className="flex justify-between rounded px-2 py-1 text-slate-700 hover:bg-slate-100"
                    >
                      <span>{s.title}</span>
                      <span className="text-xs text-slate-500">
                        {n}/{qs.length}
                      </span>
                    </a>
                  </li>
                );
              })}
            </ol>
          </nav>
        </div>
      </aside>
      <div className="space-y-10">
        {readOnly && (
          <div
            role="status"
            className="rounded-lg bg-emerald-50 p-4 text-emerald-900 ring-1 ring-emerald-200"
          >
            Submitted. Thank you — {props.orgName} will review your answers. They are now read-only.
          </div>
        )}
        {changesRequested && (
          <div
            role="status"
            className="rounded-lg bg-amber-50 p-4 text-amber-900 ring-1 ring-amber-200"
          >
            {props.orgName} asked for changes to {reopened.size} question
            {reopened.size === 1 ? "" : "s"}, listed below. The other answers stay as submitted.
          </div>
        )}
        {threadsOpen && (
          <OpenThreads questionnaire={questionnaire} threads={threads} reopened={reopened} />
        )}
        {questionnaire.sections.map((s) => (
          <section
            key={s.id}
            id={`section-${s.id}`}
            aria-labelledby={`section-${s.id}-title`}
            className="scroll-mt-6 space-y-4"
          >
            <SectionIntro
              section={s}
              orgName={props.orgName}
              level={2}
              titleId={`section-${s.id}-title`}
            />
            {s.questions
              .filter((q) => visible.has(q.id))
              .map((q) => {
                const locked =
                  readOnly || (changesRequested && !reopened.has(q.id) && answeredAtLoad.has(q.id));
                return (
                  <QuestionCard
                    key={q.id}
                    question={q}
                    state={states[q.id]}
                    thread={
                      threads[q.id]?.length ? (
                        <QuestionThread
                          token={token}
                          questionId={q.id}
                          questionLabel={q.label}
                          orgName={props.orgName}
                          messages={threads[q.id] ?? []}
                          open={threadsOpen}
                          onPosted={(m) =>
                            setThreads((prev) => ({ ...prev, [q.id]: [...(prev[q.id] ?? []), m] }))
                          }
                        />
                      ) : undefined
                    }
                    locked={locked}
                    mine={values[q.id]}
                    formatValue={(v) => describeAnswer({ question: q, value: v, answers: values })}
                    onResolve={(choice, theirs) => resolve(q.id, choice, theirs)}
                    evidence={
                      <EvidenceUpload
                        token={token}
                        questionId={q.id}
                        disabled={locked}
                        items={evidence.filter((e) => e.questionId === q.id)}
                        onAdded={(item) => setEvidence((prev) => [...prev, item])}
                      />
                    }
                  >
                    {!locked && awaiting.has(q.id) && (
                      <CarriedNotice
                        questionId={q.id}
                        questionLabel={q.label}
                        from={props.awaiting?.[q.id] ?? "previous"}
                        onConfirm={() => change(q.id, values[q.id])}
                      />
                    )}
                    <QuestionInput
                      question={q}
                      locked={locked}
                      values={values}
                      change={change}
                      minSeparationKm={props.minSeparationKm}
                      basemapUrl={`/api/respond/${token}/basemap`}
                    />
                  </QuestionCard>
                );
              })}
          </section>
        ))}
        {!readOnly && (
          <>
            <section
              aria-labelledby="colleague-title"
              className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
            >
              <h2 id="colleague-title" className="mb-2 text-lg font-semibold">
                Invite a colleague
              </h2>
              <ColleagueInvite token={token} />
            </section>
            <SubmitPanel
              token={token}
              orgName={props.orgName}
              review={getSubmitReview({ questionnaire, answers, visibleBy: onScreen })}
              evidenceCount={evidence.length}
              incompleteSites={incompleteSites}
              unsaved={unsaved}
              onSubmitted={() => setStatus("submitted")}
            />
          </>
        )}
      </div>
    </div>
  );
}
