import { SCENARIO_WORDS } from "@/lib/rules/describe";
import type { TResolvedRequirements } from "@/lib/scoring";

const shown = (value: number | null, unit: string) =>
  value === null ? "none" : `${value} ${unit}`;

/** The requirements an assessment is judged against; "(tier default)" where none was set. */
export function RequirementsList({ requirements: r }: { requirements: TResolvedRequirements }) {
  const from = (field: keyof TResolvedRequirements["sources"]) =>
    r.sources[field] === "requirement"
      ? ""
      : r.sources[field] === "policy"
        ? " (policy)"
        : " (tier default)";
  const rows: [string, string][] = [
    ["Tier", r.tier],
    ["RTO", `${shown(r.rto_minutes, "min")}${from("rto_minutes")}`],
    ["RPO", `${shown(r.rpo_minutes, "min")}${from("rpo_minutes")}`],
    ["Separation", `${r.min_separation_km} km${from("min_separation_km")}`],
    ["Test age", `${r.max_test_age_months} months${from("max_test_age_months")}`],
    ["Countries", r.allowed_countries.join(", ") || "any"],
    [
      "Immutable copies kept",
      `≥ ${r.min_immutable_retention_days} days${from("min_immutable_retention_days")}`,
    ],
    ["Customer notice", `≤ ${r.max_notification_hours} h${from("max_notification_hours")}`],
    ["Power autonomy", `≥ ${r.min_power_autonomy_hours} h${from("min_power_autonomy_hours")}`],
    ["Failover staff", `≥ ${r.min_failover_staff_count} people${from("min_failover_staff_count")}`],
    [
      "Plan must cover",
      `${r.plan_must_cover.map((s) => SCENARIO_WORDS[s] ?? s).join(", ") || "no scenario"}${from("plan_must_cover")}`,
    ],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className={label === "Tier" ? "capitalize" : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
