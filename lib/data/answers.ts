import type { TAnswers } from "../rules/types";

type TAnswerRow = { questionId: string; value: unknown };

/** Answer rows → the engine's answers object. A cleared answer (JSON null) is absent. */
export function toAnswers(rows: readonly TAnswerRow[]): TAnswers {
  const out: Record<string, unknown> = {};
  for (const r of rows) if (r.value !== null && r.value !== undefined) out[r.questionId] = r.value;
  return out as TAnswers;
}

/** Questions whose answers differ between two answer sets (for reassessment review). */
export function diffAnswers({ before, after }: { before: TAnswers; after: TAnswers }): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...keys].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).sort();
}

export function addMonths(date: Date, months: number): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** How often each tier is reassessed. */
export const REASSESS_MONTHS = { critical: 6, high: 12, moderate: 24, low: 36 } as const;

export const todayIso = () => new Date().toISOString().slice(0, 10);
