import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { TwoFactorDisable, TwoFactorEnrol } from "@/components/auth/two-factor-setup";
import { getSessionUser } from "@/lib/authz";
import { getPendingTotpEnrolment, getTwoFactorStatus } from "@/lib/data/two-factor";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Two-factor sign-in" };

// Outside the staff layout on purpose: a user whose organisation requires two-factor sign-in
// is sent here (lib/authz.ts) and can reach nothing else until it is on.
export default async function TwoFactorPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (!can({ role: user.role, permission: "profile:manage" })) forbidden();
  const [status, pending] = await Promise.all([
    getTwoFactorStatus({ userId: user.id }),
    getPendingTotpEnrolment({ userId: user.id }),
  ]);
  return (
    <AuthShell
      title="Two-factor sign-in"
      width="max-w-md"
      intro={
        user.twoFactorSetupDue
          ? `${user.orgName} requires a code from an authenticator app when you sign in. Set it up to continue.`
          : "A code from an authenticator app, asked for after your password."
      }
    >
      {status.enabled ? (
        <div className="space-y-4 text-sm">
          <p>
            Two-factor sign-in is on. Recovery codes left: {status.recoveryLeft}.
            {status.required ? " Your organisation requires it." : ""}
          </p>
          <TwoFactorDisable />
        </div>
      ) : (
        <TwoFactorEnrol started={pending} />
      )}
      {!user.twoFactorSetupDue && (
        <p className="mt-4 text-center text-sm">
          <Link className="text-indigo-700 underline" href="/profile">
            Back to your profile
          </Link>
        </p>
      )}
    </AuthShell>
  );
}
