"use client";

// A client component for its size, not for interactivity: the page's RSC payload then carries
// the monthly counts instead of a second copy of the chart's markup.
import { Table } from "@/components/ui/table";
import type { TTrendRow } from "@/lib/data/dashboard/portfolio";
import { formatMonth } from "@/lib/dates";
import { EmptyState, fmtInt, RATING_FILL, RATING_ORDER, Widget } from "./widget";

const W = 640;
const H = 200;
const PAD = { left: 40, bottom: 24, top: 18 };
const r1 = (n: number) => Math.round(n * 10) / 10;

const monthLabel = (m: string) => formatMonth(`${m}-01T00:00:00Z`, { year: false });

/** Stacked bars: ratings of the assessments submitted each month, worst at the bottom. */
export function RatingTrend({
  rows,
  months,
}: {
  rows: readonly TTrendRow[];
  months: readonly string[];
}) {
  const get = (m: string, r: string) =>
    rows.find((x) => x.month === m && x.rating === r)?.assessments ?? 0;
  const totals = months.map((m) => RATING_ORDER.reduce((n, r) => n + get(m, r), 0));
  const max = Math.max(1, ...totals);
  const slot = (W - PAD.left) / months.length;
  const plotH = H - PAD.bottom - PAD.top;
  const summary = months
    .map(
      (m, i) =>
        `${monthLabel(m)}: ${totals[i]} (${RATING_ORDER.map((r) => `${get(m, r)} ${r}`).join(", ")})`,
    )
    .join("; ");
  return (
    <Widget title="Ratings over time" subtitle="Assessments submitted per month, by rating">
      {rows.length === 0 ? (
        <EmptyState>No submitted assessments in the last {months.length} months.</EmptyState>
      ) : (
        <figure>
          <svg
            role="img"
            aria-label={`Ratings per month. ${summary}`}
            viewBox={`0 0 ${W} ${H}`}
            className="w-full"
          >
            {[0, 0.5, 1].map((t) => (
              <g key={t}>
                <line
                  x1={PAD.left}
                  x2={W}
                  y1={PAD.top + plotH * (1 - t)}
                  y2={PAD.top + plotH * (1 - t)}
                  stroke="#e2e8f0"
                />
                <text
                  x={PAD.left - 6}
                  y={PAD.top + plotH * (1 - t) + 4}
                  fontSize={10}
                  textAnchor="end"
                  fill="#64748b"
                >
                  {fmtInt(Math.round(max * t))}
                </text>
              </g>
            ))}
            {months.map((m, i) => {
              let y = PAD.top + plotH;
              const x = PAD.left + i * slot + slot * 0.2;
              return (
                <g key={m}>
                  {RATING_ORDER.map((r) => {
                    const h = (get(m, r) / max) * plotH;
                    y -= h;
                    return h > 0 ? (
                      <rect
                        key={r}
                        x={r1(x)}
                        y={r1(y)}
                        width={r1(slot * 0.6)}
                        height={r1(h)}
                        fill={RATING_FILL[r]}
                      />
                    ) : null;
                  })}
                  {totals[i] ? (
                    <text
                      x={r1(x + slot * 0.3)}
                      y={r1(y - 3)}
                      fontSize={10}
                      textAnchor="middle"
                      fill="#334155"
                    >
                      {fmtInt(totals[i] ?? 0)}
                    </text>
                  ) : null}
                  <text
                    x={r1(x + slot * 0.3)}
                    y={H - 8}
                    fontSize={10}
                    textAnchor="middle"
                    fill="#64748b"
                  >
                    {monthLabel(m)}
                  </text>
                </g>
              );
            })}
          </svg>
          <ul className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600" aria-hidden="true">
            {RATING_ORDER.map((r) => (
              <li key={r} className="flex items-center gap-1.5 capitalize">
                <span
                  className="inline-block h-2.5 w-2.5 rounded-sm"
                  style={{ background: RATING_FILL[r] }}
                />
                {r}
              </li>
            ))}
          </ul>
          <Table
            caption="Assessments submitted per month by rating"
            variant="hidden"
            rows={months}
            rowKey={(m) => m}
            columns={[
              { header: "Month", rowHeader: true, cell: (m) => m },
              ...RATING_ORDER.map((r) => ({ key: r, header: r, cell: (m: string) => get(m, r) })),
            ]}
          />
        </figure>
      )}
    </Widget>
  );
}
