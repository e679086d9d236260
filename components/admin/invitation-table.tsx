"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { Table } from "@/components/ui/table";
import { callAction, type TFormMessage } from "@/components/ui/use-action-form";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/actions/identity";
import { ROLE_LABELS, type TRole } from "@/lib/permissions";

type TRow = { id: string; name: string; email: string; role: TRole; expiresAt: Date };

/** Invitations not yet accepted: send again (a new link) or withdraw. */
export function InvitationTable({ invitations }: { invitations: TRow[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<TFormMessage>();

  function run(done: string, fn: () => ReturnType<typeof revokeInvitationAction>) {
    startTransition(async () => {
      const result = await callAction(fn);
      setMessage(
        result.error ? { text: result.error, tone: "error" } : { text: done, tone: "success" },
      );
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      <FormAlert message={message?.text} tone={message?.tone} />
      <Table
        caption="Invitations"
        rows={invitations}
        rowKey={(i) => i.id}
        empty="No invitations waiting."
        rowProps={(i) => ({ "data-testid": `invitation-row-${i.email}` })}
        columns={[
          {
            header: "Invited",
            rowHeader: true,
            cell: (i) => (
              <>
                <span className="block font-medium text-slate-900">{i.name}</span>
                <span className="font-normal text-slate-600">{i.email}</span>
              </>
            ),
          },
          { header: "Role", cell: (i) => ROLE_LABELS[i.role] },
          {
            header: "Link expires",
            cell: (i) => <LocalTime iso={i.expiresAt.toISOString()} />,
          },
          {
            header: "Actions",
            cell: (i) => (
              <div className="flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  disabled={pending}
                  aria-label={`Send the invitation to ${i.email} again`}
                  onClick={() =>
                    run(`Invitation sent again to ${i.email}.`, () =>
                      resendInvitationAction({ invitationId: i.id }),
                    )
                  }
                >
                  Send again
                </Button>
                <Button
                  variant="danger"
                  disabled={pending}
                  aria-label={`Withdraw the invitation to ${i.email}`}
                  onClick={() =>
                    run(`Invitation to ${i.email} withdrawn.`, () =>
                      revokeInvitationAction({ invitationId: i.id }),
                    )
                  }
                >
                  Withdraw
                </Button>
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
