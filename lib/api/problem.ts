import type { z } from "zod";

// Errors of the REST API as application/problem+json (RFC 9457). A field error names the field
// in `errors[].field` (dotted path) and as a JSON Pointer into the request (`pointer`).

export type TFieldProblem = { field: string; pointer: string; message: string };

export const PROBLEM_TYPE = "application/problem+json";

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  412: "Precondition failed",
  415: "Unsupported media type",
  422: "Unprocessable content",
  428: "Precondition required",
  429: "Too many requests",
};

export function problem(
  status: number,
  detail: string,
  { errors, headers }: { errors?: TFieldProblem[]; headers?: Record<string, string> } = {},
): Response {
  const body = { type: "about:blank", title: TITLES[status] ?? "Error", status, detail, errors };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": PROBLEM_TYPE, "Cache-Control": "no-store", ...headers },
  });
}

/** zod issues → field problems; `where` is "body" or "query" (the pointer's root). */
export function fieldProblems(error: z.ZodError, where: "body" | "query"): TFieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const field = path.join(".") || where;
    const pointer = `/${[where === "query" ? "query" : "", ...path].filter(Boolean).join("/")}`;
    return {
      field,
      pointer: where === "body" && !path.length ? "" : pointer,
      message: issue.message,
    };
  });
}

export function invalid(error: z.ZodError, where: "body" | "query"): Response {
  const errors = fieldProblems(error, where);
  const first = errors[0];
  const detail = first ? `${first.field}: ${first.message}` : "The request is not valid.";
  return problem(400, detail, { errors });
}
