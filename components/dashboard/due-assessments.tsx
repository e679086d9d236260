"use client";

// A client component for its size, not for interactivity: the page's RSC payload then carries
// the rows as data instead of a second copy of the markup. `now` comes from the server, so
// the browser computes the same day counts when it hydrates.
import Link from "next/link";
import { Badge } from "@/components/ui/card";
import type { TDueSummary } from "@/lib/data/dashboard/portfolio";
import { EmptyState, fmtDate, fmtInt, Widget } from "./widget";

const DAY = 86_400_000;

export function DueAssessments({
  due: { overdue, dueSoon, next },
  days,
  now: today,
}: {
  due: TDueSummary;
  days: number;
  now: number;
}) {
  return (
    <Widget title="Assessments due" subtitle="Questionnaires out with vendors">
      <dl className="mb-4 grid grid-cols-2 gap-3">
        <div className="rounded-lg bg-red-50 p-3 ring-1 ring-red-100">
          <dt className="text-xs font-medium text-red-800">Overdue</dt>
          <dd className="text-2xl font-semibold tabular-nums text-red-900">{fmtInt(overdue)}</dd>
        </div>
        <div className="rounded-lg bg-amber-50 p-3 ring-1 ring-amber-100">
          <dt className="text-xs font-medium text-amber-900">Due within {days} days</dt>
          <dd className="text-2xl font-semibold tabular-nums text-amber-950">{fmtInt(dueSoon)}</dd>
        </div>
      </dl>
      {next.length === 0 ? (
        <EmptyState>Nothing overdue or due soon.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {next.map((r) => {
            const days = Math.round((new Date(r.dueDate).getTime() - today) / DAY);
            return (
              <li key={r.assessmentId} className="flex items-center justify-between gap-3 py-2">
                <span className="min-w-0">
                  <Link
                    href={`/vendors/${r.vendorId}`}
                    className="block truncate font-medium text-slate-900 hover:text-indigo-700 hover:underline"
                  >
                    {r.vendorName}
                  </Link>
                  <span className="text-xs capitalize text-slate-500">
                    {r.tier} tier ·{" "}
                    <Link
                      href={`/assessments/${r.assessmentId}`}
                      className="text-indigo-800 underline hover:text-indigo-700"
                    >
                      {r.status.replace("_", " ")}
                    </Link>
                  </span>
                </span>
                <span className="shrink-0 text-right text-xs">
                  <Badge tone={days < 0 ? "critical" : "medium"}>
                    {days < 0 ? `${-days} d overdue` : days === 0 ? "due today" : `in ${days} d`}
                  </Badge>
                  <span className="mt-0.5 block text-slate-500">{fmtDate(r.dueDate)}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Widget>
  );
}
