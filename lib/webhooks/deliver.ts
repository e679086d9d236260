import { Webhook } from "standardwebhooks";
import { recordAudit } from "../audit";
import { db, type Prisma } from "../db";
import { getEnv } from "../env";
import { claimDelivery } from "../jobs/deliveries";
import type { TLookup } from "./address";
import { decryptWebhookSecret } from "./secret";
import { postWebhook } from "./send";

/** Seconds to wait after the 1st, 2nd … failed attempt; after the last one it gives up. */
export const RETRY_DELAYS_SECONDS = [10, 30, 120, 600, 3600, 6 * 3600, 24 * 3600] as const;
export const MAX_WEBHOOK_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
/** A claim older than this belongs to a process that died while sending (calls last ≤ 10 s). */
const STALE_CLAIM_MS = 2 * 60_000;

/** When the next attempt may go after `attempts` failed ones; null: no more attempts. */
export function retryDelayMs({
  attempts,
  scale = getEnv().WEBHOOK_RETRY_SCALE,
}: {
  attempts: number;
  scale?: number;
}): number | null {
  const s = RETRY_DELAYS_SECONDS[attempts - 1];
  return s === undefined ? null : Math.round(s * 1000 * scale);
}

export type TWebhookEventRow = {
  id: string;
  type: string;
  createdAt: Date;
  assessmentId: string | null;
  vendorId: string | null;
  findingId: string | null;
  payload: Prisma.JsonValue;
};

/** The JSON body every receiver gets: {id, type, timestamp, data}. */
export function webhookBody({ event }: { event: TWebhookEventRow }): string {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  const data: Record<string, unknown> = { ...payload };
  if (event.assessmentId) data.assessmentId = event.assessmentId;
  if (event.vendorId) data.vendorId = event.vendorId;
  if (event.findingId) data.findingId = event.findingId;
  return JSON.stringify({
    id: event.id,
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    data,
  });
}

/** Standard Webhooks headers: webhook-id, webhook-timestamp, webhook-signature ("v1,…"). */
export function signWebhook({
  secret,
  id,
  at,
  body,
}: {
  secret: string;
  id: string;
  at: Date;
  body: string;
}): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}

export type TSendWebhooks = {
  now?: Date;
  limit?: number;
  scale?: number;
  disableAfter?: number;
  allowed?: readonly string[];
  lookup?: TLookup;
  timeoutMs?: number;
};

/**
 * Sends the outbox's due webhook deliveries (lib/events/record.ts makes them). Like mail
 * (lib/jobs/deliveries.ts), each row is claimed with a guarded UPDATE first, so two instances
 * send it once. Every attempt is logged (WebhookAttempt); a failure waits RETRY_DELAYS_SECONDS
 * (times WEBHOOK_RETRY_SCALE) before the next one; an endpoint that fails `disableAfter`
 * attempts in a row is turned off, audited, and keeps its deliveries for "send again".
 */
export async function sendPendingWebhooks({
  now = new Date(),
  limit = 50,
  scale = getEnv().WEBHOOK_RETRY_SCALE,
  disableAfter = getEnv().WEBHOOK_DISABLE_AFTER,
  allowed,
  lookup,
  timeoutMs,
}: TSendWebhooks = {}) {
  const stale = new Date(now.getTime() - STALE_CLAIM_MS);
  const claimable = {
    channel: "webhook" as const,
    sentAt: null,
    attempts: { lt: MAX_WEBHOOK_ATTEMPTS },
    AND: [
      { OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
      { OR: [{ claimedAt: null }, { claimedAt: { lt: stale } }] },
    ],
  } satisfies Prisma.DeliveryWhereInput;
  const enabled = await db.webhookEndpoint.findMany({
    where: { enabled: true },
    select: { id: true, orgId: true, url: true, secretEncrypted: true },
  });
  const endpoints = new Map(enabled.map((e) => [e.id, e]));
  if (!endpoints.size) return { sent: 0, failed: 0 };
  const pending = await db.delivery.findMany({
    where: { ...claimable, recipient: { in: [...endpoints.keys()] } },
    orderBy: { createdAt: "asc" },
    take: limit,
    include: { event: true },
  });
  let sent = 0;
  let failed = 0;
  for (const d of pending) {
    const endpoint = endpoints.get(d.recipient);
    if (!endpoint || endpoint.orgId !== d.event.orgId) continue;
    if (!(await claimDelivery({ id: d.id, claimable }))) continue; // another process has it
    const attempt = d.attempts + 1;
    const started = Date.now();
    let result: { status: number } | { error: string };
    try {
      const secret = decryptWebhookSecret({ sealed: endpoint.secretEncrypted });
      const body = webhookBody({ event: d.event });
      const headers = signWebhook({ secret, id: d.event.id, at: new Date(), body });
      result = await postWebhook({ url: endpoint.url, body, headers, allowed, lookup, timeoutMs });
    } catch {
      result = { error: "the signing secret cannot be read (AUTH_SECRET changed?): rotate it" };
    }
    const ok = "status" in result && result.status >= 200 && result.status < 300;
    const error = ok
      ? null
      : "error" in result
        ? result.error
        : result.status >= 300 && result.status < 400
          ? `HTTP ${result.status}: redirects are not followed`
          : `HTTP ${result.status}`;
    const at = new Date();
    await db.webhookAttempt.create({
      data: {
        endpointId: endpoint.id,
        deliveryId: d.id,
        attempt,
        at,
        ok,
        responseCode: "status" in result ? result.status : null,
        error,
        durationMs: Date.now() - started,
      },
    });
    if (ok) {
      sent++;
      await db.delivery.update({
        where: { id: d.id },
        data: { sentAt: at, claimedAt: null, failedAt: null, lastError: null, nextAttemptAt: null },
      });
      await db.webhookEndpoint.updateMany({
        where: { id: endpoint.id, consecutiveFailures: { gt: 0 } },
        data: { consecutiveFailures: 0 },
      });
      continue;
    }
    failed++;
    const delay = retryDelayMs({ attempts: attempt, scale });
    await db.delivery.update({
      where: { id: d.id },
      data: {
        claimedAt: null,
        failedAt: at,
        lastError: error,
        nextAttemptAt: delay === null ? null : new Date(at.getTime() + delay),
      },
    });
    if (await countFailure({ endpointId: endpoint.id, orgId: endpoint.orgId, disableAfter }))
      endpoints.delete(endpoint.id);
  }
  return { sent, failed };
}

/** One more failure in a row; true when that turned the endpoint off (audited once). */
async function countFailure({
  endpointId,
  orgId,
  disableAfter,
}: {
  endpointId: string;
  orgId: string;
  disableAfter: number;
}): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { consecutiveFailures: { increment: 1 } },
      select: { consecutiveFailures: true, enabled: true },
    });
    if (!row.enabled || row.consecutiveFailures < disableAfter) return false;
    const reason = `${row.consecutiveFailures} failed attempts in a row`;
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { enabled: false, disabledAt: new Date(), disabledReason: reason },
    });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "system", label: "webhook deliveries" },
      action: "webhook.disabled",
      targetType: "webhook_endpoint",
      targetId: endpointId,
      data: { reason },
    });
    return true;
  });
}
