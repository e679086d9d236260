"use client";

// A client component for its size, not for interactivity: the page's RSC payload then carries
// the 20 rows as data instead of as a second copy of the table's markup.
import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { Table, type TTableColumn } from "@/components/ui/table";
import {
  PAGE_SIZE,
  type TVendorFilters,
  vendorFiltersToParams,
} from "@/lib/data/dashboard/filters";
import type { TVendorRow } from "@/lib/data/dashboard/table";
import { fmtDate, fmtInt } from "./widget";

type TColumn = Omit<TTableColumn<TVendorRow>, "header" | "sort"> & {
  sortKey: TVendorFilters["sort"] | null;
  label: string;
};

const COLUMNS: TColumn[] = [
  {
    sortKey: "name",
    label: "Vendor",
    rowHeader: true,
    cell: (r) => (
      <Link
        href={`/vendors/${r.id}`}
        className="text-slate-900 hover:text-indigo-700 hover:underline"
      >
        {r.name}
      </Link>
    ),
  },
  { sortKey: "tier", label: "Tier", cell: (r) => <Badge tone={r.tier}>{r.tier}</Badge> },
  { sortKey: null, label: "Owner", className: "text-slate-700", cell: (r) => r.ownerName ?? "—" },
  {
    sortKey: "rating",
    label: "Rating",
    cell: (r) =>
      r.rating ? (
        <Badge tone={r.rating}>{r.rating}</Badge>
      ) : (
        <span className="text-slate-500">not rated</span>
      ),
  },
  {
    sortKey: "score",
    label: "Score",
    align: "end",
    className: "tabular-nums",
    cell: (r) => r.score ?? "—",
  },
  {
    sortKey: "assessed",
    label: "Last assessed",
    className: "text-slate-700",
    cell: (r) => fmtDate(r.assessedAt),
  },
  {
    sortKey: null,
    label: "Current status",
    className: "capitalize text-slate-700",
    cell: (r) => (r.status ? r.status.replace("_", " ") : "never assessed"),
  },
  {
    sortKey: "findings",
    label: "Open findings",
    align: "end",
    className: "tabular-nums",
    cell: (r) => r.openFindings,
  },
];

/** One page of the filtered vendors; sorting and paging are links, so the URL holds the state. */
export function VendorTable({
  page: { rows, total },
  filters,
}: {
  page: { rows: readonly TVendorRow[]; total: number };
  filters: TVendorFilters;
}) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (patch: Partial<TVendorFilters>) =>
    `/dashboard?${vendorFiltersToParams({ filters, patch })}#vendors`;
  const first = total === 0 ? 0 : (filters.page - 1) * PAGE_SIZE + 1;
  const order = filters.dir === "asc" ? "ascending" : "descending";
  return (
    <>
      <Table
        caption={`Vendors, sorted by ${filters.sort} ${order}`}
        empty={<span className="block py-6 text-center">No vendors match these filters.</span>}
        variant="compact"
        rows={rows}
        rowKey={(r) => r.id}
        rowProps={() => ({ className: "hover:bg-slate-50" })}
        columns={COLUMNS.map(({ sortKey, label, ...column }) => {
          const active = sortKey === filters.sort;
          const dir = active && filters.dir === "asc" ? "desc" : "asc";
          return {
            ...column,
            key: label,
            sort: active ? order : undefined,
            header: sortKey ? (
              <Link
                href={href({ sort: sortKey, dir, page: 1 })}
                className="hover:text-indigo-700 hover:underline"
              >
                {label}
                {active ? (filters.dir === "asc" ? " ▲" : " ▼") : ""}
              </Link>
            ) : (
              label
            ),
          };
        })}
      />
      <nav
        aria-label="Vendor table pages"
        className="mt-4 flex items-center justify-between text-sm"
      >
        <p className="text-slate-600">
          {fmtInt(first)}–{fmtInt(first ? first + rows.length - 1 : 0)} of {fmtInt(total)} vendors
        </p>
        <div className="flex gap-2">
          {filters.page > 1 && (
            <Link
              href={href({ page: filters.page - 1 })}
              className="rounded-md px-3 py-1 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Previous
            </Link>
          )}
          <span className="px-2 py-1 text-slate-600">
            Page {fmtInt(filters.page)} of {fmtInt(pages)}
          </span>
          {filters.page < pages && (
            <Link
              href={href({ page: filters.page + 1 })}
              className="rounded-md px-3 py-1 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Next
            </Link>
          )}
        </div>
      </nav>
    </>
  );
}
