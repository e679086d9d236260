import { getCountryName } from "@/lib/questionnaires/countries";
import type { TRuleDefinition } from "@/lib/rules/definitions/types";

const country = (code: string) => `${getCountryName({ code })} (${code})`;

import {
  describePair,
  describeThreshold,
  formatKm,
  joinWords,
  labelSite,
} from "@/lib/rules/describe";
import { effectiveKm } from "@/lib/rules/facts";

// Where the data lives and how far apart: the Sidekick lesson is that two copies in one
// place, or behind one shared plane, are one copy.

const singleSite: TRuleDefinition = {
  code: "SINGLE_SITE",
  title: "The data lives in one place",
  questions: ["sites", "topology"],
  variants: [
    {
      severity: "critical",
      when: {
        any: [
          { fact: "placeCount", op: "lt", value: 2 },
          { question: "topology", op: "equals", value: "single_site" },
        ],
      },
    },
  ],
  questionsFor: ({ facts }) => [
    ...(facts.placeCount !== null && facts.placeCount < 2 ? ["sites"] : []),
    ...(facts.answers.topology === "single_site" ? ["topology"] : []),
  ],
  explain: ({ facts }) => {
    const parts: string[] = [];
    const [place] = facts.places;
    if (facts.placeCount === 0) parts.push("No sites are listed.");
    else if (facts.placeCount === 1 && place?.length === 1 && place[0]) {
      const site = place[0];
      parts.push(`Only one site is listed: ${labelSite(site)} in ${site.city}, ${site.country}.`);
    } else if (facts.placeCount === 1) {
      const links = facts.placeLinks.map(describePair);
      parts.push(`All ${facts.siteCount} sites are one place: ${joinWords(links)}.`);
    }
    if (facts.answers.topology === "single_site") {
      parts.push("The deployment is answered as single site.");
    }
    parts.push(
      "Losing that one place (fire, flood, power or provider outage) loses the service and the data with it.",
    );
    return parts.join(" ");
  },
};

const separation: TRuleDefinition = {
  code: "SITE_SEPARATION_INSUFFICIENT",
  title: "Primary and secondary sites are too close",
  questions: ["sites"],
  variants: [
    // A secondary in the same place is no separation at all, whatever the limit.
    { severity: "critical", when: { fact: "closestSeparationSamePlace", op: "isTrue" } },
    {
      severity: "high",
      when: { fact: "closestSeparationKm", op: "lt", valueFact: "minSeparationKm" },
    },
  ],
  explain: ({ facts }) => {
    const close = facts.nearestSecondaryByPrimary.filter(
      (pair) => pair.samePlace !== null || effectiveKm(pair) < facts.minSeparationKm,
    );
    return `${joinWords(close.map(describePair))}; ${describeThreshold(facts, "min_separation_km")}. One regional event (flood, earthquake, grid failure) could take out both.`;
  },
};

const claimMismatch: TRuleDefinition = {
  code: "SEPARATION_CLAIM_MISMATCH",
  title: "Declared site separation does not match the coordinates",
  questions: ["declared_min_separation_km", "sites"],
  variants: [
    {
      severity: "medium",
      when: {
        all: [
          { fact: "separationClaimGapKm", op: "gt", value: 10 },
          { fact: "separationClaimGapRatio", op: "gt", value: 0.25 },
        ],
      },
    },
  ],
  explain: ({ facts }) => {
    const pair = facts.closestPair;
    const declared = facts.answers.declared_min_separation_km;
    if (!pair) return "";
    const pct = Math.round((facts.separationClaimGapRatio ?? 0) * 100);
    const share = Number.isFinite(pct) ? ` (${pct}% of the computed distance)` : "";
    return `The declared separation is ${declared} km, but the closest primary-secondary pair, ${labelSite(pair.from)} and ${labelSite(pair.to)}, is ${formatKm(pair.km)} apart by its coordinates: a difference of ${formatKm(facts.separationClaimGapKm ?? 0)}${share}. Ask which figure is right.`;
  },
};

