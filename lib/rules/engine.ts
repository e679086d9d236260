import type { TRequirements } from "@/lib/questionnaires/answers-schema";
import type { TQuestionnaire } from "@/lib/questionnaires/questionnaire-schema";
import { ZCondition } from "@/lib/rules/condition-schema";
import { compileCondition, type TCompiledCondition, type TCondition } from "@/lib/rules/conditions";
import { RULES, type TRuleDefinition } from "@/lib/rules/definitions";
import { computeFacts, type TFacts } from "@/lib/rules/facts";
import { applyPolicy } from "@/lib/rules/policy";
import { buildFactReaders } from "@/lib/rules/readers";
import {
  FLAG_CODES,
  FLAG_CODES_1_0,
  SEVERITY_RANK,
  type TAnswers,
  type TFlag,
  type TRating,
  type TSeverity,
} from "@/lib/rules/types";
import type { TOrgPolicy } from "@/lib/scoring/policy";
import { computeScore, getRating } from "@/lib/scoring/score";
import { resolveRequirements, type TResolvedRequirements } from "@/lib/scoring/tiers";

export type TCompiledRule = {
  rule: TRuleDefinition;
  guard: TCompiledCondition | null;
  variants: { severity: TSeverity; test: TCompiledCondition }[];
};

export type TCompileRulesInput = { rules: readonly TRuleDefinition[] };

/**
 * Validates every rule's conditions (shape, operators, fact names, and that a rule reads
 * only codes that rules before it decide) and compiles them once.
 */
export function compileRules({ rules }: TCompileRulesInput): TCompiledRule[] {
  const readers = buildFactReaders();
  const decided = new Set<string>();
  const compile = (code: string, condition: unknown): TCompiledCondition => {
    const parsed = ZCondition.parse(condition);
    for (const read of listRaisedCodeReads(parsed)) {
      if (!decided.has(read) || !(FLAG_CODES_1_0 as readonly string[]).includes(read)) {
        throw new Error(`${code}: reads ${read}, which is not a v1 code decided before it`);
      }
    }
    try {
      return compileCondition({ condition: parsed, readers });
    } catch (error) {
      throw new Error(`${code}: ${(error as Error).message}`);
    }
  };
  return rules.map((rule) => {
    const compiled = {
      rule,
      guard: rule.guard ? compile(rule.code, rule.guard) : null,
      variants: rule.variants.map((v) => ({
        severity: v.severity,
        test: compile(rule.code, v.when),
      })),
    };
    decided.add(rule.code);
    return compiled;
  });
}

/** The codes a condition asks "is it raised?" about. */
function listRaisedCodeReads(condition: TCondition): string[] {
  if ("all" in condition) return condition.all.flatMap(listRaisedCodeReads);
  if ("any" in condition) return condition.any.flatMap(listRaisedCodeReads);
  if ("not" in condition) return listRaisedCodeReads(condition.not);
  return condition.fact === "raisedCodes" ? [String(condition.value)] : [];
}

export const COMPILED_RULES: readonly TCompiledRule[] = compileRules({ rules: RULES });

const CODE_ORDER = new Map<string, number>(FLAG_CODES.map((code, i) => [code, i]));

/** Worst first; within a severity, in the contract's table order, then by code. */
export function compareFlags(a: TFlag, b: TFlag): number {
  const bySeverity = SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
  if (bySeverity !== 0) return bySeverity;
  const byOrder = (CODE_ORDER.get(a.code) ?? 999) - (CODE_ORDER.get(b.code) ?? 999);
  return byOrder !== 0 ? byOrder : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

export type TBuildFlagInput = { rule: TRuleDefinition; severity: TSeverity; facts: TFacts };

export function buildFlag({ rule, severity, facts }: TBuildFlagInput): TFlag {
  const input = { facts, severity };
  return {
    code: rule.code,
    severity,
    title: rule.title,
    detail: rule.explain(input),
    questions: rule.questionsFor ? rule.questionsFor(input) : [...rule.questions],
  };
}

export type TEvaluateRulesInput = { facts: TFacts; rules?: readonly TCompiledRule[] };

/** Runs the rules over precomputed facts; flags come back sorted. */
export function evaluateRules({ facts, rules = COMPILED_RULES }: TEvaluateRulesInput): TFlag[] {
  const flags: TFlag[] = [];
  // A fresh list per run: the policy re-runs the rules over a copy of these facts.
  const raised: string[] = [];
  facts.raisedCodes = raised;
  for (const compiled of rules) {
    if (compiled.guard !== null && !compiled.guard(facts)) continue;
    for (const variant of compiled.variants) {
      if (!variant.test(facts)) continue;
      flags.push(buildFlag({ rule: compiled.rule, severity: variant.severity, facts }));
      raised.push(compiled.rule.code);
      break;
    }
  }
  return flags.sort(compareFlags);
}

export type TAssessment = {
  questionnaire: string;
  version: string;
  asOf: string;
  requirements: TResolvedRequirements;
  score: number;
  rating: TRating;
  flags: TFlag[];
};

export type TAssessAnswersInput = {
  questionnaire: TQuestionnaire;
  requirements: TRequirements;
  answers: TAnswers;
  /** YYYY-MM-DD: dates are judged as they stood on this day. */
  asOf: string;
  policy?: TOrgPolicy;
};

/** Scores parsed answers: facts, then rules, then the organisation's policy, then the score. */
export function assessAnswers({
  questionnaire,
  requirements,
  answers,
  asOf,
  policy,
}: TAssessAnswersInput): TAssessment {
  const resolved = resolveRequirements({ requirements, policy });
  const facts = computeFacts({ answers, requirements: resolved, asOf });
  const raw = evaluateRules({ facts });
  const flags = policy
    ? applyPolicy({ flags: raw, facts, policy, evaluate: (f) => evaluateRules({ facts: f }) }).sort(
        compareFlags,
      )
    : raw;
  return {
    questionnaire: questionnaire.id,
    version: questionnaire.version,
    asOf,
    requirements: resolved,
    score: computeScore({ flags }),
    rating: getRating({ flags }),
    flags,
  };
}
