"use client";

// A ranked list with a bar under each entry: the label in full (it wraps rather than being
// cut), the figure, and a bar scaled to the largest. Plain text, so it reads the same to a
// screen reader. A client component for its size, not for interactivity: the RSC payload
// carries the bars as data instead of a second copy of the markup.
import { Badge } from "@/components/ui/card";

export type TBar = {
  /** Unique in the list; the label by default. */
  key?: string;
  label: string;
  /** Secondary text under the label, e.g. a flag's code. */
  detail?: string;
  value: number;
  /** Shown after the value, e.g. "13 vendors". */
  note?: string;
  /** A severity or rating shown as a badge (its tone and text). */
  badge?: string;
  color?: string;
};

const INTEGER = new Intl.NumberFormat("en-GB");

export function BarList({
  title,
  bars,
  valueLabel,
  color = "#4f46e5",
}: {
  /** What the list ranks, for screen readers. */
  title: string;
  bars: readonly TBar[];
  /** What the value is, for screen readers (e.g. "Tier weight"). */
  valueLabel: string;
  color?: string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ol aria-label={title} className="space-y-2.5 text-sm">
      {bars.map((b) => (
        <li key={b.key ?? b.label}>
          <div className="flex items-start justify-between gap-3">
            <span className="min-w-0 leading-snug break-words text-slate-800">
              {b.label}
              {b.detail && (
                <span className="block font-mono text-xs text-slate-500">{b.detail}</span>
              )}
            </span>
            <span className="flex shrink-0 items-center gap-1.5 tabular-nums">
              <span className="sr-only">{valueLabel}: </span>
              <span className="font-semibold text-slate-900">{INTEGER.format(b.value)}</span>
              {b.note && <span className="text-xs text-slate-500">· {b.note}</span>}
              {b.badge && <Badge tone={b.badge}>{b.badge}</Badge>}
            </span>
          </div>
          <div className="mt-1 h-1.5 rounded-full bg-slate-100" aria-hidden="true">
            <div
              className="h-1.5 rounded-full"
              style={{
                width: `${Math.max(2, Math.round((b.value / max) * 100))}%`,
                backgroundColor: b.color ?? color,
              }}
            />
          </div>
        </li>
      ))}
    </ol>
  );
}
