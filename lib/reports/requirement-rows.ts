import { SCENARIO_WORDS } from "@/lib/rules/describe";
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

function atLeast(args: {
  label: string;
  limit: number;
  value: number | null;
  unit: (n: number) => string;
}) {
  const { label, limit, value, unit } = args;
  return {
    label,
    required: `at least ${unit(limit)}`,
    answered: value === null ? "not answered" : unit(value),
    met: value === null ? null : value >= limit,
  };
}

const plural =
  (one: string, many = `${one}s`) =>
  (n: number) =>
    `${num.format(n)} ${n === 1 ? one : many}`;

export type TBuildRequirementRowsInput = {
  answers: TAnswers;
  requirements: TResolvedRequirements;
  asOf: string;
  /** The questions the assessment's questionnaire asks: rows about others are left out. */
  asked?: ReadonlySet<string>;
};

export function buildRequirementRows({
  answers,
  requirements,
  asOf,
  asked,
}: TBuildRequirementRowsInput): TRequirementRow[] {
  const facts = computeFacts({ answers, requirements, asOf });
  const numberAnswer = (id: string) => {
    const v = answers[id];
    return typeof v === "number" ? v : null;
  };
  const months = (n: number) => `${num.format(n)} month${n === 1 ? "" : "s"}`;
  const separation = facts.closestSeparationKm;
  const allowed = requirements.allowed_countries;
  const isAsked = (id: string) => !asked || asked.has(id);
  const protectedCopy = answers.backup_immutable === "yes" || answers.backup_offline_copy === "yes";
  const hours = plural("hour");
  const rows: TRequirementRow[] = [
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
    {
      ...atLeast({
        label: "Life of immutable or offline backup copies",
        limit: requirements.min_immutable_retention_days,
        value: protectedCopy ? facts.protectedRetentionDays : null,
        unit: plural("day"),
      }),
      ...(protectedCopy
        ? facts.protectedRetentionQuestion === "backup_retention_days"
          ? { answered: `${facts.protectedRetentionDays} days (the general backup retention)` }
          : {}
        : { answered: "no immutable or offline copy", met: false }),
    },
    atMost({
      label: "Customer notification after an incident",
      limit: requirements.max_notification_hours,
      value: numberAnswer("customer_notification_hours"),
      unit: hours,
    }),
  ];
  if (isAsked("power_autonomy_hours")) {
    rows.push(
      atLeast({
        label: "Run time on site power, grid down",
        limit: requirements.min_power_autonomy_hours,
        value: numberAnswer("power_autonomy_hours"),
        unit: hours,
      }),
    );
  }
  if (isAsked("failover_qualified_staff_count")) {
    rows.push(
      atLeast({
        label: "People able to lead failover and restore",
        limit: requirements.min_failover_staff_count,
        value: numberAnswer("failover_qualified_staff_count"),
        unit: plural("person", "people"),
      }),
    );
  }
  const mustCover = requirements.plan_must_cover;
  rows.push({
    label: "Scenarios the plan covers",
    required: mustCover.length ? mustCover.map(scenario).join(", ") : "no scenario required",
    answered:
      facts.planScopeMissing === null
        ? "not answered"
        : facts.planScopeMissing.length === 0
          ? "all required scenarios"
          : `missing ${facts.planScopeMissing.map(scenario).join(", ")}`,
    met: facts.planScopeMissing === null ? null : facts.planScopeMissing.length === 0,
  });
  if (isAsked("dr_test_recovery_minutes") || isAsked("full_restore_test_minutes")) {
    rows.push({
      ...atMost({
        label: "Measured recovery at full scale",
        limit: requirements.rto_minutes,
        value: facts.measuredRecoveryMinutes,
        unit: minutes,
      }),
      ...(facts.measuredRecoveryMinutes === null ? { answered: "not measured" } : {}),
    });
  }
  return rows;
}

const scenario = (s: string) => SCENARIO_WORDS[s] ?? s;
