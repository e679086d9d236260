import { z } from "zod";
import type { TCondition } from "@/lib/rules/conditions";
import type { TExtensionQuestionForm, TExtensionRuleForm } from "@/lib/schemas/extension";
import type { TQuestion } from "../questionnaire-schema";
import { type TExtension, ZExtension } from "./schema";

// The editor's changes, as pure functions from one extension to the next. Each says which path
// its new item has, so a problem the whole-extension check finds there is shown on the form.

type TEdit = { extension: TExtension; path: (string | number)[] };

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40) || "option";

/** A number when the question named is a number question, else the text as typed. */
const typed = (question: TQuestion | undefined, value: string) =>
  question?.type === "number" && value.trim() !== "" && !Number.isNaN(Number(value))
    ? Number(value)
    : value.trim();

type TConditionOfInput = Pick<TAddQuestionInput, "form" | "known">;

/**
 * The form's condition as data: the answer equals one value, or is one of several. A
 * several-choices answer is a list, so there it contains the value, or any of them.
 */
export function conditionOf({ form, known }: TConditionOfInput): TCondition | undefined {
  if (!form.conditionQuestion) return undefined;
  const question = known(form.conditionQuestion);
  const list = question?.type === "multi";
  const text = form.conditionValue ?? "";
  if (form.conditionOp === "in")
    return {
      question: form.conditionQuestion,
      op: list ? "includesAny" : "in",
      value: text
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean)
        .map((v) => typed(question, v)),
    };
  return {
    question: form.conditionQuestion,
    op: list ? "includes" : "equals",
    value: typed(question, text),
  };
}

export type TAddQuestionInput = {
  extension: TExtension;
  form: TExtensionQuestionForm;
  /** Every question a condition may name: the core ones and the organisation's own. */
  known: (id: string) => TQuestion | undefined;
};

export function addQuestion({ extension, form, known }: TAddQuestionInput): TEdit {
  const lines = (form.options ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const hasOptions = form.type === "choice" || form.type === "multi";
  const condition = conditionOf({ form, known });
  const question = {
    id: form.id.trim(),
    type: form.type,
    label: form.label.trim(),
    ...(form.help?.trim() ? { help: form.help.trim() } : {}),
    required: form.required,
    ...(hasOptions ? { options: lines.map((label) => ({ value: slug(label), label })) } : {}),
    ...(form.type === "number" ? { unit: form.unit?.trim() ?? "" } : {}),
    ...(condition ? { visibleWhen: condition } : {}),
  } as TExtension["sections"][number]["questions"][number];
  const sections = [...extension.sections];
  let si = sections.findIndex((s) => s.id === form.section);
  if (si < 0) {
    si = sections.length;
    // The title's words as its id; a second section of the same words gets a number.
    const base = `x_${slug(form.sectionTitle ?? "")}`;
    let id = base;
    for (let n = 2; sections.some((s) => s.id === id); n++) id = `${base}_${n}`;
    sections.push({ id, title: form.sectionTitle ?? "", questions: [] });
  }
  const section = sections[si]!;
  sections[si] = { ...section, questions: [...section.questions, question] };
  return {
    extension: { ...extension, sections },
    path: ["sections", si, "questions", section.questions.length],
  };
}

export type TAddRuleInput = {
  extension: TExtension;
  form: TExtensionRuleForm;
  known: (id: string) => TQuestion | undefined;
};

export function addRule({ extension, form, known }: TAddRuleInput): TEdit {
  const question = known(form.question);
  const value =
    form.op === "in"
      ? form.value
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean)
      : form.op === "lt" || form.op === "gt" || form.op === "olderThanMonths"
        ? Number(form.value)
        : typed(question, form.value);
  const rule = {
    code: form.code.trim(),
    title: form.title.trim(),
    explanation: form.explanation.trim(),
    severity: form.severity,
    question: form.question,
    op: form.op,
    value,
  } as TExtension["rules"][number];
  return {
    extension: { ...extension, rules: [...extension.rules, rule] },
    path: ["rules", extension.rules.length],
  };
}

export type TRemoveInput = { extension: TExtension; kind: "question" | "rule"; id: string };

/** Takes out a question (and its emptied section) or a rule. */
export function removeItem({ extension, kind, id }: TRemoveInput): TExtension {
  if (kind === "rule") return { ...extension, rules: extension.rules.filter((r) => r.code !== id) };
  return {
    ...extension,
    sections: extension.sections
      .map((s) => ({ ...s, questions: s.questions.filter((q) => q.id !== id) }))
      .filter((s) => s.questions.length > 0),
  };
}

/** Which form field a path inside the new item belongs to. */
const FIELD_OF: Record<string, string> = {
  visibleWhen: "conditionValue",
  options: "options",
  unit: "unit",
  id: "id",
  label: "label",
  help: "help",
  type: "type",
  code: "code",
  title: "title",
  explanation: "explanation",
  severity: "severity",
  question: "question",
  op: "op",
  value: "value",
};

export type TCheckEditInput = TEdit & { fallback: string };

/**
 * The whole extension checked after an edit: its parsed value, or a ZodError whose paths are
 * the form's fields (a problem elsewhere, e.g. a section title, lands on `fallback`).
 */
export function checkEdit({ extension, path, fallback }: TCheckEditInput): TExtension {
  const parsed = ZExtension.safeParse(extension);
  if (parsed.success) return parsed.data;
  const inside = (p: readonly PropertyKey[]) => path.every((part, i) => p[i] === part);
  throw new z.ZodError(
    parsed.error.issues.map((issue) => {
      const rest = inside(issue.path) ? issue.path.slice(path.length) : [];
      const field = FIELD_OF[String(rest[0])] ?? fallback;
      return { ...issue, path: [field] };
    }),
  );
}
