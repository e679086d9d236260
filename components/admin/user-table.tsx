"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/field";
import { Table } from "@/components/ui/table";
import { callAction } from "@/components/ui/use-action-form";
import {
  changeUserRoleAction,
  resetUserSessionsAction,
  setUserActiveAction,
} from "@/lib/actions/users";
import type { TActionResult } from "@/lib/errors";
import { ROLE_LABELS, ROLES, type TRole } from "@/lib/permissions";

type TRow = {
  id: string;
  name: string;
  email: string;
  role: TRole;
  active: boolean;
  lastSignInAt: Date | null;
};

export function UserTable({ users, currentUserId }: { users: TRow[]; currentUserId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" }>();

  function run(label: string, fn: () => Promise<TActionResult<unknown>>) {
    startTransition(async () => {
      const result = await callAction(fn);
      setMessage(
        result.error ? { text: result.error, tone: "error" } : { text: label, tone: "success" },
      );
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      <FormAlert message={message?.text} tone={message?.tone} />
      <Table
        caption="Users"
        rows={users}
        rowKey={(u) => u.id}
        rowProps={(u) => ({ "data-testid": `user-row-${u.email}`, className: "align-middle" })}
        columns={[
          {
            header: "User",
            rowHeader: true,
            cell: (u) => (
              <>
                <span className="block font-medium text-slate-900">{u.name}</span>
                <span className="font-normal text-slate-600">{u.email}</span>
              </>
            ),
          },
          {
            header: "Role",
            cell: (u) => (
              <>
                <label className="sr-only" htmlFor={`role-${u.id}`}>
                  Role of {u.name}
                </label>
                <select
                  id={`role-${u.id}`}
                  className="rounded-md border-0 py-1 text-sm ring-1 ring-slate-300"
                  value={u.role}
                  disabled={pending || u.id === currentUserId}
                  onChange={(e) =>
                    run(`${u.name} is now ${ROLE_LABELS[e.target.value as TRole]}.`, () =>
                      changeUserRoleAction({ userId: u.id, role: e.target.value as TRole }),
                    )
                  }
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </>
            ),
          },
          {
            header: "Status",
            cell: (u) => (
              <Badge tone={u.active ? "low" : "neutral"}>
                {u.active ? "Active" : "Deactivated"}
              </Badge>
            ),
          },
          {
            header: "Actions",
            cell: (u) =>
              u.id !== currentUserId && (
                <div className="flex flex-wrap gap-2">
                  <Button
                    variant={u.active ? "danger" : "secondary"}
                    disabled={pending}
                    aria-label={`${u.active ? "Deactivate" : "Reactivate"} ${u.name}`}
                    onClick={() =>
                      run(`${u.name} was ${u.active ? "deactivated" : "reactivated"}.`, () =>
                        setUserActiveAction({ userId: u.id, active: !u.active }),
                      )
                    }
                  >
                    {u.active ? "Deactivate" : "Reactivate"}
                  </Button>
                  <Button
                    variant="secondary"
                    disabled={pending}
                    aria-label={`Sign out ${u.name} everywhere`}
                    onClick={() =>
                      run(`${u.name}'s sessions were reset.`, () =>
                        resetUserSessionsAction({ userId: u.id }),
                      )
                    }
                  >
                    Reset sessions
                  </Button>
                </div>
              ),
          },
        ]}
      />
    </div>
  );
}
