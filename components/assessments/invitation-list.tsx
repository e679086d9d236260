"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/field";
import { callAction } from "@/components/ui/use-action-form";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/actions/assessments";
import { formatDate } from "@/lib/dates";

type TRow = {
  id: string;
  email: string;
  kind: string;
  expiresAt: string;
  revokedAt: string | null;
  lastSentAt: string | null;
  lastUsedAt: string | null;
  /** The link that invited this colleague (null for links sent by staff). */
  invitedById: string | null;
};

/** Live colleague links that revoking `id` ends with it (lib/data/invitations.ts). */
function liveColleaguesOf(id: string, rows: TRow[], now: number): number {
  let count = 0;
  const seen = new Set([id]);
  let frontier = [id];
  while (frontier.length > 0) {
    const next = rows.filter(
      (r) => r.invitedById !== null && frontier.includes(r.invitedById) && !seen.has(r.id),
    );
    for (const r of next) {
      seen.add(r.id);
      if (!r.revokedAt && new Date(r.expiresAt).getTime() >= now) count++;
    }
    frontier = next.map((r) => r.id);
  }
  return count;
}

const colleagueLinks = (n: number) => `${n} colleague link${n === 1 ? "" : "s"}`;

export function InvitationList({
  rows,
  canSend,
  cancelled = false,
}: {
  rows: TRow[];
  canSend: boolean;
  /** The assessment was cancelled: every link to it has stopped, whatever its own state. */
  cancelled?: boolean;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" }>();
  /** The link whose revocation waits for confirmation, with its live colleague links. */
  const [asking, setAsking] = useState<{ id: string; email: string; colleagues: number }>();
  const now = Date.now();
  function run(fn: () => Promise<{ error?: string }>, done: string) {
    start(async () => {
      const r = await callAction(fn as never);
      setAsking(undefined);
      setMessage(r.error ? { text: r.error, tone: "error" } : { text: done, tone: "success" });
      router.refresh();
    });
  }
  return (
    <div className="space-y-3">
      <FormAlert message={message?.text} tone={message?.tone} />
      <ul className="divide-y divide-slate-100 text-sm">
        {rows.map((r) => {
          const state = cancelled
            ? "stopped"
            : r.revokedAt
              ? "revoked"
              : new Date(r.expiresAt).getTime() < now
                ? "expired"
                : "active";
          const colleagues = state === "active" ? liveColleaguesOf(r.id, rows, now) : 0;
          const withColleagues =
            colleagues > 0 ? ` and ${colleagues} colleague link${colleagues === 1 ? "" : "s"}` : "";
          return (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{r.email}</span>{" "}
                <span className="text-slate-600">
                  ({r.kind === "primary" ? "invited by you" : "colleague"})
                </span>
                <span className="block text-xs text-slate-600">
                  sent {formatDate(r.lastSentAt)} · last opened{" "}
                  {formatDate(r.lastUsedAt, { empty: "never" })} · expires {formatDate(r.expiresAt)}
                </span>
              </span>
              <span className="flex items-center gap-2">
                <Badge tone={state === "active" ? "low" : "neutral"}>{state}</Badge>
                {canSend && (
                  <>
                    <button
                      type="button"
                      disabled={pending}
                      className="rounded px-2 py-1 text-indigo-800 ring-1 ring-indigo-200 hover:bg-indigo-50"
                      onClick={() =>
                        run(
                          () => resendInvitationAction({ invitationId: r.id }),
                          `A new link was sent to ${r.email}.`,
                        )
                      }
                    >
                      Resend<span className="sr-only"> to {r.email}</span>
                    </button>
                    {state === "active" && (
                      <button
                        type="button"
                        disabled={pending}
                        className="rounded px-2 py-1 text-red-700 ring-1 ring-red-200 hover:bg-red-50"
                        onClick={() => setAsking({ id: r.id, email: r.email, colleagues })}
                      >
                        Revoke<span className="sr-only"> link of {r.email}</span>
                        {withColleagues}
                      </button>
                    )}
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={asking !== undefined}
        title={`Revoke the link of ${asking?.email}?`}
        confirmLabel="Yes, revoke the link"
        cancelLabel="Keep the link"
        pending={pending}
        onCancel={() => setAsking(undefined)}
        onConfirm={() => {
          if (!asking) return;
          const { id, email, colleagues } = asking;
          const more = colleagues > 0 ? ` and ${colleagueLinks(colleagues)}` : "";
          run(
            () => revokeInvitationAction({ invitationId: id }),
            more
              ? `The link of ${email}${more} no longer work.`
              : `The link of ${email} no longer works.`,
          );
        }}
      >
        <p>
          The link of {asking?.email} stops working at once
          {asking && asking.colleagues > 0
            ? ` (and its ${colleagueLinks(asking.colleagues)}, which it invited)`
            : ""}
          . Answers already saved are kept; to let them in again, resend a new link.
        </p>
      </ConfirmDialog>
    </div>
  );
}
