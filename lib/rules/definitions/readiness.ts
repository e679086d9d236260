import { BACKUPS_EXIST, notRaised, type TRuleDefinition } from "@/lib/rules/definitions/types";
import {
  describeThreshold,
  formatMinutes,
  joinWords,
  labelSite,
  SCENARIO_WORDS,
} from "@/lib/rules/describe";
import type { TFacts } from "@/lib/rules/facts";

// Contract 1.1: whether recovery is ready in practice. Protected copies that outlive an
// intruder, backups away from the primary's provider, measured (not claimed) recovery
// times, enough trained people, a plan that covers the buyer's scenarios, timely notice
// and an export the buyer can read.

const immutableRetention: TRuleDefinition = {
  code: "IMMUTABLE_RETENTION_SHORT",
  title: "Protected backup copies expire before an intruder would be found",
  questions: ["immutable_retention_days", "backup_retention_days"],
  guard: BACKUPS_EXIST,
  variants: [
    {
      severity: "high",
      when: {
        all: [
          {
            any: [
              { question: "backup_immutable", op: "equals", value: "yes" },
              { question: "backup_offline_copy", op: "equals", value: "yes" },
            ],
          },
          // Mutable backups are deletable whatever their age: BACKUPS_MUTABLE covers them.
          notRaised("BACKUPS_MUTABLE"),
          {
            fact: "protectedRetentionDays",
            op: "lt",
            valueFact: "minImmutableRetentionDays",
          },
        ],
      },
    },
  ],
  questionsFor: ({ facts }) => [
    facts.protectedRetentionQuestion ?? "immutable_retention_days",
    ...(["backup_immutable", "backup_offline_copy"] as const).filter(
      (q) => facts.answers[q] === "yes",
    ),
  ],
  explain: ({ facts }) => {
    const days = facts.protectedRetentionDays;
    const kept =
      facts.protectedRetentionQuestion === "immutable_retention_days"
        ? `Each immutable or offline backup copy is kept ${days} days before it can be deleted or overwritten`
        : `No retention is given for the immutable or offline copies, so the backup retention of ${days} days stands for it`;
    return `${kept}; ${describeThreshold(facts, "min_immutable_retention_days")}. An intrusion that stays hidden longer than that, as ransomware crews often do, leaves no clean copy to restore from.`;
  },
};

const sameProviderPairs = (facts: TFacts) =>
  facts.backupSites.map((b) => {
    const primary = facts.primaries.find((p) => p.provider === b.provider);
    return `backup site ${labelSite(b)} and primary ${primary ? labelSite(primary) : "?"} are both with ${b.provider}`;
  });

const backupSameProvider: TRuleDefinition = {
  code: "BACKUP_SAME_PROVIDER",
  title: "Backups are kept with the primary's provider",
  questions: ["backup_site_ids", "sites"],
  guard: BACKUPS_EXIST,
  variants: [
    {
      severity: "medium",
      when: {
        all: [
          { fact: "backupAllSameProviderAsPrimary", op: "isTrue" },
          // Every site with one provider is PROVIDER_CONCENTRATION's finding; one shared
          // cloud account is BACKUP_SAME_CREDENTIALS' (one account means one provider).
          notRaised("PROVIDER_CONCENTRATION"),
          {
            not: { question: "backup_shared_dependencies", op: "includes", value: "cloud_account" },
          },
        ],
      },
    },
  ],
  explain: ({ facts }) =>
    `Every backup site is with the same provider as a primary site: ${joinWords(sameProviderPairs(facts))}. A deletion, an account suspension or a compromise on the provider's side can take production and every backup together.`,
};

const FIGURE_WORDS = {
  dr_test_recovery_minutes: "the last failover exercise took",
  full_restore_test_minutes: "the last full-environment restore test took",
} as const;

const describeMeasured = (facts: TFacts) =>
  joinWords(
    facts.measuredRecoveries.map((m) => `${FIGURE_WORDS[m.question]} ${formatMinutes(m.minutes)}`),
  );

