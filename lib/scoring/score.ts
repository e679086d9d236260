import { SEVERITY_RANK, type TFlag, type TRating, type TSeverity } from "@/lib/rules/types";

/**
 * Share of the remaining room each flag takes away. Multiplying (1 - weight) over the
 * flags gives diminishing returns: a tenth medium finding costs less than the first.
 */
export const SEVERITY_WEIGHTS: Readonly<Record<TSeverity, number>> = {
  critical: 0.3,
  high: 0.15,
  medium: 0.08,
  low: 0.04,
  info: 0,
};

/**
 * Score band of each rating: any vendor rated worse always scores lower than any vendor
 * rated better, so a list sorted by score is also sorted by rating.
 */
export const RATING_BANDS: Readonly<Record<TRating, readonly [number, number]>> = {
  critical: [0, 40],
  high: [40, 70],
  medium: [70, 90],
  low: [90, 100],
};

export type TFlagsInput = { flags: readonly Pick<TFlag, "severity">[] };

/** The highest severity among the flags; "low" when none, or only low and info. */
export function getRating({ flags }: TFlagsInput): TRating {
  let rank = SEVERITY_RANK.low;
  for (const flag of flags) rank = Math.max(rank, SEVERITY_RANK[flag.severity]);
  if (rank >= SEVERITY_RANK.critical) return "critical";
  if (rank >= SEVERITY_RANK.high) return "high";
  return rank >= SEVERITY_RANK.medium ? "medium" : "low";
}

/**
 * 0-100, 100 meaning no risk found:
 * floor(bandLow + (bandHigh - bandLow) x prod(1 - weight of each flag)) in the rating's band.
 * Only a report without flags (or with info flags only) reaches 100.
 */
export function computeScore({ flags }: TFlagsInput): number {
  let remaining = 1;
  for (const flag of flags) remaining *= 1 - SEVERITY_WEIGHTS[flag.severity];
  const [low, high] = RATING_BANDS[getRating({ flags })];
  return Math.floor(low + (high - low) * remaining);
}
