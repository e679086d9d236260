import type { TAuditFilters } from "@/lib/data/audit";

const input =
  "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900";

/** A plain GET form: the filters live in the URL, so a filtered view can be shared or bookmarked. */
export function AuditFilters({ filters, actions }: { filters: TAuditFilters; actions: string[] }) {
  return (
    <form
      method="get"
      aria-label="Filter the audit log"
      className="grid gap-3 sm:grid-cols-5 sm:items-end"
    >
      <label className="text-sm font-medium text-slate-700">
        Action
        <select name="action" defaultValue={filters.action ?? ""} className={input}>
          <option value="">All actions</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Actor
        <input
          name="actor"
          type="search"
          defaultValue={filters.actor ?? ""}
          placeholder="Name or email"
          className={input}
        />
      </label>
      <label className="text-sm font-medium text-slate-700">
        From
        <input name="from" type="date" defaultValue={filters.from ?? ""} className={input} />
      </label>
      <label className="text-sm font-medium text-slate-700">
        To
        <input name="to" type="date" defaultValue={filters.to ?? ""} className={input} />
      </label>
      <button
        type="submit"
        className="rounded-md bg-indigo-700 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-800"
      >
        Filter
      </button>
    </form>
  );
}
