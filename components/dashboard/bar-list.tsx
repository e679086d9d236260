// Horizontal bars as SVG (role="img" with a summary) plus the same figures in a hidden table.

export type TBar = { label: string; value: number; note?: string; color?: string };

export function BarList({
  title,
  bars,
  valueLabel,
  color = "#4f46e5",
}: {
  title: string;
  bars: readonly TBar[];
  valueLabel: string;
  color?: string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = 26;
  const summary = bars.map((b) => `${b.label}: ${b.value}`).join("; ");
  return (
    <figure>
      <svg
        role="img"
        aria-label={`${title}. ${summary}`}
        viewBox={`0 0 400 ${bars.length * rowH}`}
        className="w-full"
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((b, i) => {
          const w = Math.max(2, (b.value / max) * 130);
          const y = i * rowH;
          return (
            <g key={b.label} transform={`translate(0 ${y})`}>
              <text x={0} y={16} fontSize={12} fill="#334155">
                {b.label.length > 23 ? `${b.label.slice(0, 22)}…` : b.label}
              </text>
              <rect x={150} y={5} width={w} height={14} rx={3} fill={b.color ?? color} />
              <text x={156 + w} y={16} fontSize={12} fontWeight={600} fill="#0f172a">
                {b.value}
                {b.note ? ` · ${b.note}` : ""}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>
                {b.value}
                {b.note ? ` (${b.note})` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
