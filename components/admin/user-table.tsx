"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/field";
import { Table } from "@/components/ui/table";
import { callAction } from "@/components/ui/use-action-form";
import {
  changeUserRoleAction,
  resetUserSessionsAction,
  setUserActiveAction,
} from "@/lib/actions/users";
import type { TActionResult } from "@/lib/errors";
import {
  can,
  PERMISSIONS,
  ROLE_LABELS,
  ROLES,
  type TPermission,
  type TRole,
} from "@/lib/permissions";

/** What a permission lets one do, in the words the role-change confirmation uses. */
const ABILITY: Partial<Record<TPermission, string>> = {
  "vendor:write": "editing vendors",
  "assessment:send": "sending assessments",
  "assessment:review": "reviewing answers and findings",
  "risk:accept": "accepting risks",
  "report:export": "exporting reports",
  "user:manage": "managing users",
  "settings:manage": "the organisation's settings",
  "audit:read": "the audit log",
};

function abilities(from: TRole, to: TRole): string[] {
  return (Object.keys(PERMISSIONS) as TPermission[])
    .filter(
      (p) => ABILITY[p] && can({ role: from, permission: p }) && !can({ role: to, permission: p }),
    )
    .map((p) => ABILITY[p] as string);
}

/** The consequence of moving `u` from one role to another, named before it happens. */
function roleChangeText(name: string, from: TRole, to: TRole): string {
  const lost = abilities(from, to);
  const gained = abilities(to, from);
  const parts = [
    lost.length > 0 ? `${name} will lose access to ${lost.join(", ")} at once.` : "",
    gained.length > 0 ? `${name} will gain access to ${gained.join(", ")}.` : "",
    `${name} is signed out everywhere and signs in again as ${ROLE_LABELS[to]}.`,
  ];
  return parts.filter(Boolean).join(" ");
}

type TPending = { kind: "role"; user: TRow; role: TRole } | { kind: "deactivate"; user: TRow };

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
  const [asking, setAsking] = useState<TPending>();

  function run(label: string, fn: () => Promise<TActionResult<unknown>>) {
    startTransition(async () => {
      const result = await callAction(fn);
      setAsking(undefined);
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
                    setAsking({ kind: "role", user: u, role: e.target.value as TRole })
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
                      u.active
                        ? setAsking({ kind: "deactivate", user: u })
                        : run(`${u.name} was reactivated.`, () =>
                            setUserActiveAction({ userId: u.id, active: true }),
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
      <ConfirmDialog
        open={asking !== undefined}
        title={
          asking?.kind === "role"
            ? `Make ${asking.user.name} ${ROLE_LABELS[asking.role]}?`
            : `Deactivate ${asking?.user.name}?`
        }
        confirmLabel={
          asking?.kind === "role"
            ? `Yes, make ${asking.user.name} ${ROLE_LABELS[asking.role]}`
            : `Yes, deactivate ${asking?.user.name}`
        }
        cancelLabel={asking?.kind === "role" ? "Keep the role" : "Keep the account active"}
        pending={pending}
        onCancel={() => setAsking(undefined)}
        onConfirm={() => {
          if (asking?.kind === "role") {
            const { user, role } = asking;
            run(`${user.name} is now ${ROLE_LABELS[role]}.`, () =>
              changeUserRoleAction({ userId: user.id, role }),
            );
          } else if (asking?.kind === "deactivate") {
            const { user } = asking;
            run(`${user.name} was deactivated.`, () =>
              setUserActiveAction({ userId: user.id, active: false }),
            );
          }
        }}
      >
        {asking?.kind === "role" ? (
          <p>{roleChangeText(asking.user.name, asking.user.role, asking.role)}</p>
        ) : (
          <p>
            {asking?.user.name} will lose access to this workspace at once: signed out everywhere
            and unable to sign in until reactivated. Their history stays in the audit log.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
