"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { NEW_PASSWORD_MIN } from "@/lib/schemas/common";
import { type TChoosePassword, ZChoosePassword } from "@/lib/schemas/identity";
import { postJson } from "./post-json";

/** Chooses a password from a mailed link (an invitation or a reset), then goes to sign in. */
export function ChoosePasswordForm({
  url,
  email,
  submitLabel,
  done,
}: {
  /** The link's route handler (the token, not a session, authorizes it). */
  url: string;
  email: string;
  submitLabel: string;
  done: string;
}) {
  const { message, onSubmit, submitting, field } = useActionForm<TChoosePassword>({
    resolver: zodResolver(ZChoosePassword),
    action: (values) => postJson(url, values),
    successMessage: () => done,
    afterSuccess: () => window.location.assign("/login"),
  });
  return (
    <ActionForm label={submitLabel} message={message} onSubmit={onSubmit}>
      {/* For password managers: which account the new password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField
        id="new-password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${NEW_PASSWORD_MIN} characters, and not a common password.`}
        {...field("password")}
      />
      <SubmitButton className="w-full" pending={submitting} pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </ActionForm>
  );
}
