import Link from "next/link";
import { Table } from "@/components/ui/table";
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
    <div className="min-w-48 space-y-0.5">
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

const TARGET_LABELS: Record<string, string> = {
  assessment: "Assessment",
  evidence: "Evidence file",
  finding: "Finding",
  invitation: "Vendor link",
  organization: "Organisation",
  user: "User",
  vendor: "Vendor",
};

/** The target by name; its record ids (and the event's) in a disclosure, for an investigation. */
function Target({ event: e }: { event: TAuditEventRow }) {
  const ids: [string, string][] = [["Event", String(e.id)]];
  if (e.targetId)
    ids.push([TARGET_LABELS[e.targetType ?? ""] ?? e.targetType ?? "Target", e.targetId]);
  if (e.actorUserId) ids.push(["Actor (user)", e.actorUserId]);
  if (e.actorInvitationId) ids.push(["Actor (vendor link)", e.actorInvitationId]);
  return (
    <div className="min-w-36 space-y-1">
      {e.targetType ? (
        <p>
          <span className="block text-xs text-slate-600">
            {TARGET_LABELS[e.targetType] ?? e.targetType}
          </span>
          {e.targetName ?? <span className="text-slate-600">(no longer exists)</span>}
        </p>
      ) : (
        "—"
      )}
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer">Record ids</summary>
        <dl className="mt-1 space-y-0.5">
          {ids.map(([label, id]) => (
            <div key={label}>
              <dt className="inline">{label}: </dt>
              <dd className="inline font-mono">{id}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}

/** "2026-12-07 06:43:05": the date and the time break apart on a narrow screen, never inside. */
function When({ at }: { at: Date }) {
  const iso = at.toISOString();
  return (
    <time dateTime={iso}>
      <span className="whitespace-nowrap">{iso.slice(0, 10)}</span>{" "}
      <span className="whitespace-nowrap">{iso.slice(11, 19)}</span>
    </time>
  );
}

export function AuditTable({ events }: { events: TAuditEventRow[] }) {
  return (
    <Table
      caption="Audit events, newest first"
      empty="No events match these filters."
      rows={events}
      rowKey={(e) => String(e.id)}
      // Long values (JSON, addresses, ids) break anywhere rather than widen the table; the
      // columns' minimum widths keep them readable, and a phone scrolls the table instead.
      className="wrap-anywhere"
      columns={[
        {
          header: "When (UTC)",
          className: "text-slate-700",
          cell: (e) => <When at={e.createdAt} />,
        },
        { header: "Actor", cell: (e) => <div className="min-w-28">{e.actorName}</div> },
        {
          header: "Action",
          className: "whitespace-nowrap font-mono text-xs",
          cell: (e) => e.action,
        },
        { header: "Target", cell: (e) => <Target event={e} /> },
        { header: "Change", cell: (e) => <Change data={e.data} /> },
      ]}
    />
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
