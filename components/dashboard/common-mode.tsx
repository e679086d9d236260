import { Badge } from "@/components/ui/card";
import type { TCommonMode } from "@/lib/data/dashboard";
import { flagTitle } from "@/lib/rules/flag-titles";
import { EmptyState, fmtInt, Widget } from "./widget";

// The vendors whose every site can fail at once, however far apart: distance alone does not
// catch these (bcdr-core 1.1). Each code links to the vendor table filtered by it.

const SHORT: Record<string, string> = {
  COMMON_MODE_CHANGE: "pushed change",
  FOURTH_PARTY_SINGLE_POINT: "one supplier",
  RECOVERY_NEEDS_PRIMARY: "recovery needs primary",
};

const filtered = (code: string) => `/dashboard?flag=${code}#vendors`;

export function CommonMode({ data }: { data: TCommonMode }) {
  return (
    <Widget
      title="Common-mode risks"
      subtitle="Latest assessments where one change, one supplier or a recovery that needs the primary can stop every site at once"
    >
      {data.total === 0 ? (
        <EmptyState>No vendor's latest assessment raises a common-mode flag.</EmptyState>
      ) : (
        <div className="space-y-4 text-sm">
          <p>
            <span className="text-2xl font-semibold tabular-nums">{fmtInt(data.total)}</span> vendor
            {data.total === 1 ? "" : "s"} can fail everywhere at once.
          </p>
          <ul className="space-y-1" aria-label="Vendors by common-mode flag">
            {data.byCode.map((c) => (
              <li key={c.code} className="flex items-baseline justify-between gap-3">
                <a className="text-indigo-800 underline" href={filtered(c.code)}>
                  {flagTitle(c.code)}
                </a>
                <span className="tabular-nums">{fmtInt(c.vendors)}</span>
              </li>
            ))}
          </ul>
          <ul className="space-y-2 border-t border-slate-100 pt-3" aria-label="Worst rated first">
            {data.vendors.map((v) => (
              <li key={v.vendorId} className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                <a
                  className="font-medium text-indigo-800 underline"
                  href={`/vendors/${v.vendorId}`}
                >
                  {v.name}
                </a>
                {v.rating && <Badge tone={v.rating}>{v.rating}</Badge>}
                <span className="text-xs text-slate-600">
                  {v.codes.map((code) => SHORT[code] ?? code).join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Widget>
  );
}
