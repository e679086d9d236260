import "@/lib/zod-config";
import { z } from "zod";
import { fieldTextMessages, textCheck } from "@/lib/schemas/text-check";

// ---------------------------------------------------------------------------------------------
// The one check every typed string passes: staff form fields (zText below) and every string in
// a vendor's answer (the questionnaire value schemas) refuse exactly what this finds.
// ---------------------------------------------------------------------------------------------

export {
  fieldTextMessages,
  findTextProblem,
  type TTextMessages,
  type TTextProblem,
  textCheck,
} from "@/lib/schemas/text-check";

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
