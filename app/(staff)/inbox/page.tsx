import type { Metadata } from "next";
import Link from "next/link";
import { InboxTable } from "@/components/profile/inbox-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/authz";
import { countUnread, listInbox } from "@/lib/data/inbox";

export const metadata: Metadata = { title: "Inbox" };

const SHOWN = 100;

export default async function InboxPage() {
  const user = await requirePageUser({ permission: "profile:manage" });
  const scope = { orgId: user.orgId, userId: user.id };
  const [items, unread] = await Promise.all([
    listInbox({ ...scope, take: SHOWN }),
    countUnread(scope),
  ]);
  return (
    <>
      <PageHeader
        title="Inbox"
        description="What needs you: vendors' submissions and replies on your threads, findings you own, risk acceptances running out. Each links to its place."
        actions={
          <Link
            href="/profile"
            className="text-sm font-medium text-indigo-800 underline underline-offset-2"
          >
            Choose what reaches you by mail
          </Link>
        }
      />
      <Card>
        <InboxTable items={items} unread={unread} />
        {items.length === SHOWN && (
          <p className="mt-3 text-xs text-slate-600">The {SHOWN} newest are shown.</p>
        )}
      </Card>
    </>
  );
}
