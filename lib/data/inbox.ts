import { recordAudit } from "../audit";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { staffLink } from "../events/mail";
import { EVENT_TYPES, type TEventType } from "../events/types";

type TInboxScope = { orgId: string; userId: string };

/** Only the caller's own entries, of the caller's organisation. */
const mine = ({ orgId, userId }: TInboxScope) => ({
  channel: "inbox" as const,
  userId,
  event: { orgId },
});

export async function countUnread(scope: TInboxScope) {
  return db.delivery.count({ where: { ...mine(scope), readAt: null } });
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** What the inbox shows for an event: one line a person reads, and where it leads. */
function eventText(e: { type: string; payload: unknown }) {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const vendor = str(p.vendorName);
  switch (e.type as TEventType) {
    case "assessment.submitted":
      return `${vendor} submitted its questionnaire`;
    case "thread.vendor_replied":
      return `${str(p.authorLabel) || vendor} replied on “${str(p.questionLabel)}”`;
    case "finding.due_soon":
      return `Finding “${str(p.title)}” (${vendor}) is due on ${str(p.dueDate)}`;
    case "finding.overdue":
      return `Finding “${str(p.title)}” (${vendor}) was due on ${str(p.dueDate)}`;
    case "risk_acceptance.expiring":
      return `Risk acceptance for “${str(p.title)}” (${vendor}) expires on ${str(p.until)}`;
    case "risk_acceptance.expired":
      return `Risk acceptance for “${str(p.title)}” (${vendor}) expired on ${str(p.until)}`;
    default:
      return EVENT_TYPES[e.type as TEventType] ?? e.type;
  }
}

export async function listInbox({ take = 100, ...scope }: TInboxScope & { take?: number }) {
  const rows = await db.delivery.findMany({
    where: mine(scope),
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, readAt: true, createdAt: true, event: true },
  });
  return rows.map((d) => ({
    id: d.id,
    read: d.readAt !== null,
    createdAt: d.createdAt.toISOString(),
    text: eventText(d.event),
    // A path within the app, not the mail's absolute URL.
    href: new URL(staffLink(d.event)).pathname + new URL(staffLink(d.event)).hash,
  }));
}
export type TInboxItem = Awaited<ReturnType<typeof listInbox>>[number];

export async function markInboxRead({
  deliveryId,
  all,
  ...scope
}: TInboxScope & { deliveryId?: string; all?: boolean }) {
  const where = { ...mine(scope), readAt: null, ...(all ? {} : { id: deliveryId }) };
  if (!all) {
    const found = await db.delivery.findFirst({
      where: { ...mine(scope), id: deliveryId },
      select: { id: true },
    });
    if (!found) throw new NotFoundError("Notification not found");
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.delivery.updateMany({ where, data: { readAt: new Date() } });
    if (count)
      await recordAudit({
        tx,
        orgId: scope.orgId,
        actor: { kind: "user", userId: scope.userId },
        action: "inbox.read",
        targetType: "user",
        targetId: scope.userId,
        data: { count, ...(all ? { all: true } : { deliveryId: deliveryId ?? null }) },
      });
  });
  return { ok: true as const };
}
