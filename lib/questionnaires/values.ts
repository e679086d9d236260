import { z } from "zod";
import { isValidIsoDate } from "@/lib/dates";
import { ZCountryCode } from "@/lib/questionnaires/countries";
import type { TQuestion } from "@/lib/questionnaires/questionnaire-schema";
import { type TTextMessages, textCheck } from "@/lib/schemas/common";

// Per-question value schemas. Each schema's messages are the "expected" half of a parse
// error, so they are written for the person who has to fix the file.

const quoteList = (values: readonly string[]) => values.map((v) => `"${v}"`).join(", ");

export const ZIsoDate = z
  .string({ error: "a real date written YYYY-MM-DD" })
  .refine((text) => isValidIsoDate({ text }), { error: "a real date written YYYY-MM-DD" });

/** Longest free-text answer; the portal's text box stops typing here too. */
export const MAX_ANSWER_TEXT = 10_000;
/** Longest name in an answer: a site, a provider, a city, a company, a service. */
export const MAX_ANSWER_NAME = 200;
/** Longest site id. */
export const MAX_SITE_ID = 64;

const answerTextMessages = (max: number): TTextMessages => ({
  too_long: `text of at most ${max} characters`,
  nul: "text without NUL characters",
  unpaired_surrogate: "text without broken characters (half of an emoji or symbol)",
});

// Every string in an answer passes the same check as the staff forms' text fields.
const text = (what: string, max = MAX_ANSWER_NAME) =>
  z.string({ error: what }).check(textCheck(max, answerTextMessages(max)));

const coordinate = (name: string, limit: number) => {
  const expected = `a number from -${limit} to ${limit} (${name})`;
  return z.number({ error: expected }).min(-limit, expected).max(limit, expected);
};

export const SITE_ROLES = ["primary", "secondary", "backup", "processing"] as const;
export const SITE_FIELDS =
  "id, name, role, provider, city, country, lat, lon and optional region, facility";

export const ZSite = z.strictObject(
  {
    id: text("a non-empty site id", MAX_SITE_ID).refine(
      (id) => id.trim() !== "",
      "a non-empty site id",
    ),
    name: text("the site's name as text"),
    role: z.enum(SITE_ROLES, { error: `one of ${quoteList(SITE_ROLES)}` }),
    provider: text("the provider's name as text"),
    city: text("the city as text"),
    country: ZCountryCode,
    lat: coordinate("latitude", 90),
    lon: coordinate("longitude", 180),
    region: text("the provider's region name as text").optional(),
    facility: text("the building or campus name as text").optional(),
  },
  { error: `a site object with ${SITE_FIELDS}` },
);

export const ZSites = z
  .array(ZSite, { error: "a list of site objects" })
  .max(200, "a list of at most 200 sites")
  .check((ctx) => {
    const seen = new Map<string, number>();
    ctx.value.forEach((site, index) => {
      const first = seen.get(site.id);
      if (first === undefined) seen.set(site.id, index);
      else {
        ctx.issues.push({
          code: "custom",
          input: site.id,
          path: [index, "id"],
          message: `an id no other site uses (sites[${first}] already has "${site.id}")`,
        });
      }
    });
  });

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
      return ZSites;
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
