import type { TMapLabel } from "@/lib/geo/map-layout";

export function MapLabels({ labels }: { labels: readonly TMapLabel[] }) {
  return (
    <g>
      {labels.map((l) => (
        <text
          key={l.key}
          x={l.x}
          y={l.y}
          textAnchor={l.anchor}
          className="fill-slate-900 text-[15px] font-medium"
          stroke="#ffffff"
          strokeWidth={4}
          paintOrder="stroke"
        >
          {l.text}
        </text>
      ))}
    </g>
  );
}
