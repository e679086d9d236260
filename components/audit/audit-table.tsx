import Link from "next/link";
import type { TAuditEventRow, TAuditFilters } from "@/lib/data/audit";

const show = (v: unknown) => {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
};

/** Events record changes as data.from / data.to; other details are shown as they are. */
function Change({ data }: { data: unknown }) {
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const { from, to, ...rest } = data as Record<string, unknown>;
  const details = Object.entries(rest).filter(([, v]) => v !== null && v !== undefined);
  return (
    <div className="space-y-0.5">
      {("from" in data || "to" in data) && (
        <p>
          <span className="text-slate-600">{show(from ?? null)}</span>
          <span aria-hidden="true"> → </span>
          <span className="sr-only">changed to</span>
          <span className="font-medium text-slate-900">{show(to ?? null)}</span>
        </p>
      )}
      {details.map(([k, v]) => (
        <p key={k} className="text-xs text-slate-600">
          {k}: {show(v)}
        </p>
      ))}
    </div>
  );
}

export function AuditTable({ events }: { events: TAuditEventRow[] }) {
  if (events.length === 0)
    return <p className="text-sm text-slate-600">No events match these filters.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">
              When (UTC)
            </th>
            <th scope="col" className="py-2 pr-4">
              Actor
            </th>
            <th scope="col" className="py-2 pr-4">
              Action
            </th>
            <th scope="col" className="py-2 pr-4">
              Target
            </th>
            <th scope="col" className="py-2">
              Change
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => (
            <tr key={String(e.id)} className="align-top">
              <td className="whitespace-nowrap py-2 pr-4 text-slate-700">
                {e.createdAt.toISOString().slice(0, 19).replace("T", " ")}
              </td>
              <td className="py-2 pr-4">{e.actorName}</td>
              <td className="py-2 pr-4 font-mono text-xs">{e.action}</td>
              <td className="py-2 pr-4 text-xs text-slate-600">
                {e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : "—"}
              </td>
              <td className="py-2">
                <Change data={e.data} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function pageHref({ filters, page }: { filters: TAuditFilters; page: number }) {
  const q = new URLSearchParams();
  for (const key of ["action", "actor", "from", "to"] as const) {
    const v = filters[key];
    if (v) q.set(key, v);
  }
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/admin/audit?${s}` : "/admin/audit";
}

export function AuditPagination({
  filters,
  pageCount,
  total,
}: {
  filters: TAuditFilters;
  pageCount: number;
  total: number;
}) {
  const page = Math.min(filters.page, pageCount);
  const link = "rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50";
  return (
    <nav aria-label="Audit log pages" className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 && (
        <Link className={link} href={pageHref({ filters, page: page - 1 })}>
          Previous
        </Link>
      )}
      <span className="text-slate-600">
        Page {page} of {pageCount} · {total} event{total === 1 ? "" : "s"}
      </span>
      {page < pageCount && (
        <Link className={link} href={pageHref({ filters, page: page + 1 })}>
          Next
        </Link>
      )}
    </nav>
  );
}
