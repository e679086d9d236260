"use client";

import type { TParty } from "@/lib/rules/types";

const control =
  "block w-full rounded-md border-0 bg-white px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

export function PartiesEditor({
  id,
  value,
  onChange,
  disabled,
}: {
  id: string;
  value: TParty[] | undefined;
  onChange(v: TParty[]): void;
  disabled: boolean;
}) {
  const parties = value ?? [];
  const set = (i: number, patch: Partial<TParty>) =>
    onChange(
      parties.map((p, j) =>
        j === i
          ? { ...p, ...patch, ...(patch.country ? { country: patch.country.toUpperCase() } : {}) }
          : p,
      ),
    );
  return (
    <div className="space-y-3">
      {value === undefined && (
        <p className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          Not answered yet. Add each third party, or say there are none.
          <button
            type="button"
            disabled={disabled}
            onClick={() => onChange([])}
            className="rounded-md px-3 py-1.5 text-sm font-semibold text-indigo-800 ring-1 ring-indigo-300 hover:bg-indigo-50"
          >
            There are none
          </button>
        </p>
      )}
      {value !== undefined && parties.length === 0 && (
        <p className="text-sm text-slate-700">
          Answered: no third parties host, process or back up the data.
        </p>
      )}
      {parties.map((p, i) => (
        <fieldset
          // biome-ignore lint/suspicious/noArrayIndexKey: parties have no id; position is their identity
          key={`${id}-${i}`}
          className="grid gap-2 rounded-md p-3 ring-1 ring-slate-200 sm:grid-cols-[2fr_2fr_1fr_auto]"
        >
          <legend className="sr-only">Third party {i + 1}</legend>
          <label className="text-xs font-medium text-slate-700">
            Company
            <input
              className={control}
              value={p.name}
              disabled={disabled}
              onChange={(e) => set(i, { name: e.target.value })}
            />
          </label>
          <label className="text-xs font-medium text-slate-700">
            What it does for you
            <input
              className={control}
              value={p.service}
              disabled={disabled}
              onChange={(e) => set(i, { service: e.target.value })}
            />
          </label>
          <label className="text-xs font-medium text-slate-700">
            Country (2 letters)
            <input
              className={control}
              value={p.country}
              maxLength={2}
              disabled={disabled}
              onChange={(e) => set(i, { country: e.target.value })}
            />
          </label>
          <button
            type="button"
            disabled={disabled}
            onClick={() => onChange(parties.filter((_, j) => j !== i))}
            className="self-end rounded-md px-2 py-1.5 text-sm text-red-700 ring-1 ring-red-200 hover:bg-red-50"
          >
            Remove<span className="sr-only"> third party {i + 1}</span>
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        disabled={disabled}
        onClick={() => onChange([...parties, { name: "", service: "", country: "" }])}
        className="rounded-md px-3 py-1.5 text-sm font-semibold text-indigo-800 ring-1 ring-indigo-300 hover:bg-indigo-50"
      >
        Add a third party
      </button>
    </div>
  );
}
