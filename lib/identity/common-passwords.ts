import { dictionary } from "@zxcvbn-ts/language-common";
import { zNewPassword } from "../schemas/common";

// The list of common passwords is the one @zxcvbn-ts/language-common ships (about 49,000
// passwords seen in leaks, lowercase), loaded on the server only: the browser checks the length,
// the server also checks the list. Read once, when a new password is first checked.

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"] as string[]);
  return common;
}

/**
 * Whether a password is on the list, or is a listed one with digits or symbols added around it
 * ("password1234!" is "password" with decorations, and guessed as early).
 */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  const stem = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  return list.has(lower) || (stem.length > 0 && list.has(stem));
}

export const COMMON_PASSWORD_MESSAGE =
  "Password is too common: it is on lists of leaked passwords. Choose another.";

/** A new password as the server accepts it: long enough (zNewPassword) and not common. */
export const zAcceptablePassword = () =>
  zNewPassword().refine((p) => !isCommonPassword(p), COMMON_PASSWORD_MESSAGE);
