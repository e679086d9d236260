import type { Metadata } from "next";
import Link from "next/link";
import { PreferencesForm } from "@/components/profile/preferences-form";
import { Card, PageHeader } from "@/components/ui/card";
import { SafeText } from "@/components/ui/safe-text";
import { requirePageUser } from "@/lib/authz";
import { getTwoFactorStatus } from "@/lib/data/two-factor";
import { getNotificationPreferences } from "@/lib/events/preferences";
import { ROLE_LABELS } from "@/lib/permissions";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const user = await requirePageUser({ permission: "profile:manage" });
  const [prefs, twoFactor] = await Promise.all([
    getNotificationPreferences({ userId: user.id }),
    getTwoFactorStatus({ userId: user.id }),
  ]);
  return (
    <>
      <PageHeader
        title="Your profile"
        description="Who you are here, and what we tell you by mail."
      />
      <div className="max-w-xl space-y-6">
        <Card title="Account">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">Name</dt>
            <dd>
              <SafeText text={user.name} />
            </dd>
            <dt className="text-slate-600">Email</dt>
            <dd>
              <SafeText text={user.email} />
            </dd>
            <dt className="text-slate-600">Role</dt>
            <dd>{ROLE_LABELS[user.role]}</dd>
          </dl>
        </Card>
        <Card title="Two-factor sign-in">
          <p className="text-sm">
            {twoFactor.enabled
              ? `On: a code from your authenticator app is asked for after your password. Recovery codes left: ${twoFactor.recoveryLeft}.`
              : "Off: only your password is asked for."}{" "}
            <Link href="/two-factor" className="font-medium text-indigo-700 underline">
              {twoFactor.enabled ? "Manage two-factor sign-in" : "Set up two-factor sign-in"}
            </Link>
          </p>
        </Card>
        <Card title="Mail notifications">
          <PreferencesForm initial={prefs} />
        </Card>
      </div>
    </>
  );
}
