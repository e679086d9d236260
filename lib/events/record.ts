import type { TActor } from "../audit";
import type { Prisma } from "../db";
import { readEmailOff } from "./preferences";
import { isStaffEventType, type TEventType } from "./types";

export type TRecordEvent = {
  /** The transaction of the change that causes the event: it is recorded with it or not at all. */
  tx: Prisma.TransactionClient;
  orgId: string;
  type: TEventType;
  actor: TActor;
  assessmentId?: string;
  vendorId?: string;
  findingId?: string;
  /** Names, ids and dates only: webhooks will carry it out of the app. */
  payload?: Prisma.InputJsonObject;
  /** For events a scheduled job finds: a second run with the same key records nothing. */
  dedupeKey?: string;
  /** Thread replies: the reviewer who opened the thread. */
  reviewerId?: string | null;
};

type TRecipient =
  | { kind: "user"; userId: string }
  | { kind: "vendor"; invitationId: string; email: string };

/** Who an event is for, read inside the event's own transaction (so it sees the change). */
async function findRecipients(
  tx: Prisma.TransactionClient,
  e: TRecordEvent,
): Promise<TRecipient[]> {
  const users = async (ids: (string | null | undefined)[]) => {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return [];
    const rows = await tx.user.findMany({
      where: { id: { in: wanted }, orgId: e.orgId, active: true },
      select: { id: true },
    });
    return rows.map((u) => ({ kind: "user" as const, userId: u.id }));
  };
  const vendorLinks = async (where: Prisma.InvitationWhereInput) => {
    const rows = await tx.invitation.findMany({
      where: { assessmentId: e.assessmentId, orgId: e.orgId, revokedAt: null, ...where },
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true },
    });
    // One mail per address (the first link for it), as reminders do.
    const byEmail = new Map<string, string>();
    for (const r of rows)
      if (!byEmail.has(r.email.toLowerCase())) byEmail.set(r.email.toLowerCase(), r.id);
    return [...byEmail].map(([email, invitationId]) => ({
      kind: "vendor" as const,
      email,
      invitationId,
    }));
  };
  switch (e.type) {
    case "assessment.submitted": {
      const a = await tx.assessment.findFirst({
        where: { id: e.assessmentId, orgId: e.orgId },
        select: { createdById: true, vendor: { select: { ownerId: true } } },
      });
      return users([a?.vendor.ownerId, a?.createdById]);
    }
    case "assessment.changes_requested":
      return vendorLinks({ expiresAt: { gt: new Date() } });
    case "assessment.accepted":
    case "assessment.rejected":
      return vendorLinks({ kind: "primary" });
    case "thread.vendor_replied":
      return users([e.reviewerId]);
    case "flag.raised":
      return []; // for webhooks: people read the flags on the review page
    case "finding.due_soon":
    case "finding.overdue": {
      const f = await tx.finding.findFirst({
        where: { id: e.findingId, orgId: e.orgId },
        select: { ownerId: true },
      });
      return users([f?.ownerId]);
    }
    case "risk_acceptance.expiring":
    case "risk_acceptance.expired": {
      const managers = await tx.user.findMany({
        where: { orgId: e.orgId, role: "manager", active: true },
        select: { id: true },
      });
      return users(managers.map((m) => m.id));
    }
  }
}

/**
 * Writes one event and its deliveries in the caller's transaction (the outbox). Staff get an
 * inbox entry and, unless they turned that kind off, a mail; vendors get a mail per address.
 * Mails are sent later by the delivery job (lib/jobs/deliveries.ts). Returns the event's id,
 * or null when an event with the same dedupeKey exists.
 */
export async function recordEvent(e: TRecordEvent): Promise<string | null> {
  const { tx } = e;
  // ON CONFLICT DO NOTHING: a duplicate key must not abort the caller's transaction.
  const [created] = await tx.event.createManyAndReturn({
    data: [
      {
        orgId: e.orgId,
        type: e.type,
        assessmentId: e.assessmentId ?? null,
        vendorId: e.vendorId ?? null,
        findingId: e.findingId ?? null,
        actorKind: e.actor.kind,
        actorUserId: e.actor.kind === "user" ? e.actor.userId : null,
        actorInvitationId: e.actor.kind === "vendor" ? e.actor.invitationId : null,
        payload: e.payload ?? {},
        dedupeKey: e.dedupeKey ?? null,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!created) return null;
  const recipients = await findRecipients(tx, e);
  const staff = recipients.flatMap((r) => (r.kind === "user" ? [r.userId] : []));
  const prefs = staff.length
    ? await tx.user.findMany({
        where: { id: { in: staff } },
        select: { id: true, notificationsOff: true },
      })
    : [];
  const mailOff = new Map(prefs.map((p) => [p.id, readEmailOff(p.notificationsOff)]));
  const now = new Date();
  const rows: Prisma.DeliveryCreateManyInput[] = [];
  for (const r of recipients) {
    if (r.kind === "vendor") {
      rows.push({ eventId: created.id, channel: "email", recipient: r.invitationId });
      continue;
    }
    if (isStaffEventType(e.type))
      rows.push({
        eventId: created.id,
        channel: "inbox",
        recipient: r.userId,
        userId: r.userId,
        sentAt: now,
      });
    if (!mailOff.get(r.userId)?.has(e.type))
      rows.push({ eventId: created.id, channel: "email", recipient: r.userId, userId: r.userId });
  }
  // One webhook delivery per enabled endpoint of the organisation subscribed to the type.
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { orgId: e.orgId, enabled: true, events: { has: e.type } },
    select: { id: true },
  });
  for (const ep of endpoints)
    rows.push({ eventId: created.id, channel: "webhook", recipient: ep.id, nextAttemptAt: now });
  if (rows.length) await tx.delivery.createMany({ data: rows, skipDuplicates: true });
  return created.id;
}
