import { z } from "zod";
import { isValidIsoDate } from "@/lib/dates";
import { ZCountryCode } from "@/lib/questionnaires/countries";
import type { TQuestion } from "@/lib/questionnaires/questionnaire-schema";
import {
  answerTextMessages,
  MAX_ANSWER_NAME,
  MAX_ANSWER_TEXT,
  MAX_SITE_ID,
  MAX_SITES,
  quoteList,
  SITES_EXPECTED,
  SITES_TOO_MANY,
  uniqueSiteIds,
  ZSite,
} from "@/lib/questionnaires/site-schema";
import { textCheck } from "@/lib/schemas/text-check";

// Per-question value schemas. Each schema's messages are the "expected" half of a parse
// error, so they are written for the person who has to fix the file.

// The sites' schemas are zod/mini ones the portal also runs in the browser (site-schema.ts);
// a classic zod container takes them as they are.
export {
  answerText,
  MAX_ANSWER_NAME,
  MAX_ANSWER_TEXT,
  MAX_SITE_ID,
  MAX_SITES,
  SITE_FIELDS,
  SITE_ROLES,
  ZSite,
  ZSites,
} from "@/lib/questionnaires/site-schema";

export const ZIsoDate = z
  .string({ error: "a real date written YYYY-MM-DD" })
  .refine((text) => isValidIsoDate({ text }), { error: "a real date written YYYY-MM-DD" });

// Classic zod for the other answers: callers add .optional() to what buildValueSchema returns.
const text = (what: string, max = MAX_ANSWER_NAME) =>
  z.string({ error: what }).check(textCheck(max, answerTextMessages(max)));

export const ZParty = z.strictObject(
  {
    name: text("the company's name as text"),
    service: text("what the company does, as text"),
    country: ZCountryCode,
  },
  { error: "an object with name, service and country" },
);

function buildNumberSchema(question: TQuestion): z.ZodNumber {
  const { min, max, unit } = question;
  const range =
    min !== undefined && max !== undefined
      ? ` from ${min} to ${max}`
      : min !== undefined
        ? ` of at least ${min}`
        : max !== undefined
          ? ` of at most ${max}`
          : "";
  const kind = question.integer ? "a whole number" : "a number";
  const expected = `${kind}${range}${unit ? ` (${unit})` : ""}`;
  let schema = z.number({ error: expected });
  if (question.integer) schema = schema.int(expected);
  if (min !== undefined) schema = schema.min(min, expected);
  if (max !== undefined) schema = schema.max(max, expected);
  return schema;
}

function buildOptionSchema(question: TQuestion) {
  const values = (question.options ?? []).map((o) => o.value);
  return z.enum(values as [string, ...string[]], { error: `one of ${quoteList(values)}` });
}

function buildValueSchema(question: TQuestion): z.ZodType {
  switch (question.type) {
    case "yesno":
      return z.enum(["yes", "no", "unknown"], { error: '"yes", "no" or "unknown"' });
    case "choice":
      return buildOptionSchema(question);
    case "multi":
      return z.array(buildOptionSchema(question), { error: "a list of options" });
    case "number":
      return buildNumberSchema(question);
    case "date":
      return ZIsoDate;
    case "text":
      return text("text", MAX_ANSWER_TEXT);
    case "sites":
      // ZSites's rules, in a classic container: callers add .optional() to what this returns.
      return z
        .array(ZSite, { error: SITES_EXPECTED })
        .max(MAX_SITES, SITES_TOO_MANY)
        .check(uniqueSiteIds);
    case "siterefs":
      // Whether each id names a listed site is checked across answers (buildAnswersSchema).
      return z
        .array(text("a site id", MAX_SITE_ID), { error: "a list of site ids" })
        .max(200, "a list of at most 200 site ids");
    case "parties":
      return z
        .array(ZParty, { error: "a list of {name, service, country} objects" })
        .max(500, "a list of at most 500 companies");
  }
}

const cache = new WeakMap<TQuestion, z.ZodType>();

export type TGetQuestionValueSchemaInput = { question: TQuestion };

/** The schema of one answer, e.g. to validate a single autosaved field. */
export function getQuestionValueSchema({ question }: TGetQuestionValueSchemaInput): z.ZodType {
  let schema = cache.get(question);
  if (!schema) {
    schema = buildValueSchema(question);
    cache.set(question, schema);
  }
  return schema;
}
