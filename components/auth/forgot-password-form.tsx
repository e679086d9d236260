"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { type TForgotPassword, ZForgotPassword } from "@/lib/schemas/identity";
import { postJson } from "./post-json";

// One answer for every address (app/api/password-reset/route.ts): it never says whether an
// account exists.
export const RESET_REQUESTED =
  "If an account uses this address, we have sent it a link to choose a new password. Check your mail.";

export function ForgotPasswordForm() {
  const { message, onSubmit, submitting, field } = useActionForm<TForgotPassword>({
    resolver: zodResolver(ZForgotPassword),
    action: (values) => postJson("/api/password-reset", values),
    successMessage: () => RESET_REQUESTED,
  });
  return (
    <ActionForm label="Reset your password" message={message} onSubmit={onSubmit}>
      <TextField id="email" label="Email" type="email" autoComplete="email" {...field("email")} />
      <SubmitButton className="w-full" pending={submitting} pendingLabel="Sending…">
        Send reset link
      </SubmitButton>
    </ActionForm>
  );
}
