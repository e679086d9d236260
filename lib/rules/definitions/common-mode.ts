import { notRaised, type TRuleDefinition } from "@/lib/rules/definitions/types";
import { describeThreshold, joinWords } from "@/lib/rules/describe";

// Contract 1.1: failures that reach every site at once, however far apart the sites are.
// Distance cannot help against one pushed change, one supplier, a recovery that needs the
// failed primary, or one identity system lost together with production.

const listed = (value: unknown): readonly string[] =>
  Array.isArray(value) ? (value as string[]) : [];
const wordsOf = (words: Record<string, string>, value: unknown) =>
  listed(value)
    .filter((v) => v in words)
    .map((v) => words[v] ?? v);

const CHANGE_WORDS: Record<string, string> = {
  application_release: "releases of the vendor's own software",
  configuration: "configuration (feature flags, routing, network or service settings)",
  infrastructure: "infrastructure changes (infrastructure as code, OS or hypervisor patches)",
  security_agent: "endpoint-security agents and the content updates their supplier pushes",
  management_agent: "remote-management agents that can run commands on every host",
};

const commonModeChange: TRuleDefinition = {
  code: "COMMON_MODE_CHANGE",
  title: "One pushed change can stop every site at once",
  questions: ["unstaged_changes"],
  variants: [
    {
      severity: "high",
      when: { question: "unstaged_changes", op: "includesAny", value: Object.keys(CHANGE_WORDS) },
    },
    {
      severity: "medium",
      when: { question: "unstaged_changes", op: "includes", value: "unknown" },
    },
  ],
  explain: ({ facts, severity }) =>
    severity === "medium"
      ? 'The vendor does not know which kinds of change reach every production site in one push (unstaged changes answered "unknown"): one bad update could stop every site at once, however far apart they are.'
      : `These changes reach every production site in one push, with no single site, canary share or ring first: ${joinWords(wordsOf(CHANGE_WORDS, facts.answers.unstaged_changes))}. One bad change can stop every site at once, however far apart they are, as a faulty endpoint-security update did worldwide in July 2024.`,
};

const SUPPLIER_WORDS: Record<string, string> = {
  network_carrier: "one network carrier",
  dns: "one external DNS provider",
  cdn: "one CDN or DDoS-protection provider",
  managed_service_provider: "one managed service provider",
};

const carrierInHazards = (answers: Record<string, unknown>) =>
  listed(answers.shared_hazards).includes("network_carrier");
const suppliersCount = (answers: Record<string, unknown>) =>
  wordsOf(SUPPLIER_WORDS, answers.single_source_suppliers).length > 0;

const fourthParty: TRuleDefinition = {
  code: "FOURTH_PARTY_SINGLE_POINT",
  title: "One supplier of the vendor can stop every site",
  questions: ["single_source_suppliers", "shared_hazards"],
  variants: [
    {
      severity: "high",
      when: {
        any: [
          {
            question: "single_source_suppliers",
            op: "includesAny",
            value: Object.keys(SUPPLIER_WORDS),
          },
          { question: "shared_hazards", op: "includes", value: "network_carrier" },
        ],
      },
    },
    // unknown among shared hazards is SHARED_HAZARD's to flag, not this code's.
    {
      severity: "medium",
      when: { question: "single_source_suppliers", op: "includes", value: "unknown" },
    },
  ],
  questionsFor: ({ facts, severity }) => [
    ...(severity === "medium" || suppliersCount(facts.answers) ? ["single_source_suppliers"] : []),
    ...(severity === "high" && carrierInHazards(facts.answers) ? ["shared_hazards"] : []),
  ],
  explain: ({ facts, severity }) => {
    if (severity === "medium") {
      return 'The vendor does not know which of its own suppliers every site depends on without a tested alternative (single-source suppliers answered "unknown"): one carrier, DNS or CDN outage might stop every site.';
    }
    const items = wordsOf(SUPPLIER_WORDS, facts.answers.single_source_suppliers);
    // A shared carrier is one fact, whichever question it was answered in.
    if (carrierInHazards(facts.answers) && !items.includes(SUPPLIER_WORDS.network_carrier ?? "")) {
      items.unshift("one network carrier (answered as a hazard the primary and secondary share)");
    }
    return `Every site depends on ${joinWords(items)}, with no tested alternative: one outage at that supplier of the vendor stops every site at once, as the Rogers network outage did in Canada in July 2022.`;
  },
};

