import { BACKUPS_EXIST, type TRuleDefinition } from "@/lib/rules/definitions/types";
import {
  describePair,
  describeThreshold,
  describeYesNo,
  formatKm,
  formatMonths,
  joinWords,
} from "@/lib/rules/describe";
import { effectiveKm } from "@/lib/rules/facts";

// Backups must survive whatever destroys production: the same storage, the same login,
// the same building or a replicated corruption all make the copy fail with the original.

const DEPENDENCY_WORDS: Record<string, string> = {
  storage_system: "the storage system",
  database_cluster: "the database cluster",
  backup_software_on_primary: "the backup catalog/controller running on primary infrastructure",
  cloud_account: "the cloud account",
  credentials: "the administrator credentials",
};

const sharedDeps = (answers: Record<string, unknown>, keys: readonly string[]) =>
  ((answers.backup_shared_dependencies ?? []) as readonly string[])
    .filter((d) => keys.includes(d))
    .map((d) => DEPENDENCY_WORDS[d] ?? d);

const noBackups: TRuleDefinition = {
  code: "NO_BACKUPS",
  title: "No backups are confirmed",
  questions: ["backup_exists"],
  variants: [
    { severity: "critical", when: { question: "backup_exists", op: "notEquals", value: "yes" } },
  ],
  explain: ({ facts }) => {
    const value = facts.answers.backup_exists;
    const why =
      value === "no"
        ? "The vendor keeps no backups of the buyer's data."
        : value === "unknown"
          ? 'The vendor does not know whether backups of the buyer\'s data exist (answered "unknown").'
          : "Whether backups of the buyer's data exist is not answered.";
    return `${why} A deletion, corruption or ransomware attack could then be permanent.`;
  },
};

const sharedDependency: TRuleDefinition = {
  code: "BACKUP_SHARED_DEPENDENCY",
  title: "Backups depend on the same infrastructure as production",
  questions: ["backup_shared_dependencies"],
  guard: BACKUPS_EXIST,
  variants: [
    {
      severity: "critical",
      when: {
        question: "backup_shared_dependencies",
        op: "includesAny",
        value: ["storage_system", "database_cluster", "backup_software_on_primary"],
      },
    },
    {
      severity: "medium",
      when: { question: "backup_shared_dependencies", op: "includes", value: "unknown" },
    },
  ],
  explain: ({ facts, severity }) => {
    if (severity === "medium") {
      return 'The vendor does not know what its backups share with production (answered "unknown"): a single storage or database failure might destroy both.';
    }
    const keys = ["storage_system", "database_cluster", "backup_software_on_primary"];
    return `Backups share ${joinWords(sharedDeps(facts.answers, keys))} with production: one failure can take the data and its backups together, as in the 2009 Sidekick loss.`;
  },
};

const sameCredentials: TRuleDefinition = {
  code: "BACKUP_SAME_CREDENTIALS",
  title: "One compromised login can delete production and backups",
  questions: ["backup_shared_dependencies"],
  guard: BACKUPS_EXIST,
  variants: [
    {
      severity: "critical",
      when: {
        question: "backup_shared_dependencies",
        op: "includesAny",
        value: ["cloud_account", "credentials"],
      },
    },
  ],
  explain: ({ facts }) =>
    `Backups sit behind ${joinWords(sharedDeps(facts.answers, ["cloud_account", "credentials"]))} used for production: an attacker or a mistaken administrator with that access can delete both.`,
};

const colocated: TRuleDefinition = {
  code: "BACKUP_COLOCATED",
  title: "Backups are kept where production runs",
  questions: ["backup_site_ids", "sites"],
  guard: BACKUPS_EXIST,
  variants: [
    { severity: "critical", when: { fact: "backupAllSamePlace", op: "isTrue" } },
    {
      severity: "high",
      when: { fact: "backupFarthestKm", op: "lt", valueFact: "minSeparationKm" },
    },
  ],
  explain: ({ facts, severity }) => {
    const pairs = facts.nearestPrimaryByBackupSite.map(describePair);
    if (severity === "critical") {
      return `${joinWords(pairs)}. Every backup copy is in the same place as production, so losing that place loses the backups too.`;
    }
    const farthest = Math.max(...facts.nearestPrimaryByBackupSite.map(effectiveKm));
    return `${joinWords(pairs)}; ${describeThreshold(facts, "min_separation_km")}. No backup copy is at least that far from production (the farthest is ${formatKm(farthest)}).`;
  },
};

