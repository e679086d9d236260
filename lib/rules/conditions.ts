import { OPERATORS, type TOperatorName } from "@/lib/rules/operators";
import type { TAnswers } from "@/lib/rules/types";

// Conditions are data: a tree of { all } / { any } / { not } over leaves that compare one
// answer (`question`) or one computed fact (`fact`) with a literal `value` or another fact
// (`valueFact`). The questionnaire uses question leaves for visibility; rules use both.

export type TConditionValue = string | number | boolean | readonly (string | number)[];

export type TConditionLeaf = {
  question?: string;
  fact?: string;
  op: TOperatorName;
  value?: TConditionValue;
  valueFact?: string;
};

export type TCondition =
  | { all: readonly TCondition[] }
  | { any: readonly TCondition[] }
  | { not: TCondition }
  | TConditionLeaf;

/** What a condition reads: the answers, plus computed facts when the engine evaluates it. */
export type TConditionScope = { readonly answers: TAnswers; readonly [fact: string]: unknown };

export type TCompiledCondition = (scope: TConditionScope) => boolean;

export type TReader = (scope: TConditionScope) => unknown;

/** How leaves read their operands; the engine swaps in faster, monomorphic readers. */
export type TConditionReaders = {
  question: (id: string) => TReader;
  fact: (name: string) => TReader;
};

const DEFAULT_READERS: TConditionReaders = {
  question: (id) => (scope) => scope.answers[id],
  fact: (name) => (scope) => scope[name],
};

export type TCompileConditionInput = { condition: TCondition; readers?: TConditionReaders };

/** Turns a validated tree into nested closures once, so evaluation does no lookups by name. */
export function compileCondition({
  condition,
  readers = DEFAULT_READERS,
}: TCompileConditionInput): TCompiledCondition {
  if ("all" in condition) {
    const parts = condition.all.map((c) => compileCondition({ condition: c, readers }));
    return (scope) => {
      for (const part of parts) if (!part(scope)) return false;
      return true;
    };
  }
  if ("any" in condition) {
    const parts = condition.any.map((c) => compileCondition({ condition: c, readers }));
    return (scope) => {
      for (const part of parts) if (part(scope)) return true;
      return false;
    };
  }
  if ("not" in condition) {
    const inner = compileCondition({ condition: condition.not, readers });
    return (scope) => !inner(scope);
  }
  return compileLeaf(condition, readers);
}

function compileLeaf(leaf: TConditionLeaf, readers: TConditionReaders): TCompiledCondition {
  const evaluate: (left: unknown, right: unknown) => boolean = OPERATORS[leaf.op].evaluate;
  const { question, fact, value, valueFact } = leaf;
  const read = question !== undefined ? readers.question(question) : readers.fact(fact ?? "");
  if (valueFact !== undefined) {
    const readValue = readers.fact(valueFact);
    return (scope) => evaluate(read(scope), readValue(scope));
  }
  return (scope) => evaluate(read(scope), value);
}

const compiled = new WeakMap<object, TCompiledCondition>();

export type TEvaluateConditionInput = { condition: TCondition; scope: TConditionScope };

/** Evaluates a condition, compiling each distinct tree object only once. */
export function evaluateCondition({ condition, scope }: TEvaluateConditionInput): boolean {
  let fn = compiled.get(condition);
  if (!fn) {
    fn = compileCondition({ condition });
    compiled.set(condition, fn);
  }
  return fn(scope);
}

export type TConditionReferences = { questions: string[]; facts: string[] };

export type TListConditionReferencesInput = { condition: TCondition };

/** Every question id and fact name a condition reads (for consistency checks). */
export function listConditionReferences({
  condition,
}: TListConditionReferencesInput): TConditionReferences {
  const questions = new Set<string>();
  const facts = new Set<string>();
  const visit = (c: TCondition): void => {
    if ("all" in c) c.all.forEach(visit);
    else if ("any" in c) c.any.forEach(visit);
    else if ("not" in c) visit(c.not);
    else {
      if (c.question !== undefined) questions.add(c.question);
      if (c.fact !== undefined) facts.add(c.fact);
      if (c.valueFact !== undefined) facts.add(c.valueFact);
    }
  };
  visit(condition);
  return { questions: [...questions], facts: [...facts] };
}
