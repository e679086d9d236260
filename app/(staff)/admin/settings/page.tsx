import type { Metadata } from "next";
import Link from "next/link";
import { SettingsForm } from "@/components/admin/settings-form";
import { DomainClaims, SsoSettingsForm } from "@/components/admin/sso-settings";
import { TwoFactorRuleForm } from "@/components/admin/two-factor-rule-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/authz";
import { getOrgSettings } from "@/lib/data/org";
import { getSsoSettingsForm, listOrgDomains } from "@/lib/data/org-sso";
import { getTwoFactorRule } from "@/lib/data/two-factor";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser({ permission: "settings:manage" });
  const [settings, domains, sso, twoFactorRule] = await Promise.all([
    getOrgSettings({ orgId: user.orgId }),
    listOrgDomains({ orgId: user.orgId }),
    getSsoSettingsForm({ orgId: user.orgId }),
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
        <Card title="Claimed email domains">
          <DomainClaims domains={domains.map((d) => d.domain)} />
        </Card>
        <Card title="Single sign-on">
          <SsoSettingsForm initial={sso} />
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