const HAZARD_WORDS: Record<string, string> = {
  flood_plain: "a flood plain",
  seismic_zone: "a seismic zone",
  power_grid: "a power grid",
};

const sharedHazard: TRuleDefinition = {
  code: "SHARED_HAZARD",
  title: "Primary and secondary sites share a natural or utility hazard",
  questions: ["shared_hazards"],
  variants: [
    {
      severity: "high",
      when: {
        question: "shared_hazards",
        op: "includesAny",
        value: ["flood_plain", "seismic_zone", "power_grid"],
      },
    },
    { severity: "medium", when: { question: "shared_hazards", op: "includes", value: "unknown" } },
  ],
  explain: ({ facts, severity }) => {
    const answered = (facts.answers.shared_hazards ?? []) as readonly string[];
    const shared = answered.filter((h) => h in HAZARD_WORDS).map((h) => HAZARD_WORDS[h] ?? h);
    if (severity === "medium") {
      return 'The vendor does not know which hazards its primary and secondary sites share (answered "unknown"), so one flood, earthquake or grid failure may hit both.';
    }
    return `The primary and secondary sites share ${joinWords(shared)}: one event can hit both at once.`;
  },
};

const sharedControlPlane: TRuleDefinition = {
  code: "SHARED_CONTROL_PLANE",
  title: "One control plane can take down every site",
  questions: ["shared_control_plane"],
  variants: [
    { severity: "high", when: { question: "shared_control_plane", op: "equals", value: "yes" } },
    {
      severity: "medium",
      when: { question: "shared_control_plane", op: "equals", value: "unknown" },
    },
  ],
  explain: ({ severity }) =>
    severity === "high"
      ? "The vendor says one management, orchestration or identity plane serves every site: its failure or compromise stops all sites at once, however far apart they are."
      : 'The vendor does not know whether one management, orchestration or identity plane serves every site (answered "unknown"); if it does, its failure stops all sites at once.',
};

const capacity: TRuleDefinition = {
  code: "FAILOVER_CAPACITY_SHORTFALL",
  title: "The secondary site cannot carry the production load",
  questions: ["secondary_capacity_pct"],
  variants: [
    { severity: "medium", when: { question: "secondary_capacity_pct", op: "lt", value: 50 } },
  ],
  explain: ({ facts }) =>
    `After failover the secondary site carries ${facts.answers.secondary_capacity_pct}% of production load, under the 50% needed to run the service in a degraded but usable state.`,
};

const residency: TRuleDefinition = {
  code: "DATA_RESIDENCY_VIOLATION",
  title: "Data is held in a country you do not allow",
  questions: ["sites", "subprocessors"],
  variants: [{ severity: "high", when: { fact: "residencyViolationCount", op: "gt", value: 0 } }],
  questionsFor: ({ facts }) => [
    ...(facts.residencyViolations.some((v) => v.kind === "site") ? ["sites"] : []),
    ...(facts.residencyViolations.some((v) => v.kind === "subprocessor") ? ["subprocessors"] : []),
  ],
  explain: ({ facts }) => {
    const where = facts.residencyViolations.map(
      (v) => `${v.kind === "site" ? "site" : "subprocessor"} ${v.name} is in ${country(v.country)}`,
    );
    const allowed = joinWords(facts.requirements.allowed_countries.map(country), "or");
    return `The data must stay in ${allowed}, but ${joinWords(where)}.`;
  },
};

const concentration: TRuleDefinition = {
  code: "PROVIDER_CONCENTRATION",
  title: "Every site depends on one provider",
  questions: ["sites"],
  variants: [{ severity: "medium", when: { fact: "sharedProvider", op: "answered" } }],
  explain: ({ facts }) => {
    const who =
      facts.siteCount === 1
        ? "The only listed site names"
        : `All ${facts.siteCount} listed sites name`;
    return `${who} the same provider, ${facts.sharedProvider}: an outage, dispute or insolvency of that provider reaches every copy.`;
  },
};

export const SITE_RULES: readonly TRuleDefinition[] = [
  singleSite,
  separation,
  claimMismatch,
  sharedHazard,
  sharedControlPlane,
  capacity,
  residency,
  concentration,
];
