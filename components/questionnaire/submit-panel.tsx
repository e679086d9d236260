"use client";

import { useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { TSubmitReview } from "@/lib/questionnaires/submit-review";

type TMissing = { id: string; label: string; awaitingConfirmation?: boolean };
type TError = { path: string; expected: string; found: string };
type TDraft = { questionId: string; message: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Submits after a last review of what goes (sections, optional questions left unanswered,
 * evidence). When the page already knows something required is missing, it asks the server at
 * once instead, which lists what to fix.
 */
export function SubmitPanel({
  token,
  orgName,
  review,
  evidenceCount,
  incompleteSites,
  unsaved,
  onSubmitted,
}: {
  token: string;
  orgName: string;
  review: TSubmitReview;
  evidenceCount: number;
  incompleteSites: number;
  unsaved: number;
  onSubmitted(): void;
}) {
  const [busy, setBusy] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [missing, setMissing] = useState<TMissing[]>([]);
  const [errors, setErrors] = useState<TError[]>([]);
  const [drafts, setDrafts] = useState<TDraft[]>([]);
  const [message, setMessage] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);

  function start() {
    if (review.missingRequired.length || incompleteSites) void submit();
    else setReviewing(true);
  }

  async function submit() {
    if (busy) return; // a double click sends one request; the server ignores a second one anyway
    setBusy(true);
    setReviewing(false);
    setMessage(undefined);
    try {
      const res = await fetch(`/api/respond/${token}/submit`, { method: "POST" });
      const body = await res.json().catch(() => ({}));
      if (res.status === 422) {
        setMissing(body.missing ?? []);
        setErrors(body.errors ?? []);
        setDrafts(body.drafts ?? []);
        heading.current?.focus();
        return;
      }
      if (!res.ok)
        return setMessage(body.error ?? "Submitting failed. Your answers are saved; try again.");
      setMissing([]);
      setErrors([]);
      setDrafts([]);
      onSubmitted();
      window.scrollTo({ top: 0 });
    } catch {
      setMessage("No connection: your answers are kept; submit again when you are back online.");
    } finally {
      setBusy(false);
    }
  }

  const problems = missing.length + errors.length + drafts.length;
  return (
    <section
      aria-labelledby="submit-title"
      className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="submit-title" ref={heading} tabIndex={-1} className="text-lg font-semibold">
        {problems
          ? `${problems} thing${problems > 1 ? "s" : ""} to fix before submitting`
          : "Submit your answers"}
      </h2>
      {problems > 0 && (
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm" aria-label="What is missing">
          {missing.map((m) => (
            <li key={m.id}>
              <a className="text-red-800 underline" href={`#q-${m.id}`}>
                {m.label}
              </a>{" "}
              {m.awaitingConfirmation ? "— carried over: confirm or change it" : "— required"}
            </li>
          ))}
          {drafts.map((d) => (
            <li key={`${d.questionId}-${d.message}`}>
              <a className="text-red-800 underline" href={`#q-${d.questionId}`}>
                {d.message}
              </a>
            </li>
          ))}
          {errors.map((e) => (
            <li key={`${e.path}-${e.expected}`}>
              <a className="text-red-800 underline" href={`#q-${e.path.split(/[.[]/)[1] ?? ""}`}>
                {e.path}
              </a>
              : expected {e.expected}, found {e.found}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-sm text-slate-600">
        After you submit, the answers are read-only unless the reviewer reopens a question.
      </p>
      {message && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {message}
        </p>
      )}
      <button
        type="button"
        onClick={start}
        disabled={busy || unsaved > 0}
        className="mt-3 rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 disabled:bg-indigo-300"
      >
        {busy ? "Submitting…" : unsaved > 0 ? "Saving answers…" : "Submit answers"}
      </button>
      <ConfirmDialog
        open={reviewing}
        title={`Submit your answers to ${orgName}?`}
        confirmLabel="Yes, submit"
        cancelLabel="Keep editing"
        pending={busy}
        onConfirm={() => void submit()}
        onCancel={() => setReviewing(false)}
      >
        <p>
          {orgName} receives these answers; they become read-only unless the reviewer reopens a
          question.
        </p>
        <ul className="mt-2 space-y-0.5" aria-label="Sections">
          {review.sections.map((s) => (
            <li key={s.id}>
              {s.title}: {s.answered} of {plural(s.total, "question")} answered
            </li>
          ))}
        </ul>
        <p className="mt-2">
          {review.unansweredOptional.length
            ? `${plural(review.unansweredOptional.length, "optional question")} left unanswered:`
            : "Every optional question is answered."}
        </p>
        {review.unansweredOptional.length > 0 && (
          <ul className="list-disc pl-5" aria-label="Optional questions left unanswered">
            {review.unansweredOptional.map((q) => (
              <li key={q.id}>{q.label}</li>
            ))}
          </ul>
        )}
        <p className="mt-2">{plural(evidenceCount, "evidence file")} attached.</p>
      </ConfirmDialog>
    </section>
  );
}
