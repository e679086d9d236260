import type { CheckFn } from "zod/v4/core";

// The one check every typed string passes, apart from zod's classic API (lib/schemas/common.ts
// re-exports it): the vendor portal's and the sign-in page's checks in the browser use it
// with zod/mini, so that zod's full build (~30 KB gzip) stays on the server.

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
export function textCheck(max: number, messages: TTextMessages): CheckFn<string> {
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
