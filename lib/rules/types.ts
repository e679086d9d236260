// Shared vocabulary of the engine. Kept import-free so lib/scoring can depend on it
// without creating a cycle with the engine that depends on lib/scoring.

export const SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;
export type TSeverity = (typeof SEVERITIES)[number];

export const RATINGS = ["low", "medium", "high", "critical"] as const;
export type TRating = (typeof RATINGS)[number];

export const TIERS = ["critical", "high", "moderate", "low"] as const;
export type TTier = (typeof TIERS)[number];

/** The options of `plan_covers`, which `plan_must_cover` requirements also name. */
export const PLAN_SCENARIOS = [
  "site_loss",
  "region_loss",
  "ransomware",
  "provider_failure",
  "data_corruption",
  "staff_loss",
] as const;
export type TPlanScenario = (typeof PLAN_SCENARIOS)[number];

/** The codes of contract version 1.0, in the contract's table order. */
export const FLAG_CODES_1_0 = [
  "SINGLE_SITE",
  "SITE_SEPARATION_INSUFFICIENT",
  "SEPARATION_CLAIM_MISMATCH",
  "SHARED_HAZARD",
  "SHARED_CONTROL_PLANE",
  "NO_BACKUPS",
  "BACKUP_SHARED_DEPENDENCY",
  "BACKUP_SAME_CREDENTIALS",
  "BACKUP_COLOCATED",
  "BACKUPS_MUTABLE",
  "CORRUPTION_PROPAGATES",
  "RESTORE_NEVER_TESTED",
  "RESTORE_TEST_STALE",
  "RESTORE_SCOPE_GAP",
  "NO_BCDR_PLAN",
  "DR_NEVER_TESTED",
  "DR_TEST_STALE",
  "DR_TEST_TABLETOP_ONLY",
  "DR_TEST_FAILED_OBJECTIVES",
  "PLAN_REVIEW_STALE",
  "RTO_EXCEEDS_REQUIREMENT",
  "RPO_EXCEEDS_REQUIREMENT",
  "FAILOVER_CAPACITY_SHORTFALL",
  "NO_CUSTOMER_EXPORT",
  "DATA_RESIDENCY_VIOLATION",
  "PROVIDER_CONCENTRATION",
  "RPO_CLAIM_INCONSISTENT",
  "RTO_CLAIM_INCONSISTENT",
] as const;

/** The codes contract version 1.1 added: risks that distance alone does not catch. */
export const FLAG_CODES_1_1 = [
  "COMMON_MODE_CHANGE",
  "FOURTH_PARTY_SINGLE_POINT",
  "RECOVERY_NEEDS_PRIMARY",
  "RECOVERY_IDENTITY_SHARED",
  "POWER_AUTONOMY_SHORT",
  "IMMUTABLE_RETENTION_SHORT",
  "BACKUP_SAME_PROVIDER",
  "MEASURED_RECOVERY_EXCEEDS_RTO",
  "KEY_PERSON_DEPENDENCY",
  "PLAN_SCOPE_GAP",
  "NOTIFICATION_TOO_SLOW",
  "EXPORT_PROPRIETARY_ONLY",
] as const;

export const FLAG_CODES = [...FLAG_CODES_1_0, ...FLAG_CODES_1_1] as const;
export type TFlagCode = (typeof FLAG_CODES)[number];

export type TFlag = {
  code: TFlagCode;
  severity: TSeverity;
  title: string;
  detail: string;
  questions: string[];
};

/** Rank of a severity: higher is worse. */
export const SEVERITY_RANK: Readonly<Record<TSeverity, number>> = {
  info: 0,
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

export type TSite = {
  id: string;
  name: string;
  role: "primary" | "secondary" | "backup" | "processing";
  provider: string;
  city: string;
  country: string;
  lat: number;
  lon: number;
  region?: string;
  facility?: string;
};

export type TParty = { name: string; service: string; country: string };

export type TAnswerValue =
  | string
  | number
  | readonly string[]
  | readonly TSite[]
  | readonly TParty[];

/** Answers keyed by question id; an unanswered question is an absent key. */
export type TAnswers = { readonly [questionId: string]: TAnswerValue | undefined };
