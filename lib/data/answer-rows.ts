import type { TAnswers } from "../rules/types";

type TAnswerRow = { questionId: string; value: unknown; awaitingConfirmation?: boolean };

/**
 * Answer rows → the engine's answers object. A cleared answer (JSON null) is absent, and so is
 * one carried in and not yet confirmed by the vendor (lib/data/carry-answers.ts): it is no
 * answer of theirs until they confirm it.
 */
export function toAnswers(rows: readonly TAnswerRow[]): TAnswers {
  const out: Record<string, unknown> = {};
  for (const r of rows)
    if (r.value !== null && r.value !== undefined && !r.awaitingConfirmation)
      out[r.questionId] = r.value;
  return out as TAnswers;
}

/** Questions whose answers differ between two answer sets (for reassessment review). */
export function diffAnswers({ before, after }: { before: TAnswers; after: TAnswers }): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...keys].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).sort();
}
