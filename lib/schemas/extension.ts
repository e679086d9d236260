import "@/lib/zod-config";
import { z } from "zod";
import {
  EXTENSION_ANSWER_TYPES,
  ORG_FLAG_PREFIX,
  RULE_OPERATORS,
  type TRuleOperator,
  ZExtension,
} from "../questionnaires/extension/schema";
import { SEVERITIES } from "../rules/types";

// The questionnaire extension editor's forms (admins, issue 19): one question, one rule, a JSON
// file to import. Each parses in the browser and again on the server; the server then checks
// the whole extension (ZExtension) and names the field of the form that a problem belongs to.

const text = (what: string, max: number) =>
  z.string().trim().min(1, `${what}: required`).max(max, `${what}: at most ${max} characters`);
const optionalText = (what: string, max: number) =>
  z.string().trim().max(max, `${what}: at most ${max} characters`).optional();

/** The comparisons the editor offers for a condition, in its words. */
export const CONDITION_OPS = ["equals", "in"] as const;
export const CONDITION_OP_LABELS: Record<(typeof CONDITION_OPS)[number], string> = {
  equals: "equals",
  in: "is one of",
};

export const ZExtensionQuestionForm = z
  .object({
    /** An existing section's id, or "" for a new section named by sectionTitle. */
    section: z.string(),
    sectionTitle: optionalText("New section title", 200),
    id: z
      .string()
      .trim()
      .regex(
        /^x_[a-z0-9_]+$/,
        'Question id: "x_" then lower-case letters, digits or _ (e.g. x_insurance)',
      ),
    label: text("Question", 500),
    help: optionalText("Help", 1000),
    type: z.enum(EXTENSION_ANSWER_TYPES, { error: "Shape: choose one" }),
    /** One option per line (choice and multi). */
    options: optionalText("Options", 2000),
    unit: optionalText("Unit", 40),
    required: z.boolean(),
    /** Shown only when this question (core or own) has the answer below. */
    conditionQuestion: z.string().optional(),
    /** "equals" one answer, or "in": is one of several (separated by commas). */
    conditionOp: z.enum(CONDITION_OPS, { error: "Condition: equals or is one of" }).optional(),
    conditionValue: optionalText("Condition answer", 200),
  })
  .check((ctx) => {
    const v = ctx.value;
    const push = (path: string, message: string) =>
      ctx.issues.push({ code: "custom", input: v, path: [path], message });
    if (!v.section && !v.sectionTitle) push("sectionTitle", "New section title: required");
    const lines = (v.options ?? "").split("\n").filter((l) => l.trim());
    if ((v.type === "choice" || v.type === "multi") && lines.length < 2)
      push("options", "Options: at least two, one per line");
    if (v.type === "number" && !v.unit) push("unit", "Unit: required for a number (e.g. EUR)");
    if (v.conditionQuestion && !v.conditionValue?.split(",").some((x) => x.trim()))
      push(
        "conditionValue",
        v.conditionOp === "in"
          ? "Condition answers: at least one, separated by commas"
          : "Condition answer: required when the question is conditional",
      );
  });
export type TExtensionQuestionForm = z.input<typeof ZExtensionQuestionForm>;

export const ZExtensionRuleForm = z.object({
  code: z
    .string()
    .trim()
    .regex(
      new RegExp(`^${ORG_FLAG_PREFIX}[A-Z0-9_]+$`),
      `Flag code: "${ORG_FLAG_PREFIX}" then capitals, digits or _ (e.g. ORG_NO_INSURANCE)`,
    ),
  title: text("Flag title", 200),
  explanation: text("Explanation", 2000),
  severity: z.enum(SEVERITIES, { error: "Severity: choose one" }),
  question: z.string().min(1, "Question: choose one of your questions"),
  op: z.enum(Object.keys(RULE_OPERATORS) as [TRuleOperator, ...TRuleOperator[]], {
    error: "Condition: choose one",
  }),
  /** A number, one value, or several separated by commas ("is one of"). */
  value: text("Value", 500),
});
export type TExtensionRuleForm = z.input<typeof ZExtensionRuleForm>;

export const ZExtensionRemove = z.object({
  kind: z.enum(["question", "rule"]),
  id: z.string().min(1),
});

/** An exported file, as text: JSON first, then the extension's own checks, naming the field. */
export const ZExtensionImport = z.object({
  json: z
    .string()
    .min(1, "File: choose an exported extension (.json)")
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.issues.push({ code: "custom", input: raw, message: "File: not JSON" });
        return z.NEVER;
      }
    })
    .pipe(ZExtension),
});
export type TExtensionImport = z.input<typeof ZExtensionImport>;
