import { BACKUP_RULES } from "@/lib/rules/definitions/backups";
import { COMMON_MODE_RULES } from "@/lib/rules/definitions/common-mode";
import { OBJECTIVE_RULES } from "@/lib/rules/definitions/objectives";
import { PLAN_RULES } from "@/lib/rules/definitions/plan";
import { READINESS_RULES } from "@/lib/rules/definitions/readiness";
import { SITE_RULES } from "@/lib/rules/definitions/sites";
import type { TRuleDefinition } from "@/lib/rules/definitions/types";

/**
 * Every rule of the bcdr-core questionnaire, one per flag code. The v1 rules come first:
 * a 1.1 rule may stay silent while a v1 code is raised, so v1 codes are decided before.
 */
export const RULES: readonly TRuleDefinition[] = [
  ...SITE_RULES,
  ...BACKUP_RULES,
  ...PLAN_RULES,
  ...OBJECTIVE_RULES,
  ...COMMON_MODE_RULES,
  ...READINESS_RULES,
];

export type { TExplainInput, TRuleDefinition, TRuleVariant } from "@/lib/rules/definitions/types";
