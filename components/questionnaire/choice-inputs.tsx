"use client";

import type { ReactNode } from "react";
import type { TQuestion } from "@/lib/questionnaires/questionnaire-schema";

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

type TChoiceGroup = Omit<TProps<unknown>, "value" | "onChange"> & {
  /** Radio buttons in a radiogroup, named after the question; or checkboxes in a fieldset. */
  type: "radio" | "checkbox";
  choices: { value: string; label: ReactNode }[];
  isChecked(value: string): boolean;
  onPick(value: string): void;
};

/** A question's options, each a boxed radio button or checkbox, labelled by the question. */
function ChoiceGroup({
  question,
  disabled,
  describedBy,
  type,
  choices,
  isChecked,
  onPick,
}: TChoiceGroup) {
  const Group = type === "radio" ? "div" : "fieldset";
  return (
    <Group
      role={type === "radio" ? "radiogroup" : undefined}
      aria-labelledby={`q-${question.id}-label`}
      aria-describedby={describedBy}
      className="grid gap-2 sm:grid-cols-2"
    >
      {choices.map((c) => (
        <label key={c.value} className={optionBox}>
          <input
            type={type}
            name={type === "radio" ? question.id : undefined}
            value={c.value}
            checked={isChecked(c.value)}
            disabled={disabled}
            onChange={() => onPick(c.value)}
            className="mt-0.5 accent-indigo-700"
          />
          <span className="text-sm">{c.label}</span>
        </label>
      ))}
    </Group>
  );
}

export function RadioChoice({ value, onChange, ...props }: TProps<string | undefined>) {
  const { question } = props;
  const options = question.type === "yesno" ? YESNO : (question.options ?? []);
  return (
    <ChoiceGroup
      {...props}
      type="radio"
      choices={options}
      isChecked={(v) => value === v}
      onPick={onChange}
    />
  );
}

export function MultiChoice({ value, onChange, ...props }: TProps<string[] | undefined>) {
  const selected = new Set(value ?? []);
  const options = props.question.options ?? [];
  function toggle(v: string) {
    const next = new Set(selected);
    if (next.has(v)) next.delete(v);
    else {
      // An exclusive option ("none", "unknown") clears the others, and the others clear it.
      if (options.find((o) => o.value === v)?.exclusive) next.clear();
      else for (const o of options) if (o.exclusive) next.delete(o.value);
      next.add(v);
    }
    onChange(options.map((o) => o.value).filter((x) => next.has(x)));
  }
  return (
    <ChoiceGroup
      {...props}
      type="checkbox"
      choices={options.map((o) => ({
        value: o.value,
        label: (
          <>
            {o.label}
            {o.help && <span className="block text-xs text-slate-600">{o.help}</span>}
          </>
        ),
      }))}
      isChecked={(v) => selected.has(v)}
      onPick={toggle}
    />
  );
}

export function SiteRefs({
  value,
  onChange,
  sites,
  ...props
}: TProps<string[] | undefined> & { sites: { id: string; name: string }[] }) {
  const selected = new Set(value ?? []);
  if (sites.length === 0)
    return (
      <p className="text-sm text-slate-600">
        Add your sites above first; then choose here the ones that hold backups.
      </p>
    );
  return (
    <ChoiceGroup
      {...props}
      type="checkbox"
      choices={sites.map((s) => ({
        value: s.id,
        label: (
          <>
            {s.name || "Unnamed site"} <span className="text-slate-600">({s.id})</span>
          </>
        ),
      }))}
      isChecked={(id) => selected.has(id)}
      onPick={(picked) =>
        onChange(
          sites
            .map((x) => x.id)
            .filter((id) => (id === picked ? !selected.has(id) : selected.has(id))),
        )
      }
    />
  );
}
