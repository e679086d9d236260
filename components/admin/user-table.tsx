"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/field";
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
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">Users</caption>
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4">
                User
              </th>
              <th scope="col" className="py-2 pr-4">
                Role
              </th>
              <th scope="col" className="py-2 pr-4">
                Status
              </th>
              <th scope="col" className="py-2">
                Actions
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <tr key={u.id} data-testid={`user-row-${u.email}`}>
                <th scope="row" className="py-2 pr-4 font-normal">
                  <span className="block font-medium text-slate-900">{u.name}</span>
                  <span className="text-slate-600">{u.email}</span>
                </th>
                <td className="py-2 pr-4">
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
                </td>
                <td className="py-2 pr-4">
                  <Badge tone={u.active ? "low" : "neutral"}>
                    {u.active ? "Active" : "Deactivated"}
                  </Badge>
                </td>
                <td className="flex flex-wrap gap-2 py-2">
                  {u.id !== currentUserId && (
                    <>
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
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