const mutable: TRuleDefinition = {
  code: "BACKUPS_MUTABLE",
  title: "Every backup copy can be altered or deleted",
  questions: ["backup_immutable", "backup_offline_copy"],
  guard: BACKUPS_EXIST,
  variants: [
    {
      severity: "high",
      when: {
        all: [
          { question: "backup_immutable", op: "in", value: ["no", "unknown"] },
          { question: "backup_offline_copy", op: "in", value: ["no", "unknown"] },
        ],
      },
    },
  ],
  explain: ({ facts }) =>
    `No copy is confirmed immutable (${describeYesNo(facts.answers.backup_immutable, "immutable copy")}) and none offline (${describeYesNo(facts.answers.backup_offline_copy, "offline copy")}): ransomware or a rogue administrator can encrypt or delete every backup.`,
};

const corruption: TRuleDefinition = {
  code: "CORRUPTION_PROPAGATES",
  title: "A corruption or deletion reaches the copies too",
  questions: ["replication_mode", "point_in_time_recovery"],
  // No backups guard: this reads replication, and a replica corrupts along with production
  // whether or not backups exist (contract 1.1, clarified).
  variants: [
    {
      severity: "high",
      when: {
        all: [
          { fact: "copiesEveryChange", op: "isTrue" },
          { question: "point_in_time_recovery", op: "notEquals", value: "yes" },
        ],
      },
    },
  ],
  explain: ({ facts }) =>
    `Replication is ${facts.answers.replication_mode}, so it copies every change, including a corruption or a mistaken deletion, and point-in-time recovery is not confirmed (${describeYesNo(facts.answers.point_in_time_recovery, "point-in-time recovery")}).`,
};

const restoreNever: TRuleDefinition = {
  code: "RESTORE_NEVER_TESTED",
  title: "Restoring from backup has never been tested",
  questions: ["restore_test_last_date", "restore_test_scope"],
  guard: BACKUPS_EXIST,
  variants: [
    {
      severity: "critical",
      when: {
        any: [
          { question: "restore_test_last_date", op: "absent" },
          { question: "restore_test_scope", op: "includes", value: "never" },
        ],
      },
    },
  ],
  explain: ({ facts }) => {
    const scope = facts.answers.restore_test_scope as readonly string[] | undefined;
    const why =
      facts.answers.restore_test_last_date === undefined
        ? "No restore test date is given"
        : `The restore test scope says "never" (yet a last test date of ${facts.answers.restore_test_last_date} is given)`;
    const also = scope?.includes("never") && facts.answers.restore_test_last_date === undefined;
    return `${why}${also ? ' and the scope says "never"' : ""}: nobody knows whether the backups can actually be restored.`;
  },
};

const restoreStale: TRuleDefinition = {
  code: "RESTORE_TEST_STALE",
  title: "The last restore test is too old",
  questions: ["restore_test_last_date"],
  guard: BACKUPS_EXIST,
  variants: [
    {
      severity: "high",
      when: { fact: "restoreTestAgeMonths", op: "gte", valueFact: "maxTestAgeMonths" },
    },
  ],
  explain: ({ facts }) =>
    `The last successful restore test was on ${facts.answers.restore_test_last_date}, ${formatMonths(facts.restoreTestAgeMonths ?? 0)} before the assessment date; ${describeThreshold(facts, "max_test_age_months")}.`,
};

const SCOPE_WORDS: Record<string, string> = {
  full_environment: "a full environment",
  single_customer: "a single customer's data",
};

const scopeGap: TRuleDefinition = {
  code: "RESTORE_SCOPE_GAP",
  title: "Restore tests have not covered what a buyer needs",
  questions: ["restore_test_scope"],
  guard: BACKUPS_EXIST,
  variants: [
    {
      severity: "medium",
      when: {
        all: [
          // Silent while RESTORE_NEVER_TESTED speaks: no date, or scope "never".
          { question: "restore_test_last_date", op: "answered" },
          { question: "restore_test_scope", op: "excludes", value: "never" },
          {
            any: [
              { question: "restore_test_scope", op: "excludes", value: "full_environment" },
              { question: "restore_test_scope", op: "excludes", value: "single_customer" },
            ],
          },
        ],
      },
    },
  ],
  explain: ({ facts }) => {
    const scope = (facts.answers.restore_test_scope ?? []) as readonly string[];
    const missing = Object.keys(SCOPE_WORDS).filter((s) => !scope.includes(s));
    return `Restore tests have never covered ${joinWords(
      missing.map((s) => SCOPE_WORDS[s] ?? s),
      "or",
    )}: restoring the whole service after a site loss, or one customer's data without rolling back everyone else, is unproven.`;
  },
};

export const BACKUP_RULES: readonly TRuleDefinition[] = [
  noBackups,
  sharedDependency,
  sameCredentials,
  colocated,
  mutable,
  corruption,
  restoreNever,
  restoreStale,
  scopeGap,
];
