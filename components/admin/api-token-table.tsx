"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { Table } from "@/components/ui/table";
import { callAction } from "@/components/ui/use-action-form";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { ROLE_LABELS, type TRole } from "@/lib/permissions";

export type TApiTokenRow = {
  id: string;
  name: string;
  role: TRole;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

function state(t: TApiTokenRow, now: number) {
  if (t.revokedAt) return { label: "Revoked", tone: "neutral" };
  if (t.expiresAt && Date.parse(t.expiresAt) <= now) return { label: "Expired", tone: "neutral" };
  return { label: "Active", tone: "low" };
}

export function ApiTokenTable({ tokens, now }: { tokens: TApiTokenRow[]; now: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" }>();
  const [asking, setAsking] = useState<TApiTokenRow>();

  function revoke(t: TApiTokenRow) {
    startTransition(async () => {
      const result = await callAction(() => revokeApiTokenAction({ tokenId: t.id }));
      setAsking(undefined);
      setMessage(
        result.error
          ? { text: result.error, tone: "error" }
          : { text: `${t.name} was revoked.`, tone: "success" },
      );
      router.refresh();
    });
  }

  const when = (iso: string | null, none: string) => (iso ? <LocalTime iso={iso} /> : none);
  return (
    <div className="space-y-3">
      <FormAlert message={message?.text} tone={message?.tone} />
      <Table
        caption="API tokens"
        rows={tokens}
        rowKey={(t) => t.id}
        empty="No API tokens yet."
        columns={[
          { header: "Name", rowHeader: true, cell: (t) => t.name },
          { header: "Role", cell: (t) => ROLE_LABELS[t.role] },
          {
            header: "Status",
            cell: (t) => {
              const s = state(t, now);
              return <Badge tone={s.tone}>{s.label}</Badge>;
            },
          },
          { header: "Last used", cell: (t) => when(t.lastUsedAt, "Never") },
          { header: "Expires", cell: (t) => when(t.expiresAt, "Never") },
          {
            header: "Actions",
            cell: (t) =>
              !t.revokedAt && (
                <Button
                  variant="danger"
                  disabled={pending}
                  aria-label={`Revoke ${t.name}`}
                  onClick={() => setAsking(t)}
                >
                  Revoke
                </Button>
              ),
          },
        ]}
      />
      <ConfirmDialog
        open={asking !== undefined}
        title={`Revoke ${asking?.name}?`}
        confirmLabel={`Yes, revoke ${asking?.name}`}
        cancelLabel="Keep the token"
        pending={pending}
        onCancel={() => setAsking(undefined)}
        onConfirm={() => asking && revoke(asking)}
      >
        <p>Every call made with it is refused from now on. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
