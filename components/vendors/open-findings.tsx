import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { listOpenFindings } from "@/lib/data/dashboard";
import { formatDate } from "@/lib/dates";

const fmt = (d: Date | null) => formatDate(d, { empty: "no due date" });

export async function VendorOpenFindings({ orgId, vendorId }: { orgId: string; vendorId: string }) {
  const findings = await listOpenFindings({ orgId, vendorId });
  if (findings.length === 0) return <p className="text-sm text-slate-600">No open findings.</p>;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {findings.map((f) => {
        // Compared as ISO days, whatever the display format.
        const late = f.dueDate && f.dueDate.toISOString().slice(0, 10) < today;
        return (
          <li key={f.id} className="py-2">
            <div className="flex items-start justify-between gap-2">
              {f.assessmentId ? (
                <Link
                  href={`/assessments/${f.assessmentId}`}
                  className="font-medium hover:text-indigo-700 hover:underline"
                >
                  {f.title}
                </Link>
              ) : (
                <span className="font-medium">{f.title}</span>
              )}
              <Badge tone={f.severity}>{f.severity}</Badge>
            </div>
            <p className={`text-xs ${late ? "font-medium text-red-700" : "text-slate-600"}`}>
              {f.status.replace("_", " ")} · {late ? "overdue since" : "due"} {fmt(f.dueDate)}
              {f.owner ? ` · ${f.owner.name}` : ""}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
