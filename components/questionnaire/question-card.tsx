"use client";

import type { ReactNode } from "react";
import type { TQuestion } from "@/lib/questionnaires/questionnaire-schema";
import type { TSaved, TSaveState } from "./autosave";
import { SaveStatus } from "./save-status";

type TProps = {
  question: TQuestion;
  state: TSaveState | undefined;
  /** The question's thread with the reviewer, if it has one. */
  thread?: ReactNode;
  locked: boolean;
  children: ReactNode;
  evidence?: ReactNode;
  onResolve(choice: "mine" | "theirs", theirs: TSaved): void;
  formatValue(value: unknown): string;
  mine: unknown;
};

export function QuestionCard({
  question,
  state,
  thread,
  locked,
  children,
  evidence,
  onResolve,
  formatValue,
  mine,
}: TProps) {
  const helpId = question.help ? `q-${question.id}-help` : undefined;
  return (
    <div
      id={`q-${question.id}`}
      tabIndex={-1}
      className="scroll-mt-24 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 focus:outline-none"
    >
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`q-${question.id}-label`} className="font-medium text-slate-900">
          {question.label}
          {question.required && (
            <span className="ml-1 text-xs font-normal text-slate-600">(required)</span>
          )}
        </h3>
        <div aria-live="polite">
          <SaveStatus state={state} />
        </div>
      </div>
      {question.help && (
        <p id={helpId} className="mb-3 text-sm text-slate-600">
          {question.help}
        </p>
      )}
      {thread}
      {locked && <p className="sr-only">This answer is read-only.</p>}
      {children}
      {state?.kind === "invalid" && (
        <p className="mt-2 text-sm text-red-700" role="alert">
          Not saved: {state.message}
        </p>
      )}
      {state?.kind === "locked" && (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {state.message}
        </p>
      )}
      {state?.kind === "conflict" && (
        <div
          className="mt-3 rounded-md bg-orange-50 p-3 text-sm ring-1 ring-orange-300"
          role="alert"
        >
          <p className="font-semibold text-orange-900">
            A colleague changed this answer while you were editing it.
          </p>
          <dl className="mt-2 grid gap-2 sm:grid-cols-2">
            <div className="rounded bg-white p-2 ring-1 ring-orange-200">
              <dt className="text-xs font-semibold uppercase text-slate-600">
                Their answer (saved)
              </dt>
              <dd data-testid="conflict-theirs">{formatValue(state.theirs.value)}</dd>
            </div>
            <div className="rounded bg-white p-2 ring-1 ring-orange-200">
              <dt className="text-xs font-semibold uppercase text-slate-600">
                Your answer (not saved)
              </dt>
              <dd data-testid="conflict-mine">{formatValue(mine)}</dd>
            </div>
          </dl>
          <div className="mt-3 flex flex-wrap gap-2">
            <button
              type="button"
              onClick={() => onResolve("mine", state.theirs)}
              className="rounded-md bg-indigo-700 px-3 py-1.5 font-semibold text-white hover:bg-indigo-800"
            >
              Keep my answer
            </button>
            <button
              type="button"
              onClick={() => onResolve("theirs", state.theirs)}
              className="rounded-md bg-white px-3 py-1.5 font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Use their answer
            </button>
          </div>
        </div>
      )}
      {evidence}
    </div>
  );
}
