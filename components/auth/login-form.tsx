"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { fieldProps, type TFormMessage } from "@/components/ui/use-action-form";
import { TWO_FACTOR_INVALID, TWO_FACTOR_REQUIRED } from "@/lib/identity/sign-in-errors";
import { SSO_REQUIRED, SSO_REQUIRED_MESSAGE } from "@/lib/identity/sign-in-messages";
import { type TSignIn, ZSignIn } from "@/lib/schemas/auth";

/** What a refused sign-in says; the second step (two-factor) has its own words. */
function refusal(res: { status: number; error: string | null } | undefined) {
  if (res?.status === 429) return "Too many sign-in attempts. Wait a few minutes and try again.";
  if (res?.error === SSO_REQUIRED) return SSO_REQUIRED_MESSAGE;
  if (res?.error === TWO_FACTOR_INVALID)
    return "That code is not right. Try the code your app shows now.";
  return "Email or password is incorrect.";
}

/** Signs in through Auth.js, not a server action: the shared form parts, its own submit. */
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
    const res = await signIn("credentials", { ...values, redirect: false });
    if (res?.error === TWO_FACTOR_REQUIRED) {
      setAskCode(true);
      setMessage({ text: "Enter the code from your authenticator app.", tone: "success" });
      return;
    }
    if (!res || res.error) {
      setMessage({ text: refusal(res), tone: "error" });
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
