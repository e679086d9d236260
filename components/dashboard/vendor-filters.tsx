"use client";

// A client component for its size (six selects, ~45 options), not for interactivity.
import { RATING_FILTERS, type TVendorFilters, VENDOR_STATUSES } from "@/lib/data/dashboard/filters";
import { TIERS } from "@/lib/rules/types";

const select =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const human = (s: string) =>
  s.charAt(0).toUpperCase() + s.slice(1).toLowerCase().replaceAll("_", " ");

/** A plain GET form: the filters live in the URL, work without JavaScript and can be shared. */
export function VendorFilters({
  owners,
  flags,
  filters,
}: {
  owners: readonly { id: string; name: string }[];
  /** Each flag code with the engine's title (lib/rules/flag-titles.ts), from the server. */
  flags: readonly { value: string; label: string }[];
  filters: TVendorFilters;
}) {
  return (
    <form
      method="get"
      action="/dashboard#vendors"
      aria-label="Filter vendors"
      className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7"
    >
      <label className="text-xs font-medium text-slate-700">
        Tier
        <select name="tier" defaultValue={filters.tier ?? ""} className={select}>
          <option value="">All tiers</option>
          {TIERS.map((t) => (
            <option key={t} value={t}>
              {human(t)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-700">
        Rating
        <select name="rating" defaultValue={filters.rating ?? ""} className={select}>
          <option value="">Any rating</option>
          {RATING_FILTERS.map((r) => (
            <option key={r} value={r}>
              {r === "none" ? "Not rated" : human(r)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-700">
        Assessment status
        <select name="status" defaultValue={filters.status ?? ""} className={select}>
          <option value="">Any status</option>
          {VENDOR_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === "none" ? "Never assessed" : human(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-700">
        Owner
        <select name="owner" defaultValue={filters.ownerId ?? ""} className={select}>
          <option value="">Any owner</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-700">
        Flag
        <select name="flag" defaultValue={filters.flag ?? ""} className={select}>
          <option value="">Any flag</option>
          {flags.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end gap-2">
        <input type="hidden" name="sort" value={filters.sort} />
        <input type="hidden" name="dir" value={filters.dir} />
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
        >
          Apply filters
        </button>
        <a
          href="/dashboard#vendors"
          className="rounded-md px-2 py-1.5 text-sm text-slate-700 underline hover:text-indigo-700"
        >
          Clear
        </a>
      </div>
    </form>
  );
}
