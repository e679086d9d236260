"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { fieldProps, type TFormMessage } from "@/components/ui/use-action-form";
import { SSO_REQUIRED, SSO_REQUIRED_MESSAGE } from "@/lib/identity/sign-in-messages";
import { type TSignIn, ZSignIn } from "@/lib/schemas/auth";

/** Signs in through Auth.js, not a server action: the shared form parts, its own submit. */
export function LoginForm({ initialError }: { initialError?: string }) {
  const [message, setMessage] = useState<TFormMessage | undefined>(
    initialError ? { text: initialError, tone: "error" } : undefined,
  );
  const form = useForm<TSignIn>({ resolver: zodResolver(ZSignIn) });
  const field = fieldProps(form);

  async function onSubmit(values: TSignIn) {
    setMessage(undefined);
    const res = await signIn("credentials", { ...values, redirect: false });
    if (!res || res.error) {
      setMessage({
        text:
          res?.status === 429
            ? "Too many sign-in attempts. Wait a few minutes and try again."
            : res?.error === SSO_REQUIRED
              ? SSO_REQUIRED_MESSAGE
              : "Email or password is incorrect.",
        tone: "error",
      });
      return;
    }
    // A full navigation so that every server component reads the new session.
    window.location.assign("/dashboard");
  }

  return (
    <ActionForm label="Sign in" message={message} onSubmit={form.handleSubmit(onSubmit)}>
      <TextField id="email" label="Email" type="email" autoComplete="email" {...field("email")} />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        {...field("password")}
      />
      <SubmitButton
        className="w-full"
        pending={form.formState.isSubmitting}
        pendingLabel="Signing in…"
      >
        Sign in
      </SubmitButton>
    </ActionForm>
  );
}
