"use client";

// A client component for its size, not for interactivity: the page's RSC payload then carries
// the 20 counts instead of a second copy of the grid's markup.
import Link from "next/link";
import { Table } from "@/components/ui/table";
import { heatCellFilters, vendorFiltersToParams } from "@/lib/data/dashboard/filters";
import type { THeatCell } from "@/lib/data/dashboard/portfolio";
import { TIERS, type TTier } from "@/lib/rules/types";
import { fmtInt, RATING_FILL, RATING_ORDER, Widget } from "./widget";

const COLUMNS = [...RATING_ORDER, null] as const;

/** Tier × rating of the latest assessment; darker = more vendors, and every cell shows its count. */
export function RatingHeatmap({ cells }: { cells: readonly THeatCell[] }) {
  const count = (tier: string, rating: string | null) =>
    cells.find((c) => c.tier === tier && c.rating === rating)?.vendors ?? 0;
  const max = Math.max(1, ...cells.filter((c) => c.rating).map((c) => c.vendors));
  const total = cells.reduce((n, c) => n + c.vendors, 0);
  const byRating = (r: string | null) =>
    cells.filter((c) => c.rating === r).reduce((n, c) => n + c.vendors, 0);
  const rated = total - byRating(null);
  return (
    <Widget
      title="Vendors by tier and rating"
      subtitle={`${fmtInt(total)} active vendors · ${fmtInt(rated)} rated on their latest assessment`}
    >
      <Table
        caption="Active vendors by criticality tier (rows) and the rating of their latest assessment (columns)"
        variant="grid"
        rows={TIERS}
        rowKey={(tier) => tier}
        columns={[
          {
            header: "Tier",
            rowHeader: true,
            headerClassName: "w-[4.5rem] text-left text-slate-500",
            className: "text-left text-xs capitalize text-slate-700",
            cell: (tier) => tier,
          },
          ...COLUMNS.map((r) => ({
            key: r ?? "none",
            header: <ColumnHeading rating={r} />,
            headerClassName: "capitalize",
            cell: (tier: TTier) => {
              const n = count(tier, r);
              const alpha = r && n ? 0.18 + 0.82 * (n / max) : 0;
              const dark = alpha > 0.55;
              const cell = heatCellFilters({ tier, rating: r });
              return (
                <Link
                  href={`/dashboard?${vendorFiltersToParams({ filters: cell })}#vendors`}
                  aria-label={`${n} ${tier}-tier vendors ${r ? `rated ${r}` : "not rated"}`}
                  className={`flex h-12 items-center justify-center rounded-md font-semibold tabular-nums ${n >= 1000 ? "text-xs" : "text-sm"} ring-1 ring-inset ring-slate-200 ${dark ? "text-white" : "text-slate-800"}`}
                  style={{
                    backgroundColor: r && n ? hexAlpha(RATING_FILL[r]!, alpha) : "#f8fafc",
                  }}
                >
                  {fmtInt(n)}
                </Link>
              );
            },
          })),
        ]}
        footer={
          <>
            <th scope="row" className="text-left text-xs font-medium text-slate-500">
              All tiers
            </th>
            {COLUMNS.map((r) => (
              <td
                key={r ?? "none"}
                className="text-center text-sm font-semibold tabular-nums text-slate-900"
              >
                {fmtInt(byRating(r))}
              </td>
            ))}
          </>
        }
      />
      {rated > 0 && <RatingShare counts={RATING_ORDER.map((r) => byRating(r))} rated={rated} />}
      <p className="mt-3 text-xs text-slate-500">
        Colour: the rating; depth: how many vendors. Select a cell to list its vendors.
      </p>
    </Widget>
  );
}

// A phone's column is narrower than "critical": the heading shortens there, and screen
// readers always hear the whole word.
const SHORT: Record<string, string> = { critical: "crit.", medium: "med." };

function ColumnHeading({ rating }: { rating: string | null }) {
  const full = rating ?? "Not rated";
  const short = rating ? SHORT[rating] : undefined;
  if (!short) return full;
  return (
    <>
      <span aria-hidden="true" className="sm:hidden">
        {short}
      </span>
      <span className="max-sm:sr-only">{full}</span>
    </>
  );
}

/** The rated vendors' latest ratings as one bar, with each share printed beside its colour. */
function RatingShare({ counts, rated }: { counts: readonly number[]; rated: number }) {
  const pct = (n: number) => Math.round((100 * n) / rated);
  return (
    <div className="mt-4">
      <p className="text-xs font-medium text-slate-600">Share of rated vendors</p>
      <div className="mt-1 flex h-2.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
        {RATING_ORDER.map((r, i) => (
          <div
            key={r}
            style={{
              width: `${(100 * (counts[i] ?? 0)) / rated}%`,
              backgroundColor: RATING_FILL[r],
            }}
          />
        ))}
      </div>
      <ul className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs text-slate-700">
        {RATING_ORDER.map((r, i) => (
          <li key={r} className="flex items-center gap-1.5">
            <span
              className="inline-block h-2.5 w-2.5 rounded-sm"
              style={{ backgroundColor: RATING_FILL[r] }}
              aria-hidden="true"
            />
            <span className="capitalize">{r}</span>
            <span className="ml-auto tabular-nums text-slate-900">{pct(counts[i] ?? 0)}%</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function hexAlpha(hex: string, alpha: number) {
  const a = Math.round(alpha * 255)
    .toString(16)
    .padStart(2, "0");
  return `${hex}${a}`;
}
