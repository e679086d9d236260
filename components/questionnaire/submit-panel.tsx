"use client";

import { useRef, useState } from "react";

type TMissing = { id: string; label: string };
type TError = { path: string; expected: string; found: string };
type TDraft = { questionId: string; message: string };

export function SubmitPanel({
  token,
  unsaved,
  onSubmitted,
}: {
  token: string;
  unsaved: number;
  onSubmitted(): void;
}) {
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<TMissing[]>([]);
  const [errors, setErrors] = useState<TError[]>([]);
  const [drafts, setDrafts] = useState<TDraft[]>([]);
  const [message, setMessage] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);

  async function submit() {
    if (busy) return; // a double click sends one request; the server ignores a second one anyway
    setBusy(true);
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
              — required
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
        onClick={() => void submit()}
        disabled={busy || unsaved > 0}
        className="mt-3 rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 disabled:bg-indigo-300"
      >
        {busy ? "Submitting…" : unsaved > 0 ? "Saving answers…" : "Submit answers"}
      </button>
    </section>
  );
}
