"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";
import { callAction, useActionForm } from "@/components/ui/use-action-form";
import {
  confirmTotpEnrolmentAction,
  disableTotpAction,
  startTotpEnrolmentAction,
} from "@/lib/actions/identity";
import { type TTwoFactorCode, ZTwoFactorCode } from "@/lib/schemas/identity";

type TStarted = { secret: string; qrDataUrl: string };

/**
 * Enrolment: a QR code and its key (drawn by the server for the secret waiting: `started`), a
 * code to confirm, then the recovery codes, shown once.
 */
export function TwoFactorEnrol({ started }: { started: TStarted | null }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [codes, setCodes] = useState<string[]>();
  const { message, onSubmit, submitting, field } = useActionForm<TTwoFactorCode>({
    resolver: zodResolver(ZTwoFactorCode),
    action: confirmTotpEnrolmentAction,
    afterSuccess: (data) => setCodes((data as { recoveryCodes: string[] }).recoveryCodes),
  });

  async function start() {
    setError(undefined);
    const result = await callAction(() => startTotpEnrolmentAction({}));
    if (result.error) setError(result.error);
    else router.refresh();
  }

  if (codes) {
    return (
      <section aria-labelledby="recovery-heading" className="space-y-3 text-sm">
        <FormAlert message="Two-factor sign-in is on." tone="success" />
        <h2 id="recovery-heading" className="font-semibold text-slate-900">
          Your recovery codes
        </h2>
        <p>
          Each works once, in place of a code from your app, if you lose your phone. Keep them
          somewhere safe: they are not shown again.
        </p>
        <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-1 font-mono">
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p>
          <a className="text-indigo-700 underline" href="/dashboard">
            Continue to the app
          </a>
        </p>
      </section>
    );
  }
  if (!started) {
    return (
      <div className="space-y-3 text-sm">
        <FormAlert message={error} tone="error" />
        <p>
          You will need an authenticator app on your phone (for example Google Authenticator,
          Microsoft Authenticator or 1Password).
        </p>
        <Button type="button" onClick={start}>
          Set up two-factor sign-in
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-4 text-sm">
      <p>Scan this QR code with your authenticator app, or type the key into it.</p>
      {/* biome-ignore lint/performance/noImgElement: a data: address drawn on the server, nothing to optimise */}
      <img
        src={started.qrDataUrl}
        alt="QR code for your authenticator app"
        width={200}
        height={200}
        className="mx-auto"
      />
      <p>
        Key:{" "}
        <code data-testid="totp-key" className="break-all font-mono">
          {started.secret}
        </code>
      </p>
      <ActionForm label="Confirm two-factor sign-in" message={message} onSubmit={onSubmit}>
        <TextField
          id="totp-code"
          label="Code from your app"
          inputMode="numeric"
          autoComplete="one-time-code"
          {...field("code")}
        />
        <SubmitButton pending={submitting} pendingLabel="Checking…">
          Turn on two-factor sign-in
        </SubmitButton>
      </ActionForm>
    </div>
  );
}

/** Turning it off takes a current code (or a recovery code). */
export function TwoFactorDisable() {
  const { message, onSubmit, submitting, field } = useActionForm<TTwoFactorCode>({
    resolver: zodResolver(ZTwoFactorCode),
    action: disableTotpAction,
    resetOnSuccess: true,
    successMessage: () => "Two-factor sign-in is off.",
    afterSuccess: () => window.location.reload(),
  });
  return (
    <ActionForm label="Turn off two-factor sign-in" message={message} onSubmit={onSubmit}>
      <TextField
        id="disable-code"
        label="Code from your app, or a recovery code"
        autoComplete="one-time-code"
        {...field("code")}
      />
      <SubmitButton variant="secondary" pending={submitting} pendingLabel="Checking…">
        Turn off two-factor sign-in
      </SubmitButton>
    </ActionForm>
  );
}
