import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { decodeEml } from "../helpers/eml";

// Issue 16, the outbox: every event is written in the transaction that causes it (and rolled
// back with it); mail deliveries of those rows go out once each, even from two processes.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-events-"));
process.env.DATA_DIR = dataDir;
process.env.APP_URL = "http://localhost:3000";
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("./db");
const { recordEvent } = await import("@/lib/events/record");
const { requestChanges, decideAssessment } = await import("@/lib/data/review");
const { sendPendingDeliveries } = await import("@/lib/jobs/deliveries");
const { db } = await import("@/lib/db");

const { prisma, url } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "events");

const readOutbox = () => {
  const dir = path.join(dataDir, "outbox");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => decodeEml(fs.readFileSync(path.join(dir, f), "utf8")));
};

async function submitted(name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}@vendor.example`;
  const sent = await sendTestAssessment(prisma, org, { vendorName: name, email });
  await prisma.assessment.update({
    where: { id: sent.assessment.id },
    data: { status: "submitted", submittedAt: new Date() },
  });
  return { ...sent, email };
}

const run = promisify(execFile);
const deliverInChild = (startAt: number) =>
  run(path.resolve("node_modules/.bin/tsx"), ["tests/helpers/deliver-once.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      APP_URL: "http://localhost:3000",
      START_AT: String(startAt),
    },
  }).then((r) => JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}") as { sent: number });

describe("the event record (outbox)", () => {
  it("is written in the transaction of the change request, with one pending mail per active vendor link", async () => {
    const a = await submitted("Outbox Co");
    const colleague = await prisma.invitation.create({
      data: {
        orgId: org.org.id,
        assessmentId: a.assessment.id,
        kind: "colleague",
        email: "colleague@outbox.example",
        tokenHash: "c".repeat(64),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await prisma.invitation.create({
      data: {
        orgId: org.org.id,
        assessmentId: a.assessment.id,
        kind: "colleague",
        email: "revoked@outbox.example",
        tokenHash: "d".repeat(64),
        expiresAt: new Date(Date.now() + 86_400_000),
        revokedAt: new Date(),
      },
    });
    await requestChanges({
      orgId: org.org.id,
      actorId: org.procurement.id,
      assessmentId: a.assessment.id,
      items: [{ questionId: "rpo_minutes", comment: "Confidential reviewer remark" }],
    });
    const events = await prisma.event.findMany({
      where: { assessmentId: a.assessment.id },
      include: { deliveries: true },
    });
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e).toMatchObject({
      orgId: org.org.id,
      type: "assessment.changes_requested",
      actorKind: "user",
      actorUserId: org.procurement.id,
    });
    expect(JSON.stringify(e?.payload)).not.toContain("Confidential");
    expect(e?.deliveries.map((d) => [d.channel, d.recipient]).sort()).toEqual(
      [
        ["email", a.invitationId],
        ["email", colleague.id],
      ].sort(),
    );
    expect(e?.deliveries.every((d) => d.sentAt === null)).toBe(true);
  });

  it("is rolled back with the change that caused it", async () => {
    const a = await submitted("Rollback Co");
    await expect(
      db.$transaction(async (tx) => {
        await tx.assessment.update({
          where: { id: a.assessment.id },
          data: { status: "accepted" },
        });
        await recordEvent({
          tx,
          orgId: org.org.id,
          type: "assessment.accepted",
          actor: { kind: "user", userId: org.procurement.id },
          assessmentId: a.assessment.id,
          payload: { vendorName: "Rollback Co" },
        });
        throw new Error("the change failed after the event was written");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.event.count({ where: { assessmentId: a.assessment.id } })).toBe(0);
    expect(
      await prisma.delivery.count({ where: { event: { assessmentId: a.assessment.id } } }),
    ).toBe(0);
    // A decision refused (not submitted any more) records nothing either.
    await prisma.assessment.update({ where: { id: a.assessment.id }, data: { status: "sent" } });
    await expect(
      decideAssessment({
        orgId: org.org.id,
        actorId: org.procurement.id,
        assessmentId: a.assessment.id,
        decision: "accept",
      }),
    ).rejects.toThrow();
    expect(await prisma.event.count({ where: { assessmentId: a.assessment.id } })).toBe(0);
  });

  it("records a scheduled event once per key, however often the job finds it", async () => {
    const write = () =>
      db.$transaction((tx) =>
        recordEvent({
          tx,
          orgId: org.org.id,
          type: "risk_acceptance.expiring",
          actor: { kind: "system" },
          payload: { title: "t", vendorName: "v", until: "2099-01-01" },
          dedupeKey: "risk_acceptance.expiring:f1:2099-01-01",
        }),
      );
    const [first, second] = await Promise.all([write(), write()]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(
      await prisma.event.count({ where: { dedupeKey: "risk_acceptance.expiring:f1:2099-01-01" } }),
    ).toBe(1);
  });

  it("two processes delivering the same events send each mail once", async () => {
    await prisma.delivery.updateMany({ where: { channel: "email" }, data: { sentAt: new Date() } });
    const vendors = [];
    for (let i = 0; i < 12; i++) {
      const a = await submitted(`Race ${i} Co`);
      await requestChanges({
        orgId: org.org.id,
        actorId: org.procurement.id,
        assessmentId: a.assessment.id,
        items: [
          { questionId: "rpo_minutes", comment: "Too long" },
          { questionId: "sites", comment: "Where?" },
        ],
      });
      vendors.push(a.email);
    }
    const before = readOutbox().length;
    const startAt = Date.now() + 6_000;
    const [one, two] = await Promise.all([deliverInChild(startAt), deliverInChild(startAt)]);
    expect(one.sent + two.sent).toBe(12);
    const mails = readOutbox().slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual(vendors.sort());
    expect(await prisma.delivery.count({ where: { channel: "email", sentAt: null } })).toBe(0);
    // A third run finds nothing left to send.
    expect((await sendPendingDeliveries()).sent).toBe(0);
  });
});
