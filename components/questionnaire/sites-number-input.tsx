"use client";

import { useState } from "react";
import { FieldShell } from "@/components/ui/field";

const DECIMAL = /^[+-]?(\d+[.,]?\d*|[.,]\d+)$/;

/** "51." → 51, "-3" → -3, "51,5" → 51.5; anything else (also "" and "-") → NaN. */
export function parseDecimal(text: string): number {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed.replace(",", ".")) : Number.NaN;
}

const sameNumber = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

export type TSiteNumberInputProps = {
  id: string;
  label: string;
  value: number;
  onValueChange: (next: number) => void;
  onBlur?: () => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
};

/**
 * A number typed as text: the value goes up as soon as it parses, while the text itself
 * ("-", "51.", "51.50") stays as typed. When the value changes from outside (a city was
 * picked), the new value shows instead.
 */
export function SiteNumberInput({
  id,
  label,
  value,
  onValueChange,
  onBlur,
  error,
  hint,
  disabled,
}: TSiteNumberInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const text =
    draft !== null && sameNumber(parseDecimal(draft), value)
      ? draft
      : Number.isFinite(value)
        ? String(value)
        : "";
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setDraft(e.target.value);
          onValueChange(parseDecimal(e.target.value));
        }}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 tabular-nums shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 disabled:bg-slate-50 disabled:text-slate-500 aria-[invalid=true]:ring-red-500"
      />
    </FieldShell>
  );
}
