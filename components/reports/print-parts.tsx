import type { ReactNode } from "react";
import { Table } from "@/components/ui/table";
import type { TReportSeverity } from "@/lib/reports/types";

const TONES: Record<TReportSeverity, string> = {
  critical: "bg-red-800 text-white",
  high: "bg-orange-700 text-white",
  medium: "bg-yellow-400 text-yellow-950",
  low: "bg-blue-700 text-white",
  info: "bg-slate-500 text-white",
};

export function Severity({ severity }: { severity: TReportSeverity }) {
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-[10px] font-bold uppercase print-exact ${TONES[severity]}`}
    >
      {severity}
    </span>
  );
}

export function Section({
  title,
  children,
  breakBefore,
}: {
  title: string;
  children: ReactNode;
  breakBefore?: boolean;
}) {
  return (
    <section className={`mt-8 ${breakBefore ? "print:break-before-page" : ""}`}>
      <h2 className="mb-3 text-lg font-bold text-indigo-950">{title}</h2>
      {children}
    </section>
  );
}

/** A report table: every row a list of cells under `head`, named by `caption` for screen readers. */
export function DataTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: readonly string[];
  rows: readonly (readonly ReactNode[])[];
}) {
  return (
    <Table
      caption={caption}
      variant="print"
      rows={rows}
      // Static rows, never reordered: the position is the identity.
      rowKey={(_, i) => String(i)}
      columns={head.map((h, j) => ({ header: h, cell: (cells: readonly ReactNode[]) => cells[j] }))}
    />
  );
}