const DEPENDENCY_WORDS: Record<string, string> = {
  control_plane: "the failed region's or provider's management APIs or console",
  dns: "authoritative DNS served from the primary",
  access_tooling:
    "access and administration tools (VPN, bastion hosts, deployment tools, secrets or key escrow) hosted on the primary",
  runbooks: "runbooks, contact lists or the incident chat kept only on primary systems",
};

// While SHARED_CONTROL_PLANE is raised, that code already covers the plane.
const countedDependencies = (facts: { answers: Record<string, unknown>; raisedCodes: string[] }) =>
  listed(facts.answers.recovery_dependencies).filter(
    (d) =>
      d in DEPENDENCY_WORDS &&
      (d !== "control_plane" || !facts.raisedCodes.includes("SHARED_CONTROL_PLANE")),
  );

const recoveryNeedsPrimary: TRuleDefinition = {
  code: "RECOVERY_NEEDS_PRIMARY",
  title: "Recovery needs something that fails with the primary",
  questions: ["recovery_dependencies", "shared_control_plane"],
  variants: [
    {
      severity: "high",
      when: {
        any: [
          {
            question: "recovery_dependencies",
            op: "includesAny",
            value: ["dns", "access_tooling", "runbooks"],
          },
          {
            all: [
              { question: "recovery_dependencies", op: "includes", value: "control_plane" },
              notRaised("SHARED_CONTROL_PLANE"),
            ],
          },
        ],
      },
    },
    {
      severity: "medium",
      when: {
        question: "recovery_dependencies",
        op: "includesAny",
        value: ["status_page", "unknown"],
      },
    },
  ],
  // The control plane counts only because SHARED_CONTROL_PLANE is silent: cite that answer too.
  questionsFor: ({ facts, severity }) => [
    "recovery_dependencies",
    ...(severity === "high" && countedDependencies(facts).includes("control_plane")
      ? ["shared_control_plane"]
      : []),
  ],
  explain: ({ facts, severity }) => {
    if (severity === "high") {
      const needs = countedDependencies(facts).map((d) => DEPENDENCY_WORDS[d] ?? d);
      return `Running a failover or a recovery needs ${joinWords(needs)}, which go down together with the primary: losing the primary also loses the means to recover it, as Facebook's engineers found in October 2021.`;
    }
    const deps = listed(facts.answers.recovery_dependencies);
    const parts: string[] = [];
    if (deps.includes("status_page")) {
      parts.push(
        "The status page or the system that sends incident notices is hosted on the primary: when the primary fails, customers hear nothing when they most need to.",
      );
    }
    if (deps.includes("unknown")) {
      parts.push(
        'The vendor does not know what its failover and recovery need from the primary site, region or provider (answered "unknown").',
      );
    }
    return parts.join(" ");
  },
};

const recoveryIdentityShared: TRuleDefinition = {
  code: "RECOVERY_IDENTITY_SHARED",
  title: "Recovery depends on the production identity system",
  questions: ["recovery_identity_independent"],
  variants: [
    {
      severity: "high",
      when: { question: "recovery_identity_independent", op: "equals", value: "no" },
    },
    {
      severity: "medium",
      when: { question: "recovery_identity_independent", op: "equals", value: "unknown" },
    },
  ],
  explain: ({ severity }) =>
    severity === "high"
      ? 'The people who fail over and restore sign in through the production identity system, with no separate recovery directory or offline break-glass accounts (answered "no"): if that directory is wiped, encrypted or compromised, nobody can run the recovery, as at Maersk in 2017.'
      : 'The vendor does not know whether failover and restore can be run without the production identity system (answered "unknown"): if that directory is wiped or compromised, nobody may be able to sign in to recover.',
};

const powerAutonomy: TRuleDefinition = {
  code: "POWER_AUTONOMY_SHORT",
  title: "Sites cannot run long enough on their own power",
  questions: ["power_autonomy_hours"],
  variants: [
    {
      severity: "medium",
      when: { question: "power_autonomy_hours", op: "lt", valueFact: "minPowerAutonomyHours" },
    },
  ],
  explain: ({ facts }) =>
    `The weakest primary or secondary site can run ${facts.answers.power_autonomy_hours} hours on its own power with the grid down and no fuel delivery; ${describeThreshold(facts, "min_power_autonomy_hours")}. A long grid outage can outlast the fuel, as in New York after Hurricane Sandy in 2012.`,
};

export const COMMON_MODE_RULES: readonly TRuleDefinition[] = [
  commonModeChange,
  fourthParty,
  recoveryNeedsPrimary,
  recoveryIdentityShared,
  powerAutonomy,
];
