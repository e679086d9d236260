import type { Metadata } from "next";
import { PolicyForm } from "@/components/admin/policy-form";
import { VersionList } from "@/components/admin/version-list";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/authz";
import { getPolicy } from "@/lib/data/policy";
import { policyToForm } from "@/lib/schemas/policy";

export const metadata: Metadata = { title: "Risk policy" };

export default async function PolicyPage() {
  const user = await requirePageUser({ permission: "settings:manage" });
  const { policy, version, versions } = await getPolicy({ orgId: user.orgId });
  return (
    <>
      <PageHeader
        title="Risk policy"
        description={`Your organisation's requirements per tier and its severity caps. Version ${version}: assessments sent from now on use it, open ones take it when submitted.`}
      />
      <div className="grid max-w-5xl gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <PolicyForm initial={policyToForm(policy)} />
        </Card>
        <Card title="Versions">
          <VersionList versions={versions} empty="Version 1: the tier defaults, never changed." />
        </Card>
      </div>
    </>
  );
}
