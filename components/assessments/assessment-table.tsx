import Link from "next/link";
import { Badge } from "@/components/ui/card";

type TRow = {
  id: string;
  status: string;
  dueDate: Date | null;
  submittedAt: Date | null;
  score: number | null;
  rating: string | null;
  vendor: { name: string; tier: string };
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");
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

export function AssessmentTable({
  rows,
  showVendor = true,
}: {
  rows: TRow[];
  showVendor?: boolean;
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No assessments yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Assessments</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {showVendor && (
              <th scope="col" className="py-2 pr-4">
                Vendor
              </th>
            )}
            <th scope="col" className="py-2 pr-4">
              Status
            </th>
            <th scope="col" className="py-2 pr-4">
              Rating
            </th>
            <th scope="col" className="py-2 pr-4">
              Score
            </th>
            <th scope="col" className="py-2 pr-4">
              Due
            </th>
            <th scope="col" className="py-2">
              Submitted
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((a) => (
            <tr key={a.id}>
              {showVendor && <td className="py-2 pr-4">{a.vendor.name}</td>}
              <th scope="row" className="py-2 pr-4 font-medium">
                <Link className="text-indigo-800 underline" href={`/assessments/${a.id}`}>
                  {STATUS_LABELS[a.status] ?? a.status}
                </Link>
              </th>
              <td className="py-2 pr-4">
                {a.rating ? <Badge tone={a.rating}>{a.rating}</Badge> : "—"}
              </td>
              <td className="py-2 pr-4">{a.score ?? "—"}</td>
              <td className="py-2 pr-4">{day(a.dueDate)}</td>
              <td className="py-2">{day(a.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
