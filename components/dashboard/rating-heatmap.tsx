import Link from "next/link";
import { getRatingHeatmap } from "@/lib/data/dashboard";
import { TIERS } from "@/lib/rules/types";
import { RATING_FILL, RATING_ORDER, Widget } from "./widget";

const COLUMNS = [...RATING_ORDER, null] as const;

/** Tier × rating of the latest assessment; darker = more vendors, and every cell shows its count. */
export async function RatingHeatmap({ orgId }: { orgId: string }) {
  const cells = await getRatingHeatmap({ orgId });
  const count = (tier: string, rating: string | null) =>
    cells.find((c) => c.tier === tier && c.rating === rating)?.vendors ?? 0;
  const max = Math.max(1, ...cells.filter((c) => c.rating).map((c) => c.vendors));
  const total = cells.reduce((n, c) => n + c.vendors, 0);
  const rated = total - cells.filter((c) => !c.rating).reduce((n, c) => n + c.vendors, 0);
  return (
    <Widget
      title="Vendors by tier and rating"
      subtitle={`${total} active vendors · ${rated} rated on their latest assessment`}
    >
      <table className="w-full table-fixed border-separate border-spacing-1 text-sm">
        <caption className="sr-only">
          Active vendors by criticality tier (rows) and the rating of their latest assessment
          (columns)
        </caption>
        <thead>
          <tr>
            <th scope="col" className="w-24 text-left text-xs font-medium text-slate-500">
              Tier
            </th>
            {COLUMNS.map((r) => (
              <th
                key={r ?? "none"}
                scope="col"
                className="text-xs font-medium capitalize text-slate-600"
              >
                {r ?? "Not rated"}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TIERS.map((tier) => (
            <tr key={tier}>
              <th scope="row" className="text-left text-xs font-medium capitalize text-slate-700">
                {tier}
              </th>
              {COLUMNS.map((r) => {
                const n = count(tier, r);
                const alpha = r && n ? 0.18 + 0.82 * (n / max) : 0;
                const dark = alpha > 0.55;
                const href = `/dashboard?tier=${tier}${r ? "" : "&status=none"}#vendors`;
                return (
                  <td key={r ?? "none"} className="p-0">
                    <Link
                      href={href}
                      aria-label={`${n} ${tier}-tier vendors ${r ? `rated ${r}` : "not rated"}`}
                      className={`flex h-11 items-center justify-center rounded-md text-sm font-semibold tabular-nums ring-1 ring-inset ring-slate-200 ${dark ? "text-white" : "text-slate-800"}`}
                      style={{
                        backgroundColor: r && n ? hexAlpha(RATING_FILL[r]!, alpha) : "#f8fafc",
                      }}
                    >
                      {n}
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Widget>
  );
}

function hexAlpha(hex: string, alpha: number) {
  const a = Math.round(alpha * 255)
    .toString(16)
    .padStart(2, "0");
  return `${hex}${a}`;
}
