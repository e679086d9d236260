import { z } from "zod";

/**
 * Why an action refused, as the HTTP status a route handler would answer with (409: the record
 * is not in a state that allows it; 500: the call itself failed).
 */
export type TActionStatus = 400 | 401 | 403 | 404 | 409 | 500;

export type TActionResult<T> =
  | { data: T; error?: undefined; fieldErrors?: undefined; status?: undefined }
  | {
      data?: undefined;
      error: string;
      fieldErrors?: Record<string, string[]>;
      status: TActionStatus;
    };

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
export function actionError(e: unknown): {
  error: string;
  fieldErrors?: Record<string, string[]>;
  status: TActionStatus;
} {
  if (e instanceof z.ZodError)
    return { error: "Some fields need attention.", fieldErrors: toFieldErrors(e), status: 400 };
  if (e instanceof AuthzError) return { error: e.message, status: e.status };
  if (e instanceof NotFoundError) return { error: e.message, status: 404 };
  if (e instanceof ConflictError)
    return e.field
      ? { error: e.message, fieldErrors: { [e.field]: [e.message] }, status: 409 }
      : { error: e.message, status: 409 };
  throw e;
}

/** Not signed in (401), not allowed (403), or not found for this caller (404). */
export class AuthzError extends Error {
  constructor(
    readonly status: 401 | 403 | 404,
    message: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {
  constructor(message = "Not found") {
    super(message);
  }
}

/**
 * The record is not in a state that allows the change (submitted already, changed meanwhile,
 * an email taken): 409. `field` names the form field the message belongs beside, if any.
 */
export class ConflictError extends Error {
  readonly field?: string;
  constructor(message: string, { field }: { field?: string } = {}) {
    super(message);
    this.field = field;
  }
}

/**
 * The caller named the version it read (an API client's If-Match) and the record has changed
 * since: 412. Raised by the conditional write itself, so two writers of one version cannot both
 * get through.
 */
export class PreconditionError extends Error {
  constructor(
    message = "The record changed since you read it (If-Match does not match its ETag); read it again",
  ) {
    super(message);
  }
}
