import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { Table, type TTableColumn } from "@/components/ui/table";

type TRow = {
  id: string;
  name: string;
  tier: string;
  services: string[];
  owner: { name: string } | null;
};

/** Checkboxes in a first column, for a bulk action on the rows picked (bulk-send.tsx). */
export type TVendorSelection = {
  selected: ReadonlySet<string>;
  onChange: (ids: string[], selected: boolean) => void;
};

function selectColumn(vendors: TRow[], s: TVendorSelection): TTableColumn<TRow> {
  const all = vendors.length > 0 && vendors.every((v) => s.selected.has(v.id));
  return {
    key: "select",
    header: (
      <input
        type="checkbox"
        aria-label="Select all vendors on this page"
        checked={all}
        onChange={(e) =>
          s.onChange(
            vendors.map((v) => v.id),
            e.target.checked,
          )
        }
      />
    ),
    cell: (v) => (
      <input
        type="checkbox"
        aria-label={`Select ${v.name}`}
        checked={s.selected.has(v.id)}
        onChange={(e) => s.onChange([v.id], e.target.checked)}
      />
    ),
  };
}

export function VendorTable({
  vendors,
  selection,
}: {
  vendors: TRow[];
  selection?: TVendorSelection;
}) {
  return (
    <Table
      caption="Vendors"
      empty="No vendors yet."
      rows={vendors}
      rowKey={(v) => v.id}
      columns={[
        ...(selection ? [selectColumn(vendors, selection)] : []),
        {
          header: "Vendor",
          rowHeader: true,
          cell: (v) => (
            <Link className="text-indigo-800 underline" href={`/vendors/${v.id}`}>
              {v.name}
            </Link>
          ),
        },
        { header: "Tier", cell: (v) => <Badge tone={v.tier}>{v.tier}</Badge> },
        {
          header: "Services",
          className: "text-slate-700",
          cell: (v) => v.services.join(", ") || "—",
        },
        { header: "Owner", className: "text-slate-700", cell: (v) => v.owner?.name ?? "—" },
      ]}
    />
  );
}