const measuredRecovery: TRuleDefinition = {
  code: "MEASURED_RECOVERY_EXCEEDS_RTO",
  title: "Measured recovery takes longer than the RTO",
  questions: ["dr_test_recovery_minutes", "full_restore_test_minutes", "rto_minutes"],
  // An answered RTO above the requirement is RTO_EXCEEDS_REQUIREMENT's shortfall.
  guard: {
    all: [
      { fact: "measuredRecoveryMinutes", op: "answered" },
      { not: { question: "rto_minutes", op: "gt", valueFact: "rtoLimitMinutes" } },
    ],
  },
  variants: [
    {
      severity: "high",
      when: { fact: "measuredRecoveryMinutes", op: "gt", valueFact: "rtoLimitMinutes" },
    },
    {
      // Above only the vendor's own claim; when the vendor already says its test missed
      // its objectives, DR_TEST_FAILED_OBJECTIVES says it.
      severity: "medium",
      when: {
        all: [
          { question: "rto_minutes", op: "lt", valueFact: "measuredRecoveryMinutes" },
          notRaised("DR_TEST_FAILED_OBJECTIVES"),
        ],
      },
    },
  ],
  questionsFor: ({ facts, severity }) => {
    const limit =
      severity === "high" ? facts.rtoLimitMinutes : (facts.answers.rto_minutes as number);
    const over = facts.measuredRecoveries
      .filter((m) => limit !== null && m.minutes > limit)
      .map((m) => m.question);
    if (severity === "high") return over;
    const met = facts.answers.dr_test_met_objectives === "yes" ? ["dr_test_met_objectives"] : [];
    return [...over, "rto_minutes", ...met];
  },
  explain: ({ facts, severity }) => {
    const measured = describeMeasured(facts);
    const larger =
      facts.measuredRecoveries.length > 1
        ? `; the longer, ${formatMinutes(facts.measuredRecoveryMinutes ?? 0)}, counts`
        : "";
    if (severity === "high") {
      return `Measured at full scale, ${measured}${larger}; ${describeThreshold(facts, "rto_minutes")}. A real recovery is likely to take longer than the buyer can accept, whatever RTO the vendor states.`;
    }
    const met =
      facts.answers.dr_test_met_objectives === "yes"
        ? ", although the vendor says its last exercise met its objectives"
        : "";
    return `Measured at full scale, ${measured}${larger}: longer than the vendor's own RTO of ${formatMinutes(facts.answers.rto_minutes as number)}${met}. The stated RTO is not borne out by the tests.`;
  },
};

const keyPerson: TRuleDefinition = {
  code: "KEY_PERSON_DEPENDENCY",
  title: "Too few people can lead the recovery",
  questions: ["failover_qualified_staff_count"],
  variants: [
    {
      severity: "high",
      when: {
        all: [
          {
            question: "failover_qualified_staff_count",
            op: "lt",
            valueFact: "minFailoverStaffCount",
          },
          { question: "failover_qualified_staff_count", op: "lte", value: 1 },
        ],
      },
    },
    {
      severity: "medium",
      when: {
        question: "failover_qualified_staff_count",
        op: "lt",
        valueFact: "minFailoverStaffCount",
      },
    },
  ],
  explain: ({ facts }) => {
    const count = facts.answers.failover_qualified_staff_count as number;
    const who =
      count === 0 ? "Nobody can" : count === 1 ? "Only one person can" : `Only ${count} people can`;
    const risk =
      count <= 1
        ? "One absent or exhausted person stops the recovery."
        : "A holiday, an illness or a recovery that runs for days can leave nobody rested to lead it.";
    return `${who} lead the failover and the restore without help; ${describeThreshold(facts, "min_failover_staff_count")}. ${risk}`;
  },
};

const planScope: TRuleDefinition = {
  code: "PLAN_SCOPE_GAP",
  title: "The plan does not cover scenarios you require",
  questions: ["plan_covers"],
  variants: [
    {
      severity: "medium",
      when: {
        all: [
          // plan_exists = yes is exactly when NO_BCDR_PLAN is silent.
          { question: "plan_exists", op: "equals", value: "yes" },
          { fact: "planScopeMissingCount", op: "gt", value: 0 },
        ],
      },
    },
  ],
  explain: ({ facts }) => {
    const missing = (facts.planScopeMissing ?? []).map((s) => SCENARIO_WORDS[s] ?? s);
    return `The plan has no procedure for ${joinWords(missing)}; ${describeThreshold(facts, "plan_must_cover")}. Recovery from ${missing.length === 1 ? "that scenario" : "those scenarios"} would be improvised on the day.`;
  },
};

const notification: TRuleDefinition = {
  code: "NOTIFICATION_TOO_SLOW",
  title: "Customers would hear of an incident too late",
  questions: ["customer_notification_hours"],
  variants: [
    {
      severity: "medium",
      when: {
        question: "customer_notification_hours",
        op: "gt",
        valueFact: "maxNotificationHours",
      },
    },
    { severity: "low", when: { question: "customer_notification_hours", op: "absent" } },
  ],
  explain: ({ facts, severity }) =>
    severity === "low"
      ? `How soon customers hear of an incident is not answered; ${describeThreshold(facts, "max_notification_hours")}.`
      : `Customers hear of a service-affecting incident up to ${facts.answers.customer_notification_hours} hours after it is detected; ${describeThreshold(facts, "max_notification_hours")}. Until then the buyer cannot start its own continuity plan.`,
};

const exportProprietary: TRuleDefinition = {
  code: "EXPORT_PROPRIETARY_ONLY",
  title: "Exports come only in a format the vendor's software reads",
  questions: ["export_formats"],
  variants: [
    {
      severity: "low",
      when: {
        all: [
          { fact: "exportProprietaryOnly", op: "isTrue" },
          // With no export at all, NO_CUSTOMER_EXPORT covers it.
          { question: "customer_export", op: "notEquals", value: "none" },
        ],
      },
    },
  ],
  explain: () =>
    'The only export format is "proprietary", which only the vendor\'s own software reads: the buyer cannot read its data elsewhere or move it to another provider if the vendor fails.',
};

export const READINESS_RULES: readonly TRuleDefinition[] = [
  immutableRetention,
  backupSameProvider,
  measuredRecovery,
  keyPerson,
  planScope,
  notification,
  exportProprietary,
];
