"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { fieldProps, type TFormMessage } from "@/components/ui/use-action-form";
import { signInWithPassword } from "@/lib/identity/sign-in-client";
import {
  passwordSignInRefusal,
  TWO_FACTOR_PROMPT,
  TWO_FACTOR_REQUIRED,
} from "@/lib/identity/sign-in-messages";
import { type TSignIn, ZSignIn } from "@/lib/schemas/auth";

/** Signs in through Auth.js (lib/identity/sign-in-client.ts), not a server action: the shared form parts, its own submit. */
export function LoginForm({ initialError }: { initialError?: string }) {
  const [message, setMessage] = useState<TFormMessage | undefined>(
    initialError ? { text: initialError, tone: "error" } : undefined,
  );
  // Two-factor sign-in (lib/identity/sign-in.ts): once the password is right, a code is asked
  // for and the password is sent again with it (kept here, never in a URL).
  const [askCode, setAskCode] = useState(false);
  const form = useForm<TSignIn>({ resolver: zodResolver(ZSignIn) });
  const field = fieldProps(form);

  async function onSubmit(values: TSignIn) {
    setMessage(undefined);
    const res = await signInWithPassword(values);
    if (res?.error === TWO_FACTOR_REQUIRED) {
      setAskCode(true);
      setMessage({ text: TWO_FACTOR_PROMPT, tone: "success" });
      return;
    }
    if (!res || res.error) {
      setMessage({ text: passwordSignInRefusal(res), tone: "error" });
      return;
    }
    // A full navigation so that every server component reads the new session.
    window.location.assign("/dashboard");
  }

  return (
    <ActionForm label="Sign in" message={message} onSubmit={form.handleSubmit(onSubmit)}>
      <div hidden={askCode} className="space-y-4">
        <TextField id="email" label="Email" type="email" autoComplete="email" {...field("email")} />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          {...field("password")}
        />
      </div>
      {askCode && (
        <TextField
          id="code"
          label="Authentication code"
          hint="The 6-digit code from your app, or one of your recovery codes."
          autoComplete="one-time-code"
          autoFocus
          {...field("code")}
        />
      )}
      <SubmitButton
        className="w-full"
        pending={form.formState.isSubmitting}
        pendingLabel="Signing in…"
      >
        {askCode ? "Verify" : "Sign in"}
      </SubmitButton>
      {!askCode && (
        <p className="text-center text-sm">
          <Link className="text-indigo-700 underline" href="/forgot-password">
            Forgot password?
          </Link>
        </p>
      )}
    </ActionForm>
  );
}
