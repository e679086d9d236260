import type { TCondition } from "@/lib/rules/conditions";
import type { TFacts } from "@/lib/rules/facts";
import type { TFlagCode, TSeverity } from "@/lib/rules/types";

export type TRuleVariant = { severity: TSeverity; when: TCondition };

export type TExplainInput = { facts: TFacts; severity: TSeverity };

export type TRuleDefinition = {
  code: TFlagCode;
  title: string;
  /** The answers the rule reads; a flag lists these unless questionsFor narrows them. */
  questions: readonly string[];
  /** Must hold for the rule to speak at all, e.g. "backups exist" for backup details. */
  guard?: TCondition;
  /** Tried in order: the first that holds raises the flag at its severity. */
  variants: readonly TRuleVariant[];
  explain: (input: TExplainInput) => string;
  questionsFor?: (input: TExplainInput) => string[];
};

/** backup_exists = yes: when it is not, only NO_BACKUPS speaks for backups. */
export const BACKUPS_EXIST: TCondition = { question: "backup_exists", op: "equals", value: "yes" };

/**
 * CODE was raised earlier in this evaluation. Only 1.1 rules read it, and only about v1
 * codes, which the engine decides first (compileRules checks the order).
 */
export const raised = (code: TFlagCode): TCondition => ({
  fact: "raisedCodes",
  op: "includes",
  value: code,
});
export const notRaised = (code: TFlagCode): TCondition => ({ not: raised(code) });
