import type { Metadata } from "next";
import { AuthShell } from "@/components/auth/auth-shell";
import { ChoosePasswordForm } from "@/components/auth/choose-password-form";
import { LinkRefusal } from "@/components/auth/link-refusal";
import { getInvitationByToken, INVITATION_REFUSALS } from "@/lib/data/user-invitations";

export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const inv = await getInvitationByToken({ token });
  return (
    <AuthShell
      title="Join your team"
      intro={
        inv.state === "valid"
          ? `${inv.orgName} invited ${inv.name} (${inv.email}). Choose a password to finish.`
          : "An invitation to Resilience Ledger."
      }
    >
      {inv.state === "valid" ? (
        <ChoosePasswordForm
          url={`/api/invitations/${encodeURIComponent(token)}`}
          email={inv.email}
          submitLabel="Set password and join"
          done="Your account is ready. Taking you to sign in…"
        />
      ) : (
        <LinkRefusal message={INVITATION_REFUSALS[inv.state]} />
      )}
    </AuthShell>
  );
}
