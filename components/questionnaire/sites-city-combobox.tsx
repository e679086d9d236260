"use client";

import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { useCitySearch } from "@/components/questionnaire/sites-city-search";
import { FieldShell } from "@/components/ui/field";
import type { TCity } from "@/lib/geo/city-index";
import { COUNTRY_NAMES } from "@/lib/questionnaires/countries";

export type TSitesCityComboboxProps = {
  id: string;
  label: string;
  /** The city as typed or picked: typing sets it directly, a pick also fills the place. */
  value: string;
  onValueChange: (next: string) => void;
  onPick: (city: TCity) => void;
  onBlur?: () => void;
  error?: string;
  disabled?: boolean;
};

const population = new Intl.NumberFormat("en");

/** ARIA 1.2 combobox (list autocomplete) over /api/cities. */
export function SitesCityCombobox(props: TSitesCityComboboxProps) {
  const { id, label, value, onValueChange, onPick, onBlur, error, disabled } = props;
  const listId = useId();
  const hintId = `${id}-hint`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [query, setQuery] = useState("");
  const { cities, status } = useCitySearch({ query });
  const expanded = open && cities.length > 0;
  const optionId = (i: number) => `${listId}-opt-${i}`;

  // The list opens below the input, or above it when that side has more room (an input near
  // the bottom of a phone screen); if it still does not fit, the page scrolls to show it.
  const listRef = useRef<HTMLDivElement>(null);
  const [upward, setUpward] = useState(false);
  useLayoutEffect(() => {
    const list = listRef.current;
    const field = list?.previousElementSibling;
    if (!expanded || cities.length === 0 || !list || !field) return;
    const box = field.getBoundingClientRect();
    const below = window.innerHeight - box.bottom;
    setUpward(below < list.offsetHeight + 8 && box.top > below);
    // After the re-render that places the list.
    const frame = requestAnimationFrame(() => list.scrollIntoView({ block: "nearest" }));
    return () => cancelAnimationFrame(frame);
  }, [expanded, cities.length]);

  useEffect(() => {
    if (active >= 0)
      document.getElementById(`${listId}-opt-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, listId]);

  function pick(city: TCity) {
    onPick(city);
    setOpen(false);
    setActive(-1);
    setQuery("");
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) setQuery(value);
      setOpen(true);
      if (cities.length === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (e.altKey ? i : (i + step + cities.length) % cities.length));
    } else if (e.key === "Enter" && expanded && active >= 0) {
      e.preventDefault(); // pick, don't submit the surrounding form
      const city = cities[active];
      if (city) pick(city);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const describedBy = error ? `${id}-error ${hintId}` : hintId;
  return (
    <FieldShell id={id} label={label} error={error}>
      <div className="relative">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={value}
          disabled={disabled}
          onChange={(e) => {
            onValueChange(e.target.value);
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
            onBlur?.();
          }}
          className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 disabled:bg-slate-50 disabled:text-slate-500 aria-[invalid=true]:ring-red-500"
        />
        <div
          id={listId}
          role="listbox"
          aria-label={`${label} suggestions`}
          hidden={!expanded}
          ref={listRef}
          className={`absolute inset-x-0 z-20 max-h-64 overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-300 ${upward ? "bottom-full mb-1" : "top-full mt-1"}`}
        >
          {cities.map((city, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the input handles the keys (aria-activedescendant)
            <div
              key={`${city.name}-${city.country}-${city.lat}-${city.lon}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              tabIndex={-1}
              // Keep focus in the input, so the blur handler does not close the list first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(city)}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-indigo-700 text-white" : "text-slate-900 hover:bg-slate-100"}`}
            >
              <span className="font-medium">{city.name}</span>
              <span className={i === active ? "text-indigo-100" : "text-slate-600"}>
                {`, ${COUNTRY_NAMES[city.country] ?? city.country} · pop. ${population.format(city.population)} · ${city.lat.toFixed(2)}, ${city.lon.toFixed(2)}`}
              </span>
            </div>
          ))}
        </div>
      </div>
      <p id={hintId} className="text-xs text-slate-600">
        {status === "error"
          ? "City search is unavailable: type the city, country and coordinates."
          : "Type to search; a pick fills country and coordinates. Add “, US” to narrow by country."}
      </p>
      <p className="sr-only" role="status" aria-live="polite">
        {open && status === "done" && query.trim().length >= 2
          ? cities.length === 0
            ? "No matching city."
            : `${cities.length} cities found; use the arrow keys to choose.`
          : ""}
      </p>
    </FieldShell>
  );
}
