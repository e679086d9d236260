import type { ReactNode } from "react";
import { SafeText } from "./safe-text";

export function Card({
  title,
  children,
  actions,
}: {
  title?: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      {(title || actions) && (
        <div className="mb-4 flex items-center justify-between gap-4">
          {title && (
            <h2 className="text-base font-semibold text-slate-900">
              <SafeText text={title} />
            </h2>
          )}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
          <SafeText text={title} />
        </h1>
        {description && (
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            <SafeText text={description} />
          </p>
        )}
      </div>
      {actions}
    </div>
  );
}

const badgeTones: Record<string, string> = {
  critical: "bg-red-100 text-red-800 ring-red-200",
  high: "bg-orange-100 text-orange-800 ring-orange-200",
  medium: "bg-amber-100 text-amber-900 ring-amber-200",
  moderate: "bg-amber-100 text-amber-900 ring-amber-200",
  low: "bg-emerald-100 text-emerald-800 ring-emerald-200",
  info: "bg-sky-100 text-sky-800 ring-sky-200",
  neutral: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function Badge({ tone, children }: { tone: string; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${badgeTones[tone] ?? badgeTones.neutral}`}
    >
      {children}
    </span>
  );
}
