import { z } from "zod";
import { recordAudit } from "../audit";
import { db, type Prisma } from "../db";
import { NotFoundError } from "../errors";
import type { TUpdateWebhookEndpoint, TWebhookEndpointWrite } from "../schemas/webhook";
import { checkWebhookUrl } from "../webhooks/address";
import { encryptWebhookSecret, generateWebhookSecret } from "../webhooks/secret";

// Webhook endpoints of an organisation (lib/webhooks): every function is scoped by orgId and
// writes its audit entry in its own transaction. The audit keeps a URL's origin only: paths
// and query strings of webhook URLs often carry a receiver's token.

export const webhookEndpointSelect = {
  id: true,
  url: true,
  description: true,
  events: true,
  enabled: true,
  disabledReason: true,
  disabledAt: true,
  consecutiveFailures: true,
  createdAt: true,
} satisfies Prisma.WebhookEndpointSelect;

const ATTEMPTS_SHOWN = 25;

/** The organisation's endpoints, each with its latest attempts (the log the page shows). */
export async function listWebhookEndpoints({ orgId }: { orgId: string }) {
  const endpoints = await db.webhookEndpoint.findMany({
    where: { orgId },
    select: {
      ...webhookEndpointSelect,
      attempts: {
        orderBy: { at: "desc" },
        take: ATTEMPTS_SHOWN,
        select: {
          id: true,
          attempt: true,
          at: true,
          ok: true,
          responseCode: true,
          error: true,
          durationMs: true,
          delivery: {
            select: {
              id: true,
              sentAt: true,
              nextAttemptAt: true,
              attempts: true,
              event: { select: { id: true, type: true } },
            },
          },
        },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  return endpoints;
}

const origin = (url: string) => new URL(url).origin;

/** A refused URL is a field error on `url`, like any other bad input (400). */
async function assertUrlAllowed(url: string) {
  const problem = await checkWebhookUrl({ raw: url });
  if (problem)
    throw new z.ZodError([{ code: "custom", path: ["url"], message: problem, input: url }]);
}

type TActorArgs = { orgId: string; actorId: string };

/** Every change to an endpoint is audited the same way: who, which endpoint, what (no path). */
function auditEndpoint(
  tx: Prisma.TransactionClient,
  { orgId, actorId }: TActorArgs,
  action: string,
  endpointId: string,
  data: Prisma.InputJsonObject,
) {
  return recordAudit({
    tx,
    orgId,
    actor: { kind: "user", userId: actorId },
    action,
    targetType: "webhook_endpoint",
    targetId: endpointId,
    data,
  });
}

/** Registers an endpoint; the returned `secret` is the only time it exists in clear. */
export async function createWebhookEndpoint({
  orgId,
  actorId,
  input,
}: TActorArgs & { input: TWebhookEndpointWrite }) {
  await assertUrlAllowed(input.url);
  const secret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: {
        orgId,
        url: input.url,
        description: input.description,
        events: input.events,
        secretEncrypted: encryptWebhookSecret({ secret }),
      },
      select: { id: true },
    });
    await auditEndpoint(tx, { orgId, actorId }, "webhook.created", row.id, {
      origin: origin(input.url),
      events: input.events,
    });
    return { id: row.id, secret };
  });
}

async function findOwn(tx: Prisma.TransactionClient, orgId: string, endpointId: string) {
  const row = await tx.webhookEndpoint.findFirst({
    where: { id: endpointId, orgId },
    select: { id: true, url: true, enabled: true, events: true },
  });
  if (!row) throw new NotFoundError("Webhook endpoint not found");
  return row;
}

export async function updateWebhookEndpoint({
  orgId,
  actorId,
  input,
}: TActorArgs & { input: TUpdateWebhookEndpoint }) {
  await findOwn(db, orgId, input.endpointId); // 404 before anything is said about the URL
  await assertUrlAllowed(input.url);
  await db.$transaction(async (tx) => {
    const before = await findOwn(tx, orgId, input.endpointId);
    await tx.webhookEndpoint.update({
      where: { id: before.id },
      data: { url: input.url, description: input.description, events: input.events },
    });
    await auditEndpoint(tx, { orgId, actorId }, "webhook.updated", before.id, {
      origin: { from: origin(before.url), to: origin(input.url) },
      events: { from: before.events, to: input.events },
    });
  });
}

/** Turning an endpoint on again starts its failure count afresh. */
export async function setWebhookEndpointEnabled({
  orgId,
  actorId,
  endpointId,
  enabled,
}: TActorArgs & { endpointId: string; enabled: boolean }) {
  await db.$transaction(async (tx) => {
    const row = await findOwn(tx, orgId, endpointId);
    if (row.enabled === enabled) return;
    await tx.webhookEndpoint.update({
      where: { id: row.id },
      data: enabled
        ? { enabled, disabledAt: null, disabledReason: null, consecutiveFailures: 0 }
        : { enabled, disabledAt: new Date(), disabledReason: null },
    });
    await auditEndpoint(
      tx,
      { orgId, actorId },
      enabled ? "webhook.enabled" : "webhook.disabled",
      row.id,
      { origin: origin(row.url) },
    );
  });
}

/** Deletes the endpoint, its log and its deliveries not yet sent. */
export async function deleteWebhookEndpoint({
  orgId,
  actorId,
  endpointId,
}: TActorArgs & { endpointId: string }) {
  await db.$transaction(async (tx) => {
    const row = await findOwn(tx, orgId, endpointId);
    await tx.delivery.deleteMany({ where: { channel: "webhook", recipient: row.id } });
    await tx.webhookEndpoint.delete({ where: { id: row.id } });
    await auditEndpoint(tx, { orgId, actorId }, "webhook.deleted", row.id, {
      origin: origin(row.url),
    });
  });
}

/** A new signing secret, returned once; the old one stops working at once. */
export async function rotateWebhookSecret({
  orgId,
  actorId,
  endpointId,
}: TActorArgs & { endpointId: string }) {
  const secret = generateWebhookSecret();
  await db.$transaction(async (tx) => {
    const row = await findOwn(tx, orgId, endpointId);
    await tx.webhookEndpoint.update({
      where: { id: row.id },
      data: { secretEncrypted: encryptWebhookSecret({ secret }) },
    });
    await auditEndpoint(tx, { orgId, actorId }, "webhook.secret_rotated", row.id, {
      origin: origin(row.url),
    });
  });
  return { secret };
}

/** "Send again": the delivery goes out at the next run, with a fresh retry schedule. */
export async function resendWebhookDelivery({
  orgId,
  actorId,
  deliveryId,
}: TActorArgs & { deliveryId: string }) {
  await db.$transaction(async (tx) => {
    const d = await tx.delivery.findFirst({
      where: { id: deliveryId, channel: "webhook", event: { orgId } },
      select: { id: true, recipient: true, eventId: true },
    });
    if (!d) throw new NotFoundError("Webhook delivery not found");
    await findOwn(tx, orgId, d.recipient);
    await tx.delivery.update({
      where: { id: d.id },
      data: {
        sentAt: null,
        failedAt: null,
        claimedAt: null,
        lastError: null,
        attempts: 0,
        nextAttemptAt: new Date(),
      },
    });
    await auditEndpoint(tx, { orgId, actorId }, "webhook.delivery_resent", d.recipient, {
      deliveryId: d.id,
      eventId: d.eventId,
    });
  });
}
