import "@/lib/zod-config";
import { z } from "zod";
import {
  ANSWER_TYPES,
  ID_PATTERN,
  type TAnswerType,
  type TQuestion,
  type TQuestionnaire,
  ZQuestion,
} from "@/lib/questionnaires/questionnaire-schema";
import { getQuestionnaire, getQuestions, listQuestionnaires } from "@/lib/questionnaires/registry";
import {
  listConditionReferences,
  type TCondition,
  type TConditionLeaf,
} from "@/lib/rules/conditions";
import { FLAG_CODES, SEVERITIES } from "@/lib/rules/types";
import { EXTENSION_ID_PREFIX, isExtensionId, isOrgFlagCode, ORG_FLAG_PREFIX } from "./ids";

export {
  describeFlagCode,
  EXTENSION_ID_PREFIX,
  isExtensionId,
  isOrgFlagCode,
  ORG_FLAG_PREFIX,
  ORG_RULE_LABEL,
} from "./ids";

// An organisation's own questions and rules (issue 19), as the editor saves them and as JSON is
// exported and imported. Ids and codes carry a prefix the core contract never uses, and are also
// checked against every core questionnaire, so an extension can never shadow a core answer or flag.

/** The shapes an organisation's question may take (the site and party lists stay core-only). */
export const EXTENSION_ANSWER_TYPES = ANSWER_TYPES.filter(
  (t): t is Exclude<TAnswerType, "sites" | "siterefs" | "parties"> =>
    t !== "sites" && t !== "siterefs" && t !== "parties",
) as [TExtensionAnswerType, ...TExtensionAnswerType[]];
type TExtensionAnswerType = Exclude<TAnswerType, "sites" | "siterefs" | "parties">;

let coreQuestions: ReadonlyMap<string, TQuestion> | undefined;
let coreIds: ReadonlySet<string> | undefined;

/** Every question of every core questionnaire version, by id. */
export function listCoreQuestions(): ReadonlyMap<string, TQuestion> {
  coreQuestions ??= new Map(
    listQuestionnaires().flatMap((summary) =>
      getQuestions({ questionnaire: getQuestionnaire(summary) as TQuestionnaire }).map(
        (q) => [q.id, q] as const,
      ),
    ),
  );
  return coreQuestions;
}

/** Every question and section id of every core questionnaire version. */
export function listCoreIds(): ReadonlySet<string> {
  coreIds ??= new Set([
    ...listCoreQuestions().keys(),
    ...listQuestionnaires().flatMap((summary) =>
      (getQuestionnaire(summary) as TQuestionnaire).sections.map((s) => s.id),
    ),
  ]);
  return coreIds;
}

const ZExtensionId = z
  .string({ error: `an id starting with "${EXTENSION_ID_PREFIX}"` })
  .regex(ID_PATTERN, "a snake_case identifier")
  .refine(isExtensionId, `an id starting with "${EXTENSION_ID_PREFIX}"`)
  .refine((id) => !listCoreIds().has(id), "an id the core questionnaire does not use");

export const ZExtensionQuestion = ZQuestion.and(
  z.looseObject({
    id: ZExtensionId,
    type: z.enum(EXTENSION_ANSWER_TYPES, {
      error: `one of ${EXTENSION_ANSWER_TYPES.join(", ")}`,
    }),
  }),
);

export const ZExtensionSection = z.strictObject({
  id: ZExtensionId,
  title: z.string().trim().min(1, "a title"),
  description: z.string().min(1).optional(),
  questions: z.array(ZExtensionQuestion).min(1, "at least one question"),
});

/** What an organisation's rule compares: the operators of the issue, in the editor's words. */
export const RULE_OPERATORS = {
  equals: "equals",
  in: "is one of",
  lt: "is below",
  gt: "is above",
  olderThanMonths: "is older than (months)",
} as const;
export type TRuleOperator = keyof typeof RULE_OPERATORS;
const RULE_OPERATOR_NAMES = Object.keys(RULE_OPERATORS) as [TRuleOperator, ...TRuleOperator[]];

