import type { z } from "zod";

/** One refused field: where it is, what was expected there, and what was found. */
export type TParseError = { path: string; expected: string; found: string };

export type TParseResult<T> = { ok: true; value: T } | { ok: false; errors: TParseError[] };

export type TFormatPathInput = { path: readonly PropertyKey[] };

/** ["answers", "sites", 0, "lat"] -> "answers.sites[0].lat" */
export function formatPath({ path }: TFormatPathInput): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(top level)" : out;
}

export type TDescribeFoundInput = { value: unknown };

export function describeFound({ value }: TDescribeFoundInput): string {
  if (value === undefined) return "nothing (missing)";
  const json = JSON.stringify(value);
  if (json === undefined) return typeof value;
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

function readAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const part of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

export type TIssuesToErrorsInput = {
  issues: readonly z.core.$ZodIssue[];
  /** The value that was parsed, to report what was found at each path. */
  input: unknown;
  /** Path of `input` inside the file, e.g. ["answers"]. */
  prefix?: readonly PropertyKey[];
  /** What to say about a key the schema does not know, given the object's path. */
  describeUnknownKey?: (path: readonly PropertyKey[]) => string;
};

/** Turns zod issues into field errors. Schemas carry the "expected" wording as messages. */
export function issuesToErrors({
  issues,
  input,
  prefix = [],
  describeUnknownKey = () => "no such field",
}: TIssuesToErrorsInput): TParseError[] {
  const errors: TParseError[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        errors.push({
          path: formatPath({ path: [...prefix, ...issue.path, key] }),
          expected: describeUnknownKey(issue.path),
          found: describeFound({ value: readAt(input, [...issue.path, key]) }),
        });
      }
      continue;
    }
    errors.push({
      path: formatPath({ path: [...prefix, ...issue.path] }),
      expected: issue.message,
      found: describeFound({ value: readAt(input, issue.path) }),
    });
  }
  return errors;
}

export type TFormatParseErrorsInput = { errors: readonly TParseError[] };

/** One line per error, for terminals and logs. */
export function formatParseErrors({ errors }: TFormatParseErrorsInput): string {
  return errors.map((e) => `${e.path}: expected ${e.expected}; found ${e.found}`).join("\n");
}
