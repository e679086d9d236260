"use client";

import type { TQuestion } from "@/lib/questionnaires";

type TProps<V> = {
  question: TQuestion;
  value: V;
  onChange(v: V): void;
  disabled: boolean;
  describedBy?: string;
};

const YESNO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "unknown", label: "We don't know" },
];

const optionBox =
  "flex items-start gap-2 rounded-md px-2 py-1.5 ring-1 ring-slate-200 has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-400";

export function RadioChoice({
  question,
  value,
  onChange,
  disabled,
  describedBy,
}: TProps<string | undefined>) {
  const options = question.type === "yesno" ? YESNO : (question.options ?? []);
  return (
    <div
      role="radiogroup"
      aria-labelledby={`q-${question.id}-label`}
      aria-describedby={describedBy}
      className="grid gap-2 sm:grid-cols-2"
    >
      {options.map((o) => (
        <label key={o.value} className={optionBox}>
          <input
            type="radio"
            name={question.id}
            value={o.value}
            checked={value === o.value}
            disabled={disabled}
            onChange={() => onChange(o.value)}
            className="mt-0.5 accent-indigo-700"
          />
          <span className="text-sm">{o.label}</span>
        </label>
      ))}
    </div>
  );
}

export function MultiChoice({
  question,
  value,
  onChange,
  disabled,
  describedBy,
}: TProps<string[] | undefined>) {
  const selected = new Set(value ?? []);
  const options = question.options ?? [];
  function toggle(v: string, exclusive: boolean | undefined) {
    const next = new Set(selected);
    if (next.has(v)) next.delete(v);
    else {
      // An exclusive option ("none", "unknown") clears the others, and the others clear it.
      if (exclusive) next.clear();
      else for (const o of options) if (o.exclusive) next.delete(o.value);
      next.add(v);
    }
    onChange(options.map((o) => o.value).filter((x) => next.has(x)));
  }
  return (
    <fieldset
      aria-labelledby={`q-${question.id}-label`}
      aria-describedby={describedBy}
      className="grid gap-2 sm:grid-cols-2"
    >
      {options.map((o) => (
        <label key={o.value} className={optionBox}>
          <input
            type="checkbox"
            value={o.value}
            checked={selected.has(o.value)}
            disabled={disabled}
            onChange={() => toggle(o.value, o.exclusive)}
            className="mt-0.5 accent-indigo-700"
          />
          <span className="text-sm">
            {o.label}
            {o.help && <span className="block text-xs text-slate-600">{o.help}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function SiteRefs({
  question,
  value,
  onChange,
  disabled,
  describedBy,
  sites,
}: TProps<string[] | undefined> & { sites: { id: string; name: string }[] }) {
  const selected = new Set(value ?? []);
  if (sites.length === 0)
    return (
      <p className="text-sm text-slate-600">
        Add your sites above first; then choose here the ones that hold backups.
      </p>
    );
  return (
    <fieldset
      aria-labelledby={`q-${question.id}-label`}
      aria-describedby={describedBy}
      className="grid gap-2 sm:grid-cols-2"
    >
      {sites.map((s) => (
        <label key={s.id} className={optionBox}>
          <input
            type="checkbox"
            value={s.id}
            checked={selected.has(s.id)}
            disabled={disabled}
            onChange={() =>
              onChange(
                sites
                  .map((x) => x.id)
                  .filter((id) => (id === s.id ? !selected.has(id) : selected.has(id))),
              )
            }
            className="mt-0.5 accent-indigo-700"
          />
          <span className="text-sm">
            {s.name || "Unnamed site"} <span className="text-slate-500">({s.id})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
