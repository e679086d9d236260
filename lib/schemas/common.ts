import "@/lib/zod-config";
import { z } from "zod";

// ---------------------------------------------------------------------------------------------
// The one check every typed string passes: staff form fields (zText below) and every string in
// a vendor's answer (the questionnaire value schemas) refuse exactly what this finds.
// ---------------------------------------------------------------------------------------------

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TTextProblem = "too_long" | "nul" | "unpaired_surrogate";

/**
 * Why a string cannot be stored exactly as typed, or undefined when it can:
 * - longer than `max` UTF-16 code units (no field needs megabytes; an emoji counts 2),
 * - a NUL character (PostgreSQL text and jsonb refuse it),
 * - half of a surrogate pair (UTF-8 cannot encode it; Prisma's query fails on it, text and
 *   JSON columns alike, so it would be a crash, not a stored value).
 */
export function findTextProblem(value: string, max: number): TTextProblem | undefined {
  if (value.length > max) return "too_long";
  if (value.includes("\u0000")) return "nul";
  if (UNPAIRED_SURROGATE.test(value)) return "unpaired_surrogate";
  return undefined;
}

export type TTextMessages = Record<TTextProblem, string>;

/** A zod check that refuses what findTextProblem finds, worded by the caller. */
export function textCheck(max: number, messages: TTextMessages): z.core.CheckFn<string> {
  return (ctx) => {
    const problem = findTextProblem(ctx.value, max);
    if (problem) ctx.issues.push({ code: "custom", input: ctx.value, message: messages[problem] });
  };
}

/** Messages for a form field: each names the field, e.g. "Vendor name contains a NUL …". */
export const fieldTextMessages = (label: string, max: number): TTextMessages => ({
  too_long: `${label} must be at most ${max} characters`,
  nul: `${label} contains a NUL character, which is not allowed`,
  unpaired_surrogate: `${label} contains a broken character (half of an emoji or symbol), which is not allowed`,
});

/** A form's text field: trimmed, then at least `min` and at most `max` characters, no NUL. */
export function zText({ label, max, min = 0 }: { label: string; max: number; min?: number }) {
  return (
    z
      .string({ error: `${label} is required` })
      .trim()
      .min(min, min <= 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
      .check(textCheck(max, fieldTextMessages(label, max)))
      // The check above is code; this tells JSON Schema (the API's OpenAPI document) the limit.
      .meta({ maxLength: max })
  );
}

export const zOptionalText = ({ label, max }: { label: string; max: number }) =>
  zText({ label, max })
    .optional()
    .transform((v) => (v ? v : undefined));

/** A password: never trimmed (spaces may be part of it), never stored, but still bounded. */
export const zPassword = ({ min, max = 200 }: { min: number; max?: number }) =>
  z
    .string({ error: "Enter a password" })
    .min(min, min <= 1 ? "Enter your password" : `Password needs at least ${min} characters`)
    .check(textCheck(max, fieldTextMessages("Password", max)));

/** The shortest password an account may be given (sign-in accepts any, to refuse it plainly). */
export const NEW_PASSWORD_MIN = 12;
export const zNewPassword = () => zPassword({ min: NEW_PASSWORD_MIN });

export const zEmail = (label = "Email") =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .toLowerCase()
    .max(254, `${label} must be at most 254 characters`)
    .pipe(z.email(`${label} must be a valid email address`));

// Record ids are cuids; refusing anything else keeps NULs and megabytes out of queries.
const ID = /^[A-Za-z0-9_-]*$/;

/** The id of a record the form picked (a vendor, a finding, …). */
export const zId = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .min(1, `${label} is required`)
    .max(64, `${label} is not a valid id`)
    .regex(ID, `${label} is not a valid id`);

/** An optional picked id: "" (nothing chosen) becomes undefined. */
export const zOptionalId = (label: string) =>
  z
    .string()
    .max(64, `${label} is not a valid id`)
    .regex(ID, `${label} is not a valid id`)
    .optional()
    .transform((v) => v || undefined);

export const TIERS = ["critical", "high", "moderate", "low"] as const;
export const ZTier = z.enum(TIERS, { error: "Choose a criticality tier" });
