import type { Metadata } from "next";
import Link from "next/link";
import { SettingsForm } from "@/components/admin/settings-form";
import { TwoFactorRuleForm } from "@/components/admin/two-factor-rule-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/authz";
import { getOrgSettings } from "@/lib/data/org";
import { getTwoFactorRule } from "@/lib/data/two-factor";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser({ permission: "settings:manage" });
  const [settings, twoFactorRule] = await Promise.all([
    getOrgSettings({ orgId: user.orgId }),
    getTwoFactorRule({ orgId: user.orgId }),
  ]);
  return (
    <>
      <PageHeader
        title="Organisation settings"
        description="How your organisation appears to vendors, and when reminders go out."
      />
      <div className="max-w-xl space-y-4">
        <Card>
          <SettingsForm initial={settings} />
        </Card>
        <Card title="Two-factor sign-in">
          <TwoFactorRuleForm initial={{ rule: twoFactorRule }} />
        </Card>
        <p className="text-sm">
          Requirements per tier and severity caps:{" "}
          <Link href="/admin/policy" className="font-medium text-indigo-700 underline">
            risk policy
          </Link>
          .
        </p>
      </div>
    </>
  );
}
