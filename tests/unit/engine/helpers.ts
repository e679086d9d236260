import {
  getQuestionnaire,
  parseAnswers,
  parseRequirements,
  type TRequirements,
} from "@/lib/questionnaires";
import {
  assessAnswers,
  type TAssessment,
  type TFlag,
  type TFlagCode,
  type TSite,
} from "@/lib/rules";
import type { TOrgPolicy } from "@/lib/scoring";
import wellRun from "@/tests/fixtures/engine/well-run-vendor.json";

export const QUESTIONNAIRE = getQuestionnaire({ id: "bcdr-core" })!;
export const AS_OF = "2026-11-01";

/** Answers to the 1.1 questions that raise nothing for the well-run vendor (critical tier). */
export const CLEAN_1_1_ANSWERS: Readonly<Record<string, unknown>> = {
  unstaged_changes: ["none"],
  single_source_suppliers: ["none"],
  recovery_dependencies: ["none"],
  recovery_identity_independent: "yes",
  power_autonomy_hours: 96,
  immutable_retention_days: 35,
  full_restore_test_minutes: 45,
  dr_test_recovery_minutes: 40,
  failover_qualified_staff_count: 4,
};

/**
 * The well-run vendor (a contract example, answered on 1.0) with the 1.1 questions answered
 * well: it raises nothing, so each test changes one thing and watches one code.
 */
export const CLEAN_ANSWERS: Readonly<Record<string, unknown>> = {
  ...wellRun.input.answers,
  ...CLEAN_1_1_ANSWERS,
};
export const CLEAN_REQUIREMENTS = wellRun.input.requirements as TRequirements;

export type TRunInput = {
  set?: Record<string, unknown>;
  omit?: readonly string[];
  /** Start from no answers at all instead of the clean vendor. */
  bare?: boolean;
  requirements?: Partial<TRequirements>;
  asOf?: string;
  policy?: TOrgPolicy;
};

/** Assesses clean answers with changes; the answers go through the real parser first. */
export function run({
  set = {},
  omit = [],
  bare,
  requirements,
  asOf = AS_OF,
  policy,
}: TRunInput = {}): TAssessment {
  const raw: Record<string, unknown> = { ...(bare ? {} : structuredClone(CLEAN_ANSWERS)), ...set };
  // New sites invalidate the clean vendor's backup site reference unless the test sets one.
  if ("sites" in set && !("backup_site_ids" in set) && !bare) raw.backup_site_ids = [];
  for (const key of omit) delete raw[key];
  const answers = parseAnswers({ questionnaire: QUESTIONNAIRE, input: raw });
  if (!answers.ok) throw new Error(`test answers invalid: ${JSON.stringify(answers.errors)}`);
  const req = parseRequirements({ input: { ...CLEAN_REQUIREMENTS, ...requirements } });
  if (!req.ok) throw new Error(`test requirements invalid: ${JSON.stringify(req.errors)}`);
  return assessAnswers({
    questionnaire: QUESTIONNAIRE,
    requirements: req.value,
    answers: answers.value,
    asOf,
    policy,
  });
}

export const codes = (a: TAssessment): string[] => a.flags.map((f) => f.code);

export function flagOf(a: TAssessment, code: TFlagCode): TFlag | undefined {
  return a.flags.find((f) => f.code === code);
}

/** The severity a code was raised at, or null when it was not raised. */
export function severityOf(input: TRunInput, code: TFlagCode): string | null {
  return flagOf(run(input), code)?.severity ?? null;
}

export function site(
  id: string,
  role: TSite["role"],
  lat: number,
  lon: number,
  extra: Partial<TSite> = {},
): TSite {
  return {
    id,
    name: `Site ${id}`,
    role,
    provider: `Provider ${id}`,
    city: "City",
    country: "DE",
    lat,
    lon,
    ...extra,
  };
}

/** A point `km` kilometres due north of (lat, lon) on the contract's sphere. */
export function north(lat: number, km: number): number {
  return lat + (km / 6371.0088) * (180 / Math.PI);
}
