import { z } from "zod";
import { AuthzError } from "./authz";

export type TActionResult<T> =
  | { data: T; error?: undefined; fieldErrors?: undefined }
  | { data?: undefined; error: string; fieldErrors?: Record<string, string[]> };

/** zod issues → { field: [messages] }, keyed by dotted path, for field-level form errors. */
export function toFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

/** The one place actions turn thrown errors into results the form can show. */
export function actionError(e: unknown): { error: string; fieldErrors?: Record<string, string[]> } {
  if (e instanceof z.ZodError)
    return { error: "Some fields need attention.", fieldErrors: toFieldErrors(e) };
  if (e instanceof AuthzError) return { error: e.message };
  if (e instanceof NotFoundError) return { error: e.message };
  throw e;
}

export class NotFoundError extends Error {
  constructor(message = "Not found") {
    super(message);
  }
}
