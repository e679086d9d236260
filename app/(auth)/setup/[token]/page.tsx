import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { SetupForm } from "@/components/auth/setup-form";
import { getSetupLinkState, SETUP_REFUSALS } from "@/lib/data/setup";

export const metadata: Metadata = { title: "Set up", referrer: "no-referrer" };

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await getSetupLinkState({ token });
  return (
    <AuthShell
      title="Set up your organisation"
      intro="Name your organisation and create its first administrator account."
      width="max-w-md"
    >
      {state === "valid" ? (
        <SetupForm token={token} />
      ) : (
        <div className="space-y-3 text-sm text-slate-800">
          <p role="alert">{SETUP_REFUSALS[state]}</p>
          <p>
            <Link className="text-indigo-700 underline" href="/login">
              Go to sign in
            </Link>
          </p>
        </div>
      )}
    </AuthShell>
  );
}
