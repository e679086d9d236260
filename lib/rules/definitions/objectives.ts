import { BACKUPS_EXIST, type TRuleDefinition } from "@/lib/rules/definitions/types";
import { describeThreshold, formatMinutes, joinWords } from "@/lib/rules/describe";

// Recovery objectives against the buyer's needs, and against the vendor's own other answers.

const objective = (kind: "RTO" | "RPO"): TRuleDefinition => {
  const question = kind === "RTO" ? "rto_minutes" : "rpo_minutes";
  const limit = kind === "RTO" ? "rtoLimitMinutes" : "rpoLimitMinutes";
  const meaning =
    kind === "RTO" ? "the service could stay down longer" : "more recent data could be lost";
  return {
    code: kind === "RTO" ? "RTO_EXCEEDS_REQUIREMENT" : "RPO_EXCEEDS_REQUIREMENT",
    title: `The vendor's ${kind} is longer than required`,
    questions: [question],
    variants: [
      { severity: "high", when: { question, op: "gt", valueFact: limit } },
      {
        severity: "medium",
        when: {
          all: [
            { fact: limit, op: "answered" },
            { question, op: "absent" },
          ],
        },
      },
    ],
    explain: ({ facts, severity }) => {
      const threshold = describeThreshold(facts, question);
      if (severity === "medium") return `The vendor gives no ${kind}; ${threshold}.`;
      const value = facts.answers[question] as number;
      return `The vendor's ${kind} is ${formatMinutes(value)}; ${threshold}: ${meaning} than the buyer can accept.`;
    },
  };
};

const rpoClaim: TRuleDefinition = {
  code: "RPO_CLAIM_INCONSISTENT",
  title: "The RPO is shorter than backups and replication allow",
  questions: ["rpo_minutes", "backup_frequency_hours", "replication_mode"],
  guard: BACKUPS_EXIST,
  variants: [
    {
      severity: "high",
      when: {
        all: [
          { question: "rpo_minutes", op: "lt", valueFact: "backupIntervalMinutes" },
          { question: "replication_mode", op: "in", value: ["snapshot", "none"] },
        ],
      },
    },
  ],
  explain: ({ facts }) => {
    const { rpo_minutes, backup_frequency_hours, replication_mode } = facts.answers;
    return `The stated RPO is ${formatMinutes(rpo_minutes as number)}, but backups run only every ${backup_frequency_hours} hours and replication is "${replication_mode}", which does not copy every change: up to a full backup interval of data could be lost.`;
  },
};

const rtoClaim: TRuleDefinition = {
  code: "RTO_CLAIM_INCONSISTENT",
  title: "An RTO under an hour is not credible with this failover",
  questions: ["rto_minutes", "failover_mode", "secondary_capacity_pct"],
  variants: [
    {
      severity: "medium",
      when: {
        all: [
          { question: "rto_minutes", op: "lt", value: 60 },
          {
            any: [
              { question: "failover_mode", op: "in", value: ["manual", "none"] },
              { question: "secondary_capacity_pct", op: "lt", value: 50 },
            ],
          },
        ],
      },
    },
  ],
  questionsFor: ({ facts }) => ["rto_minutes", ...rtoReasons(facts.answers).map((r) => r.question)],
  explain: ({ facts }) => {
    const reasons = rtoReasons(facts.answers).map((r) => r.text);
    return `The stated RTO is ${formatMinutes(facts.answers.rto_minutes as number)}, yet ${joinWords(reasons)}: recovery within the hour is unlikely.`;
  },
};

function rtoReasons(answers: Record<string, unknown>) {
  const reasons: { question: string; text: string }[] = [];
  const mode = answers.failover_mode;
  if (mode === "manual") reasons.push({ question: "failover_mode", text: "failover is manual" });
  if (mode === "none") reasons.push({ question: "failover_mode", text: "there is no failover" });
  const pct = answers.secondary_capacity_pct;
  if (typeof pct === "number" && pct < 50) {
    reasons.push({
      question: "secondary_capacity_pct",
      text: `the secondary carries only ${pct}% of the load`,
    });
  }
  return reasons;
}

const noExport: TRuleDefinition = {
  code: "NO_CUSTOMER_EXPORT",
  title: "The buyer cannot get its own data out",
  questions: ["customer_export"],
  variants: [
    { severity: "medium", when: { question: "customer_export", op: "equals", value: "none" } },
  ],
  explain: () =>
    'Customer export is answered "none": if the vendor fails or leaves the market, the buyer has no way to retrieve its data or move to another provider.',
};

export const OBJECTIVE_RULES: readonly TRuleDefinition[] = [
  objective("RTO"),
  objective("RPO"),
  rpoClaim,
  rtoClaim,
  noExport,
];
