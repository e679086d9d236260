"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/errors";
import { NEW_PASSWORD_MIN } from "@/lib/schemas/common";
import { type TSetup, ZSetup } from "@/lib/schemas/setup";

/** Sends the setup to its route handler (the link, not a session, authorizes it). */
async function sendSetup(token: string, values: TSetup): Promise<TActionResult<{ email: string }>> {
  const res = await fetch(`/api/setup/${encodeURIComponent(token)}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(values),
  });
  return res.json();
}

/** The first admin names the organisation and sets a password, then signs in. */
export function SetupForm({ token }: { token: string }) {
  const { message, onSubmit, submitting, field } = useActionForm<TSetup>({
    resolver: zodResolver(ZSetup),
    action: (values) => sendSetup(token, values),
    successMessage: () => "Your organisation is set up. Taking you to sign in…",
    afterSuccess: () => window.location.assign("/login"),
  });
  return (
    <ActionForm label="Set up" message={message} onSubmit={onSubmit}>
      <TextField
        id="orgName"
        label="Organisation name"
        autoComplete="organization"
        {...field("orgName")}
      />
      <TextField id="name" label="Your name" autoComplete="name" {...field("name")} />
      <TextField id="email" label="Email" type="email" autoComplete="email" {...field("email")} />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${NEW_PASSWORD_MIN} characters.`}
        {...field("password")}
      />
      <SubmitButton className="w-full" pending={submitting} pendingLabel="Setting up…">
        Create organisation and admin
      </SubmitButton>
    </ActionForm>
  );
}
