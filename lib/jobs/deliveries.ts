import { db, type Prisma } from "../db";
import { staffMail, vendorMail } from "../events/mail";
import { sendMail } from "../mail";
import { respondUrl } from "../mail/templates";
import { createToken } from "../tokens";

const MAX_ATTEMPTS = 5;
/** A claim older than this belongs to a process that died while sending: take it over. */
const STALE_CLAIM_MS = 10 * 60_000;

/**
 * Claims one pending delivery for this process: an UPDATE guarded by `claimable` (the same
 * filter that found it), so of two processes that found the row only one gets it. Counts the
 * attempt. Mail (below) and webhooks (lib/webhooks/deliver.ts) both send only what they claimed.
 */
export async function claimDelivery({
  id,
  claimable,
  at = new Date(),
}: {
  id: string;
  claimable: Prisma.DeliveryWhereInput;
  at?: Date;
}): Promise<boolean> {
  const claim = await db.delivery.updateMany({
    where: { id, ...claimable },
    data: { claimedAt: at, attempts: { increment: 1 } },
  });
  return claim.count === 1;
}

/**
 * Sends the outbox's pending mail deliveries (lib/events). Each row is claimed before its mail
 * goes out — an UPDATE guarded by "not sent, not claimed" — so two processes running this at
 * once send each mail once: the second one's UPDATE finds the row claimed and skips it. A failed
 * send releases its claim and is retried at the next run, at most MAX_ATTEMPTS times.
 */
export async function sendPendingDeliveries({ now = new Date(), limit = 200 } = {}) {
  const stale = new Date(now.getTime() - STALE_CLAIM_MS);
  const claimable = {
    channel: "email" as const,
    sentAt: null,
    attempts: { lt: MAX_ATTEMPTS },
    OR: [{ claimedAt: null }, { claimedAt: { lt: stale } }],
  };
  const pending = await db.delivery.findMany({
    where: claimable,
    orderBy: { createdAt: "asc" },
    take: limit,
    include: { event: true },
  });
  let sent = 0;
  let failed = 0;
  for (const d of pending) {
    if (!(await claimDelivery({ id: d.id, claimable, at: now }))) continue; // another process has it
    let extraLink: string | undefined;
    try {
      let to: string;
      let mail: Awaited<ReturnType<typeof staffMail>>;
      if (d.userId) {
        const user = await db.user.findFirst({
          where: { id: d.userId, orgId: d.event.orgId, active: true },
          select: { email: true },
        });
        if (!user) {
          // Deactivated (or gone) since: nothing to send, and nothing to retry.
          await db.delivery.update({
            where: { id: d.id },
            data: { failedAt: now, lastError: "recipient inactive", attempts: MAX_ATTEMPTS },
          });
          continue;
        }
        to = user.email;
        mail = await staffMail({ event: d.event });
      } else {
        const invitation = await db.invitation.findFirst({
          where: { id: d.recipient, orgId: d.event.orgId, revokedAt: null },
          select: { id: true, email: true },
        });
        if (!invitation) {
          await db.delivery.update({
            where: { id: d.id },
            data: { failedAt: now, lastError: "link revoked", attempts: MAX_ATTEMPTS },
          });
          continue;
        }
        // Only hashes of links are stored: each mail carries a new link to the same invitation.
        const { token, hash } = createToken();
        const link = await db.invitationToken.create({
          data: { invitationId: invitation.id, tokenHash: hash, purpose: "notification" },
        });
        extraLink = link.id;
        to = invitation.email;
        mail = await vendorMail({ event: d.event, url: respondUrl(token) });
      }
      await sendMail({ to, ...mail });
      await db.delivery.update({
        where: { id: d.id },
        data: { sentAt: new Date(), failedAt: null, lastError: null },
      });
      sent++;
    } catch (e) {
      if (extraLink) await db.invitationToken.delete({ where: { id: extraLink } }).catch(() => {});
      // The reason, never the mail: it may name people and addresses.
      const reason = e instanceof Error ? e.name : "error";
      await db.delivery.update({
        where: { id: d.id },
        data: { claimedAt: null, failedAt: new Date(), lastError: reason },
      });
      failed++;
    }
  }
  return { sent, failed };
}
