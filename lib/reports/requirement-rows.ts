import { computeFacts } from "@/lib/rules/facts";
import type { TAnswers } from "@/lib/rules/types";
import type { TResolvedRequirements } from "@/lib/scoring/tiers";
import type { TRequirementRow } from "./types";

// Requirement against answer, judged with the engine's own facts (computed distances and
// calendar ages), so the report never disagrees with the flags beside it.

const num = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const minutes = (m: number) => (m >= 120 && m % 60 === 0 ? `${m / 60} h` : `${num.format(m)} min`);

function atMost(args: {
  label: string;
  limit: number | null;
  value: number | null;
  unit: (n: number) => string;
}) {
  const { label, limit, value, unit } = args;
  return {
    label,
    required: limit === null ? "no limit" : `at most ${unit(limit)}`,
    answered: value === null ? "not answered" : unit(value),
    met: limit === null ? true : value === null ? null : value <= limit,
  };
}

export type TBuildRequirementRowsInput = {
  answers: TAnswers;
  requirements: TResolvedRequirements;
  asOf: string;
};

export function buildRequirementRows({
  answers,
  requirements,
  asOf,
}: TBuildRequirementRowsInput): TRequirementRow[] {
  const facts = computeFacts({ answers, requirements, asOf });
  const numberAnswer = (id: string) => {
    const v = answers[id];
    return typeof v === "number" ? v : null;
  };
  const months = (n: number) => `${num.format(n)} month${n === 1 ? "" : "s"}`;
  const separation = facts.closestSeparationKm;
  const allowed = requirements.allowed_countries;
  return [
    atMost({
      label: "Recovery time (RTO)",
      limit: requirements.rto_minutes,
      value: numberAnswer("rto_minutes"),
      unit: minutes,
    }),
    atMost({
      label: "Recovery point (RPO)",
      limit: requirements.rpo_minutes,
      value: numberAnswer("rpo_minutes"),
      unit: minutes,
    }),
    {
      label: "Site separation (primary to secondary)",
      required: `at least ${num.format(requirements.min_separation_km)} km`,
      answered:
        separation === null
          ? "no primary/secondary pair"
          : `${num.format(separation)} km${facts.closestSeparationSamePlace ? " (same place)" : ""}`,
      met: separation === null ? false : separation >= requirements.min_separation_km,
    },
    atMost({
      label: "Age of last DR test",
      limit: requirements.max_test_age_months,
      value: facts.drTestAgeMonths,
      unit: months,
    }),
    atMost({
      label: "Age of last restore test",
      limit: requirements.max_test_age_months,
      value: facts.restoreTestAgeMonths,
      unit: months,
    }),
    {
      label: "Data residency",
      required: allowed.length ? `only in ${allowed.join(", ")}` : "any country",
      answered:
        facts.residencyViolationCount === 0
          ? "all sites and subprocessors allowed"
          : facts.residencyViolations.map((v) => `${v.name} (${v.country})`).join(", "),
      met: facts.residencyViolationCount === 0,
    },
  ];
}
