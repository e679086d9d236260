import type { ReactNode } from "react";
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

export function DataTable({
  head,
  rows,
}: {
  head: readonly string[];
  rows: readonly (readonly ReactNode[])[];
}) {
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr className="bg-indigo-950 text-left text-xs text-white print-exact">
          {head.map((h) => (
            <th key={h} scope="col" className="px-2 py-1.5 font-semibold">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, i) => (
          <tr
            // biome-ignore lint/suspicious/noArrayIndexKey: static rows, never reordered
            key={i}
            className="break-inside-avoid border-b border-slate-200 even:bg-slate-50 align-top"
          >
            {cells.map((c, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: positional cells
              <td key={j} className="px-2 py-1">
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The same precomputed geometry the PDF draws. */
export function PrintSiteMap({ map }: { map: TSiteMapData }) {
  return (
    <figure>
      <svg
        viewBox={`0 0 ${map.width} ${map.height}`}
        className="w-full rounded bg-sky-100 print-exact"
        role="img"
        aria-label="Map of the vendor's sites"
      >
        <path d={map.land} fill="#e2e8f0" />
        <path d={map.borders} fill="none" stroke="#fff" strokeWidth={0.75} />
        {map.arcs.map((a) => (
          <path
            key={a.d}
            d={a.d}
            fill="none"
            stroke="#334155"
            strokeWidth={1.5}
            strokeDasharray="5 4"
          />
        ))}
        {map.markers.map((m) => (
          <circle
            key={m.id}
            cx={m.x}
            cy={m.y}
            r={7}
            fill={m.color}
            stroke="#fff"
            strokeWidth={1.5}
          />
        ))}
        {map.labels.map((l) => (
          <text
            key={`${l.x},${l.y}`}
            x={l.x}
            y={l.y}
            textAnchor={l.anchor}
            fontSize={15}
            fill="#0f172a"
          >
            {l.text}
          </text>
        ))}
        {map.arcs.map((a) =>
          a.mid ? (
            <text
              key={`t${a.d}`}
              x={a.mid[0]}
              y={a.mid[1] - 8}
              textAnchor="middle"
              fontSize={15}
              fontWeight={700}
              stroke="#fff"
              strokeWidth={4}
              paintOrder="stroke"
            >
              {a.label}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="mt-1 flex gap-4 text-xs">
        {map.legend.map((l) => (
          <span key={l.kind} className="flex items-center gap-1">
            <span
              className="inline-block h-2.5 w-2.5 rounded-full print-exact"
              style={{ background: l.color }}
            />
            {l.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
