"use client";

// A client component for its size, not for interactivity: the page's RSC payload then carries
// the rows as data instead of a second copy of the markup. `now` comes from the server, so
// the browser computes the same day counts when it hydrates.
import Link from "next/link";
import { Table } from "@/components/ui/table";
import { DECAY_KINDS, type TDecayKind } from "@/lib/data/dashboard/decay-kinds";
import type { TDecayCount, TDecayRow } from "@/lib/data/dashboard/portfolio";
import { EmptyState, fmtDate, fmtInt, Widget } from "./widget";

const KINDS = Object.keys(DECAY_KINDS) as TDecayKind[];
const DAY = 86_400_000;

/** Evidence that goes stale: a DR test or restore test older than the max test age, a plan review older than a year. */
export function DecayClocks({
  decay: { counts, next },
  now: today,
}: {
  decay: { counts: readonly TDecayCount[]; next: readonly TDecayRow[] };
  now: number;
}) {
  const countOf = (kind: TDecayKind) => counts.find((c) => c.kind === kind);
  return (
    <Widget title="Decay clocks" subtitle="Tests and plan reviews going stale within 90 days">
      <div className="mb-4">
        <Table
          caption="Stale and soon-stale evidence by kind"
          variant="compact"
          rows={KINDS}
          rowKey={(k) => k}
          columns={[
            {
              header: "Evidence",
              rowHeader: true,
              className: "text-slate-700",
              cell: (k) => DECAY_KINDS[k],
            },
            {
              header: "Stale now",
              align: "end",
              className: "font-semibold tabular-nums text-red-700",
              cell: (k) => fmtInt(countOf(k)?.stale ?? 0),
            },
            {
              header: "≤ 30 days",
              align: "end",
              className: "tabular-nums text-orange-700",
              cell: (k) => fmtInt(countOf(k)?.within30 ?? 0),
            },
            {
              header: "≤ 90 days",
              align: "end",
              className: "tabular-nums text-slate-800",
              cell: (k) => fmtInt(countOf(k)?.within90 ?? 0),
            },
          ]}
        />
      </div>
      {next.length === 0 ? (
        <EmptyState>Nothing goes stale in the next 90 days.</EmptyState>
      ) : (
        <>
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
            Next to go stale
          </h3>
          <ul className="space-y-2 text-sm">
            {next.map((r) => {
              const days = Math.round((new Date(r.staleOn).getTime() - today) / DAY);
              const pct = Math.max(4, Math.min(100, (days / 90) * 100));
              return (
                <li key={`${r.kind}-${r.vendorId}`}>
                  <div className="flex justify-between gap-2">
                    <Link
                      href={`/vendors/${r.vendorId}`}
                      className="truncate font-medium hover:text-indigo-700 hover:underline"
                    >
                      {r.vendorName}
                    </Link>
                    <span className="shrink-0 text-xs text-slate-600">
                      {DECAY_KINDS[r.kind]} · stale in {days} d
                    </span>
                  </div>
                  <div className="mt-1 h-1.5 rounded-full bg-slate-100" aria-hidden="true">
                    <div
                      className={`h-1.5 rounded-full ${days <= 30 ? "bg-orange-500" : "bg-amber-400"}`}
                      style={{ width: `${pct}%` }}
                    />
                  </div>
                  <span className="text-xs text-slate-500">
                    last {fmtDate(r.lastDate)} · stale on {fmtDate(r.staleOn)}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Widget>
  );
}
