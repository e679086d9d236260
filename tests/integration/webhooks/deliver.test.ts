import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, it } from "vitest";

// Signed webhooks end to end against a real local HTTP receiver (allowlisted): an event of a
// subscribed type becomes one signed delivery per endpoint, a failing receiver is retried on
// the backoff schedule and each attempt is logged, and an endpoint that keeps failing is
// turned off (audited).

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-webhooks-"));
process.env.AUTH_SECRET = "webhook-test-auth-secret-0123456789abcdefghijkl";
process.env.WEBHOOK_ALLOWED_HOSTS = "127.0.0.1";
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("../db");
const { recordEvent } = await import("@/lib/events/record");
const webhooks = await import("@/lib/data/webhooks");
const { sendPendingWebhooks, retryDelayMs, signWebhook, MAX_WEBHOOK_ATTEMPTS } = await import(
  "@/lib/webhooks/deliver"
);
const { decryptWebhookSecret, generateWebhookSecret } = await import("@/lib/webhooks/secret");
const { startReceiver } = await import("../../helpers/webhook-receiver");
const { WEAK_VENDOR_ANSWERS } = await import("../../helpers/weak-vendor-answers");
const { submitAssessment } = await import("@/lib/portal/submit");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "hooks");
const other = await createOrgWithUsers(prisma, "hooks-other");
const admin = { orgId: org.org.id, actorId: org.admin.id };

const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
afterAll(() => Promise.all(receivers.map((r) => r.close())));
async function receiver(statuses?: number[]) {
  const r = await startReceiver({ statuses });
  receivers.push(r);
  return r;
}

let n = 0;
/** An assessment.submitted event of `o`, recorded the way the portal's submit records it. */
async function submittedEvent(o = org) {
  const sent = await sendTestAssessment(prisma, o, {
    vendorName: `Hook Vendor ${++n}`,
    email: `v${n}@hook.example`,
  });
  const eventId = await prisma.$transaction((tx) =>
    recordEvent({
      tx,
      orgId: o.org.id,
      type: "assessment.submitted",
      actor: { kind: "vendor", invitationId: sent.invitationId },
      assessmentId: sent.assessment.id,
      vendorId: sent.vendor.id,
      payload: { vendorName: sent.vendor.name },
    }),
  );
  return { ...sent, eventId: eventId! };
}

const SCALE = 0.001; // 10 s → 10 ms
const run = (now: Date, extra: Parameters<typeof sendPendingWebhooks>[0] = {}) =>
  sendPendingWebhooks({ now, scale: SCALE, timeoutMs: 5_000, ...extra });

describe("the backoff schedule", () => {
  it("waits 10 s, 30 s, 2 min, 10 min, 1 h, 6 h, 24 h, then gives up", () => {
    const delays = Array.from({ length: MAX_WEBHOOK_ATTEMPTS }, (_, i) =>
      retryDelayMs({ attempts: i + 1, scale: 1 }),
    );
    expect(delays).toEqual([
      10_000,
      30_000,
      120_000,
      600_000,
      3_600_000,
      21_600_000,
      86_400_000,
      null,
    ]);
    expect(retryDelayMs({ attempts: 2, scale: 0.01 })).toBe(300);
  });
});

describe("the signing secret", () => {
  it("is stored encrypted, not in clear, and reads back", async () => {
    const r = await receiver();
    const { id, secret } = await webhooks.createWebhookEndpoint({
      ...admin,
      input: { url: r.url, description: "", events: ["assessment.accepted"] },
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const row = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(row.secretEncrypted).not.toContain(secret.slice(6, 20));
    expect(decryptWebhookSecret({ sealed: row.secretEncrypted })).toBe(secret);
    const rotated = await webhooks.rotateWebhookSecret({ ...admin, endpointId: id });
    expect(rotated.secret).not.toBe(secret);
    const after = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(decryptWebhookSecret({ sealed: after.secretEncrypted })).toBe(rotated.secret);
    const audit = await prisma.auditEvent.findMany({
      where: { targetId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["webhook.created", "webhook.secret_rotated"]);
    expect(JSON.stringify(audit.map((a) => a.data))).not.toContain("/hook"); // origin only, never the path
  });

  it("signs as Standard Webhooks does: the library verifies, a changed body fails", () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ id: "evt_1", type: "assessment.submitted" });
    const headers = signWebhook({ secret, id: "evt_1", at: new Date(), body });
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace("evt_1", "evt_2"), headers)).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });
});

describe("registration", () => {
  it("refuses a private URL as a field error on url", async () => {
    await expect(
      webhooks.createWebhookEndpoint({
        ...admin,
        input: { url: "http://10.0.0.8/hook", description: "", events: ["assessment.submitted"] },
      }),
    ).rejects.toMatchObject({
      issues: [
        { path: ["url"], message: expect.stringMatching(/^Endpoint URL points to 10\.0\.0\.8/) },
      ],
    });
    expect(await prisma.webhookEndpoint.count({ where: { url: "http://10.0.0.8/hook" } })).toBe(0);
  });
});