/** Which operators make sense for which shape. */
export const OPERATORS_FOR_TYPE: Record<string, readonly TRuleOperator[]> = {
  yesno: ["equals", "in"],
  choice: ["equals", "in"],
  multi: ["equals", "in"],
  text: ["equals", "in"],
  number: ["equals", "lt", "gt"],
  date: ["olderThanMonths"],
};

export const ZOrgRule = z.strictObject({
  code: z
    .string({ error: `a code starting with "${ORG_FLAG_PREFIX}"` })
    .regex(/^[A-Z][A-Z0-9_]*$/, "an UPPER_SNAKE_CASE code")
    .refine(isOrgFlagCode, `a code starting with "${ORG_FLAG_PREFIX}"`)
    .refine((c) => !(FLAG_CODES as readonly string[]).includes(c), "a code the core does not use"),
  title: z.string().trim().min(1, "a title"),
  /** May name {answer} and {question}: filled in when the flag is raised. */
  explanation: z.string().trim().min(1, "an explanation"),
  severity: z.enum(SEVERITIES, { error: `one of ${SEVERITIES.join(", ")}` }),
  question: z.string().min(1, "the question the rule reads"),
  op: z.enum(RULE_OPERATOR_NAMES, { error: `one of ${RULE_OPERATOR_NAMES.join(", ")}` }),
  value: z.union([z.string(), z.number(), z.array(z.string()).min(1)]),
});
export type TOrgRule = z.infer<typeof ZOrgRule>;

/**
 * An extension's shape alone: how a stored version is read back, so a version saved before a
 * check was added still reads as it was saved (the next edit then names what to fix).
 */
export const ZExtensionShape = z.strictObject({
  format: z.literal("bcdr-extension", { error: 'the format name "bcdr-extension"' }).optional(),
  sections: z.array(ZExtensionSection),
  rules: z.array(ZOrgRule),
});

/** An extension as saved or imported: its shape, and every question and rule consistent. */
export const ZExtension = ZExtensionShape.check((ctx) => {
  const push = (path: (string | number)[], message: string) =>
    ctx.issues.push({ code: "custom", input: ctx.value, path, message });
  const questions = new Map<string, TQuestion>();
  const sectionIds = new Set<string>();
  ctx.value.sections.forEach((s, si) => {
    if (sectionIds.has(s.id))
      push(["sections", si, "id"], `an id used once (${s.id} appears twice)`);
    sectionIds.add(s.id);
    s.questions.forEach((q, qi) => {
      if (questions.has(q.id))
        push(["sections", si, "questions", qi, "id"], `an id used once (${q.id} appears twice)`);
      questions.set(q.id, q as TQuestion);
    });
  });
  const core = listCoreIds();
  ctx.value.sections.forEach((s, si) => {
    s.questions.forEach((q, qi) => {
      if (!q.visibleWhen) return;
      const refs = listConditionReferences({ condition: q.visibleWhen });
      const path = ["sections", si, "questions", qi, "visibleWhen"];
      if (refs.facts.length) push(path, "a condition on answers only");
      for (const id of refs.questions) {
        if (id === q.id) push(path, "a condition on another question");
        else if (!questions.has(id) && !core.has(id))
          push(path, `a condition on a known question (${id} is neither core nor yours)`);
      }
      for (const leaf of listLeaves(q.visibleWhen)) {
        const read = leaf.question
          ? (questions.get(leaf.question) ?? listCoreQuestions().get(leaf.question))
          : undefined;
        const message = read && checkConditionValue({ leaf, question: read });
        if (message) push(path, message);
      }
    });
  });
  const codes = new Set<string>();
  ctx.value.rules.forEach((r, ri) => {
    if (codes.has(r.code))
      push(["rules", ri, "code"], `a code used once (${r.code} appears twice)`);
    codes.add(r.code);
    const q = questions.get(r.question);
    if (!q) {
      push(["rules", ri, "question"], `one of your own questions (${r.question} is not)`);
      return;
    }
    const allowed = OPERATORS_FOR_TYPE[q.type] ?? [];
    if (!allowed.includes(r.op)) {
      push(["rules", ri, "op"], `for a ${q.type} question, one of ${allowed.join(", ")}`);
      return;
    }
    const message = checkRuleValue({ rule: r, question: q });
    if (message) push(["rules", ri, "value"], message);
  });
});
export type TExtension = z.infer<typeof ZExtension>;

