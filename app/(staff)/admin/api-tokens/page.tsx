import type { Metadata } from "next";
import { ApiTokenCreateForm } from "@/components/admin/api-token-create-form";
import { ApiTokenTable } from "@/components/admin/api-token-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/authz";
import { listApiTokens } from "@/lib/data/api-tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const user = await requirePageUser({ permission: "settings:manage" });
  const tokens = await listApiTokens({ orgId: user.orgId });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let other systems call the REST API (/api/v1, documented at /api/docs) with the role you give them. Send one as Authorization: Bearer <token>."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title="Tokens">
            <ApiTokenTable
              now={Date.now()}
              tokens={tokens.map((t) => ({
                ...t,
                createdAt: t.createdAt.toISOString(),
                lastUsedAt: iso(t.lastUsedAt),
                expiresAt: iso(t.expiresAt),
                revokedAt: iso(t.revokedAt),
              }))}
            />
          </Card>
        </div>
        <Card title="Create a token">
          <ApiTokenCreateForm />
        </Card>
      </div>
    </>
  );
}
