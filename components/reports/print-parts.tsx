import type { ReactNode } from "react";
import { MapLegend } from "@/components/geo/map-symbols";
import {
  SiteMapShapes,
  type TMapDistanceProps,
  type TMapKit,
  type TMapLabelProps,
} from "@/components/geo/site-map-shapes";
import { Table } from "@/components/ui/table";
import { FALLBACK_COLOR } from "@/lib/geo/map-style";
import type { TReportSeverity, TSiteMapData } from "@/lib/reports/types";

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

function Label({ x, y, anchor, children }: TMapLabelProps) {
  return (
    <text x={x} y={y} textAnchor={anchor} fontSize={15} fill="#0f172a">
      {children}
    </text>
  );
}

function Distance({ x, y, children }: TMapDistanceProps) {
  return (
    <text
      x={x}
      y={y - 8}
      textAnchor="middle"
      fontSize={15}
      fontWeight={700}
      stroke="#fff"
      strokeWidth={4}
      paintOrder="stroke"
    >
      {children}
    </text>
  );
}

const HTML_KIT: TMapKit = { Path: (p) => <path {...p} />, Label, Distance };

/** The same precomputed geometry the PDF draws (components/geo/site-map-shapes.tsx). */
export function PrintSiteMap({ map }: { map: TSiteMapData }) {
  const legend = new Map(map.legend.map((l) => [l.kind, l]));
  return (
    <figure>
      <svg
        viewBox={`0 0 ${map.width} ${map.height}`}
        className="w-full rounded bg-sky-100 print-exact"
        role="img"
        aria-label="Map of the vendor's sites"
      >
        <SiteMapShapes map={map} kit={HTML_KIT} />
      </svg>
      <figcaption className="mt-1 print-exact">
        <MapLegend
          kinds={map.legend.map((l) => l.kind)}
          colorOf={(kind) => legend.get(kind)?.color ?? FALLBACK_COLOR}
          labelOf={(kind) => legend.get(kind)?.label ?? kind}
        />
      </figcaption>
    </figure>
  );
}
