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

/** Calls a server action; a crash or a lost connection becomes an error the form shows. */
export async function callAction<T>(
  fn: () => Promise<TActionResult<T>>,
): Promise<TActionResult<T>> {
  try {
    return await fn();
  } catch {
    return {
      error: "The server could not complete this. Nothing was changed; try again in a moment.",
      status: 500,
    };
  }
}
