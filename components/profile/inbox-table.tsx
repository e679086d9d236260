"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { Table } from "@/components/ui/table";
import { callAction, type TFormMessage } from "@/components/ui/use-action-form";
import { markInboxReadAction } from "@/lib/actions/profile";
import type { TInboxItem } from "@/lib/data/inbox";
import { formatDate } from "@/lib/dates";

const linkId = (id: string) => `inbox-link-${id}`;

/** The user's notifications, newest first; unread ones say so in words, not colour alone. */
export function InboxTable({ items, unread }: { items: TInboxItem[]; unread: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<TFormMessage>();
  // Where focus goes once a "Mark read" button has gone: the notification's own link.
  const [focusId, setFocusId] = useState<string>();

  useEffect(() => {
    if (pending || !focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(undefined);
  }, [pending, focusId]);

  function mark(input: { deliveryId: string } | { all: true }, done: string, focus?: string) {
    startTransition(async () => {
      const r = await callAction(() => markInboxReadAction(input));
      if (r.error) return setMessage({ text: r.error, tone: "error" });
      setMessage({ text: done, tone: "success" });
      setFocusId(focus);
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" data-testid="inbox-unread">
          {unread === 0 ? "Nothing unread." : `${unread} unread`}
        </p>
        {/* aria-disabled, not disabled: the button keeps focus once everything is read. */}
        <Button
          variant="secondary"
          aria-disabled={unread === 0 || pending}
          onClick={() => unread > 0 && !pending && mark({ all: true }, "All notifications read.")}
        >
          Mark all read
        </Button>
      </div>
      <FormAlert message={message?.text} tone={message?.tone} />
      <Table
        caption="Notifications, newest first"
        rows={items}
        rowKey={(n) => n.id}
        rowProps={(n) => ({
          "data-testid": `inbox-item-${n.id}`,
          className: n.read ? "align-middle" : "align-middle bg-indigo-50",
        })}
        empty="No notifications yet. Submissions, replies on your threads, findings you own and expiring risk acceptances will appear here."
        columns={[
          {
            header: "Notification",
            rowHeader: true,
            cell: (n) => (
              <Link
                id={linkId(n.id)}
                href={n.href}
                className={`text-indigo-800 underline-offset-2 hover:underline ${n.read ? "font-normal" : "font-semibold"}`}
              >
                {n.text}
              </Link>
            ),
          },
          {
            header: "Status",
            cell: (n) =>
              n.read ? (
                <span className="text-slate-600">Read</span>
              ) : (
                <Badge tone="info">Unread</Badge>
              ),
          },
          {
            header: "When",
            cell: (n) => (
              <span className="whitespace-nowrap text-slate-700">
                {formatDate(n.createdAt)} <LocalTime iso={n.createdAt} />
              </span>
            ),
          },
          {
            header: "Action",
            cell: (n) =>
              !n.read && (
                <Button
                  variant="secondary"
                  className="whitespace-nowrap"
                  disabled={pending}
                  aria-label={`Mark read: ${n.text}`}
                  onClick={() => mark({ deliveryId: n.id }, "Marked read.", linkId(n.id))}
                >
                  Mark read
                </Button>
              ),
          },
        ]}
      />
    </div>
  );
}
