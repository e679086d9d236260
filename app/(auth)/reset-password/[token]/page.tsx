import type { Metadata } from "next";
import { AuthShell } from "@/components/auth/auth-shell";
import { ChoosePasswordForm } from "@/components/auth/choose-password-form";
import { LinkRefusal } from "@/components/auth/link-refusal";
import { getPasswordResetState, RESET_REFUSALS } from "@/lib/data/password-reset";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const reset = await getPasswordResetState({ token });
  return (
    <AuthShell
      title="Choose a new password"
      intro="Setting it signs this account out everywhere it is signed in."
    >
      {reset.state === "valid" ? (
        <ChoosePasswordForm
          url={`/api/password-reset/${encodeURIComponent(token)}`}
          email={reset.email}
          submitLabel="Set new password"
          done="Your password is changed. Taking you to sign in…"
        />
      ) : (
        <LinkRefusal message={RESET_REFUSALS[reset.state]} />
      )}
    </AuthShell>
  );
}
