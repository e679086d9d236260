import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { Table, type TTableColumn } from "@/components/ui/table";
import { formatDate } from "@/lib/dates";

type TRow = {
  id: string;
  status: string;
  dueDate: Date | null;
  submittedAt: Date | null;
  score: number | null;
  rating: string | null;
  vendor: { id: string; name: string; tier: string };
};

const day = (d: Date | null) => formatDate(d);
export const STATUS_LABELS: Record<string, string> = {
  draft: "Draft",
  sent: "Sent",
  in_progress: "In progress",
  submitted: "Submitted — to review",
  changes_requested: "Changes requested",
  accepted: "Accepted",
  rejected: "Rejected",
  cancelled: "Cancelled",
};

const VENDOR_COLUMN: TTableColumn<TRow> = {
  header: "Vendor",
  cell: (a) => (
    <Link className="text-indigo-800 underline" href={`/vendors/${a.vendor.id}`}>
      {a.vendor.name}
    </Link>
  ),
};

export function AssessmentTable({
  rows,
  showVendor = true,
}: {
  rows: TRow[];
  showVendor?: boolean;
}) {
  const columns: TTableColumn<TRow>[] = [
    {
      header: "Status",
      rowHeader: true,
      cell: (a) => (
        <Link className="text-indigo-800 underline" href={`/assessments/${a.id}`}>
          {STATUS_LABELS[a.status] ?? a.status}
        </Link>
      ),
    },
    {
      header: "Rating",
      cell: (a) => (a.rating ? <Badge tone={a.rating}>{a.rating}</Badge> : "—"),
    },
    { header: "Score", cell: (a) => a.score ?? "—" },
    { header: "Due", cell: (a) => day(a.dueDate) },
    { header: "Submitted", cell: (a) => day(a.submittedAt) },
  ];
  return (
    <Table
      caption="Assessments"
      empty="No assessments yet."
      rows={rows}
      rowKey={(a) => a.id}
      columns={showVendor ? [VENDOR_COLUMN, ...columns] : columns}
    />
  );
}
