import type { ReactNode } from "react";
import { formatDate } from "@/lib/dates";

// Shared frame, skeleton and colour vocabulary of the dashboard widgets.

export const RATING_ORDER = ["critical", "high", "medium", "low"] as const;

/** Fill colours; every chart also prints the value, so colour is never the only cue. */
export const RATING_FILL: Record<string, string> = {
  critical: "#b91c1c",
  high: "#ea580c",
  medium: "#d97706",
  low: "#059669",
  none: "#94a3b8",
};

// Made once: building an Intl formatter per call cost more than the rest of the dashboard's
// rendering put together. Dates read as everywhere else in the app (lib/dates.ts).
const INTEGER = new Intl.NumberFormat("en-GB");

export const fmtDate = (d: Date | string | null | undefined) => formatDate(d);
export const fmtInt = (n: number) => INTEGER.format(n);

export function Widget({
  title,
  subtitle,
  children,
  actions,
  className = "",
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-label={title}
      className={`flex flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 ${className}`}
    >
      <header className="mb-4 flex items-start justify-between gap-4">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
          {subtitle && <p className="mt-0.5 text-xs text-slate-500">{subtitle}</p>}
        </div>
        {actions}
      </header>
      {children}
    </section>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="py-6 text-center text-sm text-slate-500">{children}</p>;
}
