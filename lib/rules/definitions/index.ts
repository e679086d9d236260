import { BACKUP_RULES } from "@/lib/rules/definitions/backups";
import { OBJECTIVE_RULES } from "@/lib/rules/definitions/objectives";
import { PLAN_RULES } from "@/lib/rules/definitions/plan";
import { SITE_RULES } from "@/lib/rules/definitions/sites";
import type { TRuleDefinition } from "@/lib/rules/definitions/types";

/** Every rule of the bcdr-core questionnaire, one per flag code. */
export const RULES: readonly TRuleDefinition[] = [
  ...SITE_RULES,
  ...BACKUP_RULES,
  ...PLAN_RULES,
  ...OBJECTIVE_RULES,
];

export type { TExplainInput, TRuleDefinition, TRuleVariant } from "@/lib/rules/definitions/types";
