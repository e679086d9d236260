import type { TFacts, TSitePair } from "@/lib/rules/facts";
import type { TSite } from "@/lib/rules/types";
import type { TRequirementField, TResolvedRequirements } from "@/lib/scoring/tiers";

// Wording helpers for flag details: figures a procurement officer can quote back.

export function formatKm(km: number): string {
  if (!Number.isFinite(km)) return `${km} km`;
  return `${km < 10 ? km.toFixed(2) : km.toFixed(1)} km`;
}

/** A site as a reader knows it: by its name (its id, "site-3", means nothing to a reviewer). */
export function labelSite(site: TSite): string {
  return site.name.trim() || site.city.trim() || site.id;
}

/** ["a", "b", "c"] -> "a, b and c" */
export function joinWords(words: readonly string[], last = "and"): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} ${last} ${words[words.length - 1]}`;
}

export function formatMonths(months: number): string {
  return months === 1 ? "1 month" : `${months} months`;
}

export function formatMinutes(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) {
    const days = minutes / 1440;
    return `${minutes} minutes (${days} day${days === 1 ? "" : "s"})`;
  }
  if (minutes >= 60 && minutes % 60 === 0) {
    const hours = minutes / 60;
    return `${minutes} minutes (${hours} hour${hours === 1 ? "" : "s"})`;
  }
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The words of plan_covers options, for plan scope findings. */
export const SCENARIO_WORDS: Readonly<Record<string, string>> = {
  site_loss: "loss of a site",
  region_loss: "loss of a whole region",
  ransomware: "ransomware or a destructive attack",
  provider_failure: "failure of a hosting or cloud provider",
  data_corruption: "data corruption or mistaken deletion",
  staff_loss: "loss of key staff",
};

const UNITS: Record<TRequirementField, (value: never) => string> = {
  rto_minutes: formatMinutes,
  rpo_minutes: formatMinutes,
  min_separation_km: (km: number) => `${km} km`,
  max_test_age_months: formatMonths,
  min_immutable_retention_days: (days: number) => plural(days, "day"),
  max_notification_hours: (hours: number) => plural(hours, "hour"),
  min_power_autonomy_hours: (hours: number) => plural(hours, "hour"),
  min_failover_staff_count: (people: number) => plural(people, "person", "people"),
  plan_must_cover: (list: readonly string[]) =>
    list.length === 0 ? "no scenario" : joinWords(list.map((s) => SCENARIO_WORDS[s] ?? s)),
};

/** One requirement's value in words: "100 km", "4 hours", "no scenario", "none" (null). */
export function formatRequirement<F extends TRequirementField>(
  field: F,
  value: TResolvedRequirements[F],
): string {
  return value === null ? "none" : (UNITS[field] as (v: typeof value) => string)(value);
}

/** "your requirement is 100 km" / "the default for high-tier vendors is 100 km" / ... */
export function describeThreshold(facts: TFacts, field: TRequirementField): string {
  const { requirements } = facts;
  const shown = formatRequirement(field, requirements[field]);
  switch (requirements.sources[field]) {
    case "requirement":
      return `your requirement is ${shown}`;
    case "policy":
      return `your organisation's policy for ${requirements.tier}-tier vendors is ${shown}`;
    default:
      return `the default for ${requirements.tier}-tier vendors is ${shown}`;
  }
}

/** "Main (p) and Backup (b) are the same place: both in facility PA-1" */
export function describePair(pair: TSitePair): string {
  const both = `${labelSite(pair.from)} and ${labelSite(pair.to)}`;
  if (pair.from === pair.to) return `${labelSite(pair.from)} is itself a primary site`;
  if (pair.samePlace === "facility") {
    return `${both} are the same place: both in facility ${pair.from.facility?.trim()}`;
  }
  if (pair.samePlace === "distance") {
    return `${both} are the same place: only ${formatKm(pair.km)} apart`;
  }
  if (pair.samePlace === "chain") {
    const via = joinWords((pair.via ?? []).map(labelSite));
    return `${both} are the same place: ${formatKm(pair.km)} apart, but linked through ${via}, each sharing a facility with or lying under 1 km from the next`;
  }
  return `${both} are ${formatKm(pair.km)} apart`;
}

export function quote(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

/** `immutable copy answered "no"` / `immutable copy not answered` */
export function describeYesNo(value: unknown, subject: string): string {
  return value === undefined ? `${subject} not answered` : `${subject} answered ${quote(value)}`;
}
