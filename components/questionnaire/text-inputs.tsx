"use client";

import { useEffect, useState } from "react";
import type { TQuestion } from "@/lib/questionnaires/questionnaire-schema";

const control =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600 disabled:bg-slate-50 disabled:text-slate-600";

type TProps<V> = {
  question: TQuestion;
  value: V;
  onChange(v: V | null): void;
  disabled: boolean;
  describedBy?: string;
};

/** Ties an answer's control to its question's label and to the hint or error it names. */
function wiring(question: TQuestion, disabled: boolean, describedBy: string | undefined) {
  return {
    id: `q-${question.id}-input`,
    disabled,
    "aria-labelledby": `q-${question.id}-label`,
    "aria-describedby": describedBy,
  };
}

type TNumberProps = TProps<number | undefined>;
type TStringProps = TProps<string | undefined>;

/** Keeps the typed text (e.g. "12." or "-") while only whole numbers reach the answer. */
export function NumberInput({ question, value, onChange, disabled, describedBy }: TNumberProps) {
  const [draft, setDraft] = useState(value === undefined ? "" : String(value));
  const [error, setError] = useState<string>();
  useEffect(() => {
    setDraft((d) => (Number(d) === value ? d : value === undefined ? "" : String(value)));
  }, [value]);
  function commit(text: string) {
    setDraft(text);
    if (text.trim() === "") {
      setError(undefined);
      return onChange(null);
    }
    const n = Number(text.replace(",", "."));
    if (!Number.isFinite(n)) return setError("Enter a number, e.g. 240");
    if (question.integer && !Number.isInteger(n)) return setError("Enter a whole number, e.g. 3");
    if (question.min !== undefined && n < question.min)
      return setError(`Enter ${question.min} or more`);
    if (question.max !== undefined && n > question.max)
      return setError(`Enter ${question.max} or less`);
    setError(undefined);
    onChange(n);
  }
  const errId = `q-${question.id}-numerr`;
  return (
    <div>
      <div className="flex max-w-xs items-center gap-2">
        <input
          {...wiring(
            question,
            disabled,
            [describedBy, error ? errId : ""].filter(Boolean).join(" ") || undefined,
          )}
          type="text"
          inputMode={question.integer ? "numeric" : "decimal"}
          className={control}
          value={draft}
          aria-invalid={error ? true : undefined}
          onChange={(e) => commit(e.target.value)}
        />
        {question.unit && <span className="text-sm text-slate-600">{question.unit}</span>}
      </div>
      {error && (
        <p id={errId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function DateInput({ question, value, onChange, disabled, describedBy }: TStringProps) {
  return (
    <input
      {...wiring(question, disabled, describedBy)}
      type="date"
      className={`${control} max-w-xs`}
      value={value ?? ""}
      onChange={(e) => onChange(e.target.value || null)}
    />
  );
}

export function TextInput({ question, value, onChange, disabled, describedBy }: TStringProps) {
  return (
    <textarea
      {...wiring(question, disabled, describedBy)}
      rows={3}
      maxLength={10_000}
      className={control}
      value={value ?? ""}
      onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
    />
  );
}
