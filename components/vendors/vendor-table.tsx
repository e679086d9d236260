import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { Table } from "@/components/ui/table";

type TRow = {
  id: string;
  name: string;
  tier: string;
  services: string[];
  owner: { name: string } | null;
};

export function VendorTable({ vendors }: { vendors: TRow[] }) {
  return (
    <Table
      caption="Vendors"
      empty="No vendors yet."
      rows={vendors}
      rowKey={(v) => v.id}
      columns={[
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
