import { Table } from "@/components/ui/table";
import {
  describeDistanceTable,
  type TDistancePair,
  type TDistanceTable,
} from "@/lib/geo/distance-pairs";
import { formatDistanceKm } from "@/lib/geo/distance-text";
import type { TSite } from "@/lib/rules/types";

export type TSitesDistancesProps = {
  table: TDistanceTable;
  minSeparationKm?: number;
};

const siteName = (site: TSite, index: number) =>
  `Site ${index + 1}${site.name.trim() ? ` (${site.name.trim()})` : ""}`;

const TONES = {
  danger: "bg-red-50 text-red-800 ring-1 ring-inset ring-red-200",
  warn: "bg-amber-50 text-amber-900 ring-1 ring-inset ring-amber-200",
  muted: "text-slate-600",
} as const;

const LISTED_FOR = {
  "nearest-secondary": "Nearest secondary",
  "nearest-backup": "Nearest backup",
  "too-close": null,
} as const;

function PairNotes({ row, minSeparationKm }: { row: TDistancePair; minSeparationKm?: number }) {
  const notes: { key: string; text: string; tone: keyof typeof TONES }[] = [];
  for (const reason of row.reasons) {
    const text = LISTED_FOR[reason];
    if (text) notes.push({ key: reason, text, tone: "muted" });
  }
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
      text: `Too close: under the ${formatDistanceKm({ km: minSeparationKm })} required`,
      tone: "warn",
    });
  }
  if (!Number.isFinite(row.km) && !row.samePlace) {
    notes.push({ key: "coords", text: "Needs both sites' coordinates", tone: "muted" });
  }
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

/**
 * The distances the rules judge (lib/geo/distance-pairs.ts): each primary's nearest secondary
 * and nearest backup, and every primary–secondary or primary–backup pair closer than required.
 * Shared by the vendor portal and the review page.
 */
export function SitesDistances({ table, minSeparationKm }: TSitesDistancesProps) {
  return (
    <Table
      caption="Distances between sites (great-circle, from the coordinates)"
      captionVisible
      description={describeDistanceTable({ table, minSeparationKm })}
      empty="Distances appear here once there is a primary site and a secondary or backup site."
      variant="compact"
      rows={table.rows}
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
