"use client";

import { useState } from "react";
import {
  type FieldPath,
  type FieldValues,
  type Path,
  type UseFormProps,
  type UseFormReturn,
  type UseFormSetError,
  useForm,
} from "react-hook-form";
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

/** The line above a form's fields: what went wrong, or what was done. */
export type TFormMessage = { text: string; tone: "error" | "success" };

/**
 * `field("email")` spreads on a TextField, SelectField or TextAreaField: the field's
 * registration and its error message, nested paths ("requirements.rto_minutes") too.
 */
export function fieldProps<T extends FieldValues, C, O>(form: UseFormReturn<T, C, O>) {
  return (name: FieldPath<T>) => ({
    error: form.getFieldState(name, form.formState).error?.message,
    ...form.register(name),
  });
}

type TActionFormOptions<TValues extends FieldValues, TOutput, TData> = UseFormProps<
  TValues,
  unknown,
  TOutput
> & {
  /** Sends the checked values: a server action called with them. */
  action: (values: TOutput) => Promise<TActionResult<TData>>;
  /** After a success: clear the fields, */
  resetOnSuccess?: boolean;
  /** say what was done, */
  successMessage?: (values: TOutput) => string;
  /** and go on: refresh the page's server data, or open another page. */
  afterSuccess?: (data: TData) => void;
};

/**
 * A react-hook-form form that sends its values to a server action: the server's field errors
 * land on the fields, its form error (or a crash) in `message`, and a success is announced
 * there too. Returns the form, `message`, `onSubmit` for the <form>, `submitting` for its
 * SubmitButton and `field` (see fieldProps).
 */
export function useActionForm<TValues extends FieldValues, TOutput = TValues, TData = unknown>({
  action,
  resetOnSuccess,
  successMessage,
  afterSuccess,
  ...props
}: TActionFormOptions<TValues, TOutput, TData>) {
  const form = useForm<TValues, unknown, TOutput>(props);
  const [message, setMessage] = useState<TFormMessage>();
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    const result = await callAction(() => action(values));
    const error = applyServerErrors(result, form.setError);
    if (error) return setMessage({ text: error, tone: "error" });
    if (resetOnSuccess) form.reset();
    if (successMessage) setMessage({ text: successMessage(values), tone: "success" });
    afterSuccess?.(result.data as TData);
  });
  const submitting = form.formState.isSubmitting;
  return { ...form, message, onSubmit, submitting, field: fieldProps(form) };
}
