import { Badge } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { getVendorScoreHistory } from "@/lib/data/dashboard";
import { formatDate, formatMonth } from "@/lib/dates";

const W = 420;
const H = 140;
const fmt = (d: Date) => formatMonth(d);

/** The vendor's score (0–100, higher is better) on each submitted assessment, as a line. */
export async function VendorScoreTrend({ orgId, vendorId }: { orgId: string; vendorId: string }) {
  const rows = (await getVendorScoreHistory({ orgId, vendorId })).filter(
    (r) => r.score !== null && r.submittedAt,
  );
  if (rows.length === 0)
    return <p className="text-sm text-slate-600">No submitted assessment yet.</p>;
  const x = (i: number) => (rows.length === 1 ? W / 2 : 30 + (i * (W - 60)) / (rows.length - 1));
  const y = (score: number) => 10 + ((100 - score) / 100) * (H - 40);
  const path = rows.map((r, i) => `${i ? "L" : "M"}${x(i)},${y(r.score!)}`).join(" ");
  const summary = rows.map((r) => `${fmt(r.submittedAt!)}: ${r.score} (${r.rating})`).join("; ");
  return (
    <figure>
      <svg
        role="img"
        aria-label={`Score per assessment. ${summary}`}
        viewBox={`0 0 ${W} ${H}`}
        className="w-full"
      >
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line x1={24} x2={W} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
            <text x={20} y={y(v) + 4} fontSize={10} textAnchor="end" fill="#64748b">
              {v}
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke="#4338ca" strokeWidth={2} />
        {rows.map((r, i) => (
          <g key={r.id}>
            <circle cx={x(i)} cy={y(r.score!)} r={4} fill="#4338ca" />
            <text
              x={x(i)}
              y={y(r.score!) - 8}
              fontSize={11}
              fontWeight={600}
              textAnchor="middle"
              fill="#0f172a"
            >
              {r.score}
            </text>
            <text x={x(i)} y={H - 6} fontSize={10} textAnchor="middle" fill="#64748b">
              {fmt(r.submittedAt!)}
            </text>
          </g>
        ))}
      </svg>
      <Table
        caption="Score and rating per submitted assessment"
        variant="hidden"
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            header: "Submitted",
            rowHeader: true,
            cell: (r) => formatDate(r.submittedAt),
          },
          { header: "Score", cell: (r) => r.score },
          { header: "Rating", cell: (r) => r.rating },
        ]}
      />
      <figcaption className="mt-1 text-xs text-slate-600">
        Latest: {rows.at(-1)!.score} ·{" "}
        <Badge tone={rows.at(-1)!.rating ?? "neutral"}>{rows.at(-1)!.rating}</Badge>
      </figcaption>
    </figure>
  );
}
