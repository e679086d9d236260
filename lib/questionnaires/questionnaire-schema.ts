import "@/lib/zod-config";
import { z } from "zod";
import { ZCondition } from "@/lib/rules/condition-schema";
import { listConditionReferences, type TCondition } from "@/lib/rules/conditions";

// The file format of questionnaires/*.json. The answers schema, the web form and the
// engine's visibility checks are all derived from files of this shape.

export const ANSWER_TYPES = [
  "yesno",
  "choice",
  "multi",
  "number",
  "date",
  "text",
  "sites",
  "siterefs",
  "parties",
] as const;
export const ZAnswerType = z.enum(ANSWER_TYPES);
export type TAnswerType = z.infer<typeof ZAnswerType>;

/** Question and option ids: snake_case. */
export const ID_PATTERN = /^[a-z][a-z0-9_]*$/;
const ZId = z.string().regex(ID_PATTERN, "a snake_case identifier");

export const ZOption = z.strictObject({
  value: ZId,
  label: z.string().min(1),
  help: z.string().min(1).optional(),
  /** Selecting it clears every other option (e.g. "none", "unknown"). */
  exclusive: z.boolean().optional(),
});
export type TOption = z.infer<typeof ZOption>;

export const ZQuestion = z
  .strictObject({
    id: ZId,
    type: ZAnswerType,
    label: z.string().min(1),
    help: z.string().min(1).optional(),
    required: z.boolean(),
    options: z.array(ZOption).min(1).optional(),
    unit: z.string().min(1).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** A count of things: only whole numbers are valid answers. */
    integer: z.boolean().optional(),
    /** For `siterefs`: the id of the `sites` question whose site ids it may name. */
    refersTo: ZId.optional(),
    visibleWhen: ZCondition.optional(),
  })
  .check((ctx) => {
    const q = ctx.value;
    const push = (message: string) => ctx.issues.push({ code: "custom", input: q, message });
    const hasOptions = q.type === "choice" || q.type === "multi";
    if (hasOptions !== (q.options !== undefined)) {
      push(`${q.id}: options are required for choice/multi questions and only for them`);
    }
    if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length) {
      push(`${q.id}: option values must be unique`);
    }
    const numeric =
      q.unit !== undefined || q.min !== undefined || q.max !== undefined || q.integer !== undefined;
    if (numeric && q.type !== "number")
      push(`${q.id}: unit/min/max/integer apply to number questions`);
    if (q.type === "number" && q.unit === undefined) push(`${q.id}: number questions need a unit`);
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) push(`${q.id}: min > max`);
    if ((q.type === "siterefs") !== (q.refersTo !== undefined)) {
      push(`${q.id}: refersTo is required for siterefs questions and only for them`);
    }
  });
export type TQuestion = Omit<z.infer<typeof ZQuestion>, "visibleWhen"> & {
  visibleWhen?: TCondition;
};

export const ZSection = z.strictObject({
  id: ZId,
  title: z.string().min(1),
  description: z.string().min(1).optional(),
  questions: z.array(ZQuestion).min(1),
});
export type TSection = Omit<z.infer<typeof ZSection>, "questions"> & { questions: TQuestion[] };

export const ZQuestionnaire = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, "a kebab-case identifier"),
    version: z.string().regex(/^\d+(\.\d+){0,2}$/, "a version such as 1 or 1.0.0"),
    title: z.string().min(1),
    description: z.string().min(1).optional(),
    sections: z.array(ZSection).min(1),
  })
  .check((ctx) => {
    const questions = ctx.value.sections.flatMap((s) => s.questions);
    const byId = new Map(questions.map((q) => [q.id, q]));
    const push = (message: string) =>
      ctx.issues.push({ code: "custom", input: ctx.value, message });
    if (byId.size !== questions.length) push("question ids must be unique");
    for (const q of questions) {
      if (q.refersTo !== undefined && byId.get(q.refersTo)?.type !== "sites") {
        push(`${q.id}: refersTo must name a sites question`);
      }
      if (q.visibleWhen === undefined) continue;
      // Visibility can only read answers: the form has no computed facts.
      const refs = listConditionReferences({ condition: q.visibleWhen });
      if (refs.facts.length > 0) push(`${q.id}: visibleWhen may only name questions`);
      for (const id of refs.questions) {
        if (!byId.has(id)) push(`${q.id}: visibleWhen names unknown question ${id}`);
      }
    }
  });
export type TQuestionnaire = Omit<z.infer<typeof ZQuestionnaire>, "sections"> & {
  sections: TSection[];
};
