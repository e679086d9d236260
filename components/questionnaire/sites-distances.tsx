import { Table } from "@/components/ui/table";
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
  return (
    <Table
      caption="Distances between sites (great-circle, from the coordinates)"
      captionVisible
      description={
        minSeparationKm !== undefined &&
        `Primary and secondary sites should be at least ${formatDistanceKm({ km: minSeparationKm })} apart.`
      }
      empty="Distances appear here once there are two sites."
      variant="compact"
      rows={rows}
      rowKey={(row) => `${row.aIndex}-${row.bIndex}`}
      columns={[
        { header: "Between", rowHeader: true, cell: (row) => siteName(row.a, row.aIndex) },
        { header: "And", cell: (row) => siteName(row.b, row.bIndex) },
        {
          header: "Distance",
          align: "end",
          className: "tabular-nums",
          cell: (row) => (Number.isFinite(row.km) ? formatDistanceKm({ km: row.km }) : "—"),
        },
        {
          header: "Notes",
          cell: (row) => <PairNotes row={row} minSeparationKm={minSeparationKm} />,
        },
      ]}
    />
  );
}
