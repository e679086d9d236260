import { formatDistanceKm } from "@/lib/geo/distance-text";
import type { TSitePairRow } from "@/lib/geo/site-pairs";
import type { TSite } from "@/lib/rules/types";

export type TSitesDistancesProps = {
  rows: readonly TSitePairRow[];
  minSeparationKm?: number;
};

const siteName = (site: TSite, index: number) =>
  `Site ${index + 1}${site.name.trim() ? ` (${site.name.trim()})` : ""}`;

const TONES = {
  danger: "bg-red-50 text-red-800 ring-1 ring-inset ring-red-200",
  warn: "bg-amber-50 text-amber-900 ring-1 ring-inset ring-amber-200",
  muted: "text-slate-600",
} as const;

function PairNotes({ row, minSeparationKm }: { row: TSitePairRow; minSeparationKm?: number }) {
  const notes: { key: string; text: string; tone: keyof typeof TONES }[] = [];
  if (row.samePlace === "facility") {
    notes.push({
      key: "same",
      text: `Same place: both in facility “${row.a.facility?.trim()}”`,
      tone: "danger",
    });
  } else if (row.samePlace === "distance") {
    notes.push({
      key: "same",
      text: "Same place: less than 1 km apart",
      tone: "danger",
    });
  }
  if (row.tooClose && minSeparationKm !== undefined) {
    notes.push({
      key: "close",
      text: `Too close: primary and secondary under the ${formatDistanceKm({ km: minSeparationKm })} required`,
      tone: "warn",
    });
  }
  if (!Number.isFinite(row.km) && !row.samePlace) {
    notes.push({ key: "coords", text: "Needs both sites' coordinates", tone: "muted" });
  }
  if (notes.length === 0) return <span className="text-slate-500">None</span>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {notes.map((n) => (
        <li key={n.key} className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONES[n.tone]}`}>
          {n.tone !== "muted" && <span aria-hidden="true">⚠ </span>}
          {n.text}
        </li>
      ))}
    </ul>
  );
}

/** Every pair of sites with its great-circle distance and what the rules will make of it. */
export function SitesDistances({ rows, minSeparationKm }: TSitesDistancesProps) {
  if (rows.length === 0) {
    return (
      <p className="text-sm text-slate-600">Distances appear here once there are two sites.</p>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="mb-2 text-left text-sm font-semibold text-slate-900">
          Distances between sites (great-circle, from the coordinates)
          {minSeparationKm !== undefined && (
            <span className="block text-xs font-normal text-slate-600">
              {`Primary and secondary sites should be at least ${formatDistanceKm({ km: minSeparationKm })} apart.`}
            </span>
          )}
        </caption>
        <thead>
          <tr className="text-left text-slate-700">
            <th scope="col" className="py-2 pr-4 font-medium">
              Between
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              And
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              Distance
            </th>
            <th scope="col" className="py-2 font-medium">
              Notes
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={`${row.aIndex}-${row.bIndex}`}>
              <th scope="row" className="py-2 pr-4 text-left font-medium text-slate-900">
                {siteName(row.a, row.aIndex)}
              </th>
              <td className="py-2 pr-4 text-slate-900">{siteName(row.b, row.bIndex)}</td>
              <td className="py-2 pr-4 text-right tabular-nums text-slate-900">
                {Number.isFinite(row.km) ? formatDistanceKm({ km: row.km }) : "—"}
              </td>
              <td className="py-2">
                <PairNotes row={row} minSeparationKm={minSeparationKm} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
