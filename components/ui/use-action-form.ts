"use client";

import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { TActionResult } from "@/lib/errors";

/** Shows a server action's field errors on the form fields that the server named. */
export function applyServerErrors<T extends FieldValues>(
  result: TActionResult<unknown>,
  setError: UseFormSetError<T>,
): string | undefined {
  if (!result.error) return undefined;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    setError(field as Path<T>, { type: "server", message: messages[0] });
  }
  return result.error;
}
