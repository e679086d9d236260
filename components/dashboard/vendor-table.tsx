"use client";

// A client component for its size, not for interactivity: the page's RSC payload then carries
// the 20 rows as data instead of as a second copy of the table's markup.
import Link from "next/link";
import { Badge } from "@/components/ui/card";
import {
  PAGE_SIZE,
  type TVendorFilters,
  vendorFiltersToParams,
} from "@/lib/data/dashboard/filters";
import type { TVendorRow } from "@/lib/data/dashboard/table";
import { fmtDate, fmtInt } from "./widget";

const COLUMNS: { key: TVendorFilters["sort"] | null; label: string; className?: string }[] = [
  { key: "name", label: "Vendor" },
  { key: "tier", label: "Tier" },
  { key: null, label: "Owner" },
  { key: "rating", label: "Rating" },
  { key: "score", label: "Score", className: "text-right" },
  { key: "assessed", label: "Last assessed" },
  { key: null, label: "Current status" },
  { key: "findings", label: "Open findings", className: "text-right" },
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
  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            Vendors, sorted by {filters.sort} {filters.dir === "asc" ? "ascending" : "descending"}
          </caption>
          <thead className="border-b border-slate-200 text-xs text-slate-500">
            <tr>
              {COLUMNS.map((c) => {
                const active = c.key === filters.sort;
                const dir = active && filters.dir === "asc" ? "desc" : "asc";
                return (
                  <th
                    key={c.label}
                    scope="col"
                    className={`py-2 pr-3 font-medium ${c.className ?? ""}`}
                    aria-sort={
                      active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined
                    }
                  >
                    {c.key ? (
                      <Link
                        href={href({ sort: c.key, dir, page: 1 })}
                        className="hover:text-indigo-700 hover:underline"
                      >
                        {c.label}
                        {active ? (filters.dir === "asc" ? " ▲" : " ▼") : ""}
                      </Link>
                    ) : (
                      c.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} className="hover:bg-slate-50">
                <th scope="row" className="py-2 pr-3 font-medium">
                  <Link
                    href={`/vendors/${r.id}`}
                    className="text-slate-900 hover:text-indigo-700 hover:underline"
                  >
                    {r.name}
                  </Link>
                </th>
                <td className="pr-3">
                  <Badge tone={r.tier}>{r.tier}</Badge>
                </td>
                <td className="pr-3 text-slate-700">{r.ownerName ?? "—"}</td>
                <td className="pr-3">
                  {r.rating ? (
                    <Badge tone={r.rating}>{r.rating}</Badge>
                  ) : (
                    <span className="text-slate-500">not rated</span>
                  )}
                </td>
                <td className="pr-3 text-right tabular-nums">{r.score ?? "—"}</td>
                <td className="pr-3 text-slate-700">{fmtDate(r.assessedAt)}</td>
                <td className="pr-3 capitalize text-slate-700">
                  {r.status ? r.status.replace("_", " ") : "never assessed"}
                </td>
                <td className="text-right tabular-nums">{r.openFindings}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && (
        <p className="py-6 text-center text-sm text-slate-500">No vendors match these filters.</p>
      )}
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