/** The answers a question can have, when it has a fixed list (yes/no, options). */
export function listAllowedAnswers(question: TQuestion): string[] | null {
  if (question.type === "yesno") return ["yes", "no", "unknown"];
  return question.options ? question.options.map((o) => o.value) : null;
}

/** What is wrong with values compared with a question's answers, or null. */
function checkAnswerValues({
  question,
  values,
}: {
  question: TQuestion;
  values: readonly unknown[];
}): string | null {
  if (question.type === "number")
    return values.every((v) => typeof v === "number") ? null : "a number";
  const allowed = listAllowedAnswers(question);
  const wrong = values.find((v) => typeof v !== "string" || (allowed && !allowed.includes(v)));
  if (wrong === undefined) return null;
  return allowed ? `one of ${allowed.join(", ")} (not ${String(wrong)})` : "a text value";
}

/** What is wrong with the rule's value for its question, or null. */
function checkRuleValue({ rule, question }: { rule: TOrgRule; question: TQuestion }) {
  const { op, value } = rule;
  if (op === "lt" || op === "gt") return typeof value === "number" ? null : "a number";
  if (op === "olderThanMonths")
    return typeof value === "number" && Number.isInteger(value) && value >= 0
      ? null
      : "a whole number of months";
  if (op === "in" && !Array.isArray(value)) return "a list of values";
  if (op === "equals" && Array.isArray(value)) return "one value";
  return checkAnswerValues({ question, values: Array.isArray(value) ? value : [value] });
}

/** Every comparison of a condition tree. */
function listLeaves(condition: TCondition): TConditionLeaf[] {
  if ("all" in condition) return condition.all.flatMap(listLeaves);
  if ("any" in condition) return condition.any.flatMap(listLeaves);
  if ("not" in condition) return listLeaves(condition.not);
  return [condition];
}

/** Operators whose value is one answer, or a list of answers, of the question they read. */
const ONE_ANSWER = new Set(["equals", "notEquals", "includes", "excludes"]);
const ANSWER_LIST = new Set(["in", "notIn", "includesAny"]);

/**
 * What is wrong with a condition's value for the question it reads, or null: "the condition's
 * answer: one of yes, no, unknown (not maybe)" rather than a question that never shows.
 */
function checkConditionValue({ leaf, question }: { leaf: TConditionLeaf; question: TQuestion }) {
  const { op, value } = leaf;
  if (!ONE_ANSWER.has(op) && !ANSWER_LIST.has(op)) return null;
  // A several-choices answer is a list: it never equals one value.
  if (question.type === "multi" && (op === "equals" || op === "in"))
    return `the condition on ${question.id}: includes or includesAny (its answer is a list)`;
  const list = ANSWER_LIST.has(op);
  if (list !== Array.isArray(value))
    return list
      ? `the condition's answers: a list (${op} on ${question.id})`
      : `the condition's answer: one value (${op} on ${question.id})`;
  if (list && (value as readonly unknown[]).length === 0)
    return `the condition's answers: at least one (on ${question.id})`;
  const message = checkAnswerValues({
    question,
    values: Array.isArray(value) ? value : [value],
  });
  return message && `the condition's answer to ${question.id}: ${message}`;
}

export const EMPTY_EXTENSION: TExtension = { sections: [], rules: [] };