describe("delivery to a real receiver", () => {
  it("sends a signed assessment.submitted event that verifies; another organisation's event never reaches the endpoint", async () => {
    const r = await receiver();
    const { id, secret } = await webhooks.createWebhookEndpoint({
      ...admin,
      input: { url: r.url, description: "GRC", events: ["assessment.submitted"] },
    });
    const e = await submittedEvent();
    await submittedEvent(other);
    const deliveries = await prisma.delivery.findMany({ where: { recipient: id } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ channel: "webhook", eventId: e.eventId });

    expect(await run(new Date())).toMatchObject({ sent: 1, failed: 0 });
    expect(r.received).toHaveLength(1);
    const got = r.received[0]!;
    const headers = {
      "webhook-id": String(got.headers["webhook-id"]),
      "webhook-timestamp": String(got.headers["webhook-timestamp"]),
      "webhook-signature": String(got.headers["webhook-signature"]),
    };
    expect(headers["webhook-id"]).toBe(e.eventId);
    const payload = new Webhook(secret).verify(got.body, headers) as Record<string, unknown>;
    expect(payload).toMatchObject({
      id: e.eventId,
      type: "assessment.submitted",
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: { assessmentId: e.assessment.id, vendorId: e.vendor.id, vendorName: e.vendor.name },
    });
    expect(got.headers["content-type"]).toBe("application/json");
    // Sent once: a second run has nothing to do.
    expect(await run(new Date())).toEqual({ sent: 0, failed: 0 });
    expect(r.received).toHaveLength(1);
    await webhooks.deleteWebhookEndpoint({ ...admin, endpointId: id });
  });

  it("retries a receiver that fails twice (500) on the backoff schedule; the third attempt succeeds and the log shows all three", async () => {
    const r = await receiver([500, 500, 200]);
    const { id } = await webhooks.createWebhookEndpoint({
      ...admin,
      input: { url: r.url, description: "", events: ["assessment.submitted"] },
    });
    const e = await submittedEvent();
    const t0 = Date.now();
    expect(await run(new Date(t0))).toMatchObject({ failed: 1 });
    const d1 = await prisma.delivery.findFirstOrThrow({ where: { recipient: id } });
    expect(d1.sentAt).toBeNull();
    expect(d1.lastError).toBe("HTTP 500");
    const wait1 = d1.nextAttemptAt!.getTime() - d1.failedAt!.getTime();
    expect(wait1).toBe(10); // 10 s × SCALE
    // Not due yet: nothing is sent before the delay.
    expect(await run(new Date(d1.failedAt!.getTime() + 5))).toEqual({ sent: 0, failed: 0 });
    expect(await run(new Date(d1.nextAttemptAt!.getTime()))).toMatchObject({ failed: 1 });
    const d2 = await prisma.delivery.findFirstOrThrow({ where: { recipient: id } });
    expect(d2.nextAttemptAt!.getTime() - d2.failedAt!.getTime()).toBe(30);
    expect(await run(new Date(d2.nextAttemptAt!.getTime()))).toMatchObject({ sent: 1 });
    expect(r.received).toHaveLength(3);
    // The same message each time (same webhook-id), signed at each attempt.
    expect(new Set(r.received.map((x) => x.headers["webhook-id"]))).toEqual(new Set([e.eventId]));
    const log = await prisma.webhookAttempt.findMany({
      where: { endpointId: id },
      orderBy: { attempt: "asc" },
    });
    expect(log.map((a) => [a.attempt, a.ok, a.responseCode, a.error])).toEqual([
      [1, false, 500, "HTTP 500"],
      [2, false, 500, "HTTP 500"],
      [3, true, 200, null],
    ]);
    const listed = await webhooks.listWebhookEndpoints({ orgId: org.org.id });
    expect(listed.find((x) => x.id === id)?.attempts).toHaveLength(3);
    expect(await webhooks.listWebhookEndpoints({ orgId: other.org.id })).toEqual([]);
    const ep = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(ep.consecutiveFailures).toBe(0);
    await webhooks.deleteWebhookEndpoint({ ...admin, endpointId: id });
  });

  it("turns off an endpoint after N failed attempts in a row (audited); send again delivers once it is back on", async () => {
    const r = await receiver([500, 500, 500, 200]);
    const { id } = await webhooks.createWebhookEndpoint({
      ...admin,
      input: { url: r.url, description: "", events: ["assessment.submitted"] },
    });
    for (let i = 0; i < 3; i++) await submittedEvent();
    expect(await run(new Date(), { disableAfter: 3 })).toMatchObject({ sent: 0, failed: 3 });
    const ep = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(ep).toMatchObject({ enabled: false, disabledReason: "3 failed attempts in a row" });
    const audit = await prisma.auditEvent.findFirst({
      where: { targetId: id, action: "webhook.disabled" },
    });
    expect(audit).toMatchObject({
      actorKind: "system",
      data: { reason: "3 failed attempts in a row" },
    });
    // Off: nothing more is attempted, even once the retries are due.
    expect(await run(new Date(Date.now() + 60_000), { disableAfter: 3 })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(r.received).toHaveLength(3);
    // New events of the type create no deliveries for an endpoint that is off.
    await submittedEvent();
    expect(await prisma.delivery.count({ where: { recipient: id } })).toBe(3);

    await webhooks.setWebhookEndpointEnabled({ ...admin, endpointId: id, enabled: true });
    const first = await prisma.delivery.findFirstOrThrow({
      where: { recipient: id },
      orderBy: { createdAt: "asc" },
    });
    await webhooks.resendWebhookDelivery({ ...admin, deliveryId: first.id });
    expect(await run(new Date(), { disableAfter: 3, limit: 1 })).toMatchObject({ sent: 1 });
    const again = await prisma.delivery.findUniqueOrThrow({ where: { id: first.id } });
    expect(again.sentAt).not.toBeNull();
    const actions = (
      await prisma.auditEvent.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual([
      "webhook.created",
      "webhook.disabled",
      "webhook.enabled",
      "webhook.delivery_resent",
    ]);
  });

  it("refuses another organisation's endpoint and delivery as not found", async () => {
    const r = await receiver();
    const { id } = await webhooks.createWebhookEndpoint({
      ...admin,
      input: { url: r.url, description: "", events: ["assessment.submitted"] },
    });
    const otherAdmin = { orgId: other.org.id, actorId: other.admin.id };
    await expect(webhooks.deleteWebhookEndpoint({ ...otherAdmin, endpointId: id })).rejects.toThrow(
      /not found/,
    );
    await expect(webhooks.rotateWebhookSecret({ ...otherAdmin, endpointId: id })).rejects.toThrow(
      /not found/,
    );
    await expect(
      webhooks.setWebhookEndpointEnabled({ ...otherAdmin, endpointId: id, enabled: false }),
    ).rejects.toThrow(/not found/);
    await submittedEvent();
    const d = await prisma.delivery.findFirstOrThrow({ where: { recipient: id } });
    await expect(
      webhooks.resendWebhookDelivery({ ...otherAdmin, deliveryId: d.id }),
    ).rejects.toThrow(/not found/);
    expect(await prisma.webhookEndpoint.findUnique({ where: { id } })).toMatchObject({
      enabled: true,
    });
  });
});

describe("a real submission", () => {
  it("records assessment.submitted and one flag.raised per high or critical flag, each delivered to the endpoints subscribed to it", async () => {
    const r = await receiver();
    const both = await webhooks.createWebhookEndpoint({
      ...admin,
      input: { url: r.url, description: "", events: ["assessment.submitted", "flag.raised"] },
    });
    const flagsOnly = await webhooks.createWebhookEndpoint({
      ...admin,
      input: { url: `${r.url}?flags`, description: "", events: ["flag.raised"] },
    });
    const sent = await sendTestAssessment(prisma, org, {
      vendorName: "Weak Hook Co",
      email: "weak@hook.example",
    });
    await prisma.answer.createMany({
      data: WEAK_VENDOR_ANSWERS.map(([questionId, value]) => ({
        assessmentId: sent.assessment.id,
        questionId,
        value: value as never,
        updatedByKind: "vendor" as const,
      })),
    });
    const result = await submitAssessment({
      invitationId: sent.invitationId,
      assessmentId: sent.assessment.id,
    });
    expect(result.status).toBe("submitted");
    const serious = await prisma.flag.findMany({
      where: { assessmentId: sent.assessment.id, severity: { in: ["high", "critical"] } },
    });
    expect(serious.length).toBeGreaterThan(0);
    const events = await prisma.event.findMany({ where: { assessmentId: sent.assessment.id } });
    const flagEvents = events.filter((e) => e.type === "flag.raised");
    expect(flagEvents.map((e) => (e.payload as { code: string }).code).sort()).toEqual(
      serious.map((f) => f.code).sort(),
    );
    expect(events.filter((e) => e.type === "assessment.submitted")).toHaveLength(1);
    expect(await prisma.delivery.count({ where: { recipient: both.id } })).toBe(serious.length + 1);
    expect(await prisma.delivery.count({ where: { recipient: flagsOnly.id } })).toBe(
      serious.length,
    );
    await run(new Date(), { limit: 200 });
    const types = r.received.map((x) => (JSON.parse(x.body) as { type: string }).type);
    expect(types.filter((t) => t === "flag.raised")).toHaveLength(2 * serious.length);
    expect(types.filter((t) => t === "assessment.submitted")).toHaveLength(1);
    const first = JSON.parse(r.received.find((x) => x.body.includes("flag.raised"))!.body);
    expect(first.data).toMatchObject({
      assessmentId: sent.assessment.id,
      vendorName: "Weak Hook Co",
      severity: expect.stringMatching(/^(high|critical)$/),
    });
  });
});
