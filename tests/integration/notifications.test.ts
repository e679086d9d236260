import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeEml } from "../helpers/eml";
import { WEAK_VENDOR_ANSWERS } from "../helpers/weak-vendor-answers";

// Issue 16: each notification reaches its recipients, and only them, with a working link; a
// user's mail preferences are honoured (the inbox still lists the event).

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-notify-"));
process.env.DATA_DIR = dataDir;
process.env.APP_URL = "http://localhost:3000";
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("./db");
const { requestChanges, decideAssessment } = await import("@/lib/data/review");
const { submitAssessment } = await import("@/lib/portal/submit");
const { sendPendingDeliveries } = await import("@/lib/jobs/deliveries");
const { recordDueNotices } = await import("@/lib/jobs/notices");
const { reopenExpiredRiskAcceptances } = await import("@/lib/jobs/risk-acceptance");
const { getLinkState } = await import("@/lib/portal/access");
const { setNotificationPreferences, getNotificationPreferences } = await import(
  "@/lib/events/preferences"
);

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "notify");
const manager2 = await prisma.user.create({
  data: {
    orgId: org.org.id,
    email: "manager2@notify.test",
    name: "Second manager",
    role: "manager",
    passwordHash: "x",
  },
});
const other = await createOrgWithUsers(prisma, "notify-other");
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A header's RFC 2047 encoded words (nodemailer encodes subjects with quotes) as text. */
const decodeHeader = (h: string) =>
  h.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, t: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(t, "base64").toString("utf8")
      : Buffer.from(
          t
            .replace(/_/g, " ")
            .replace(/=([0-9A-F]{2})/gi, (_m, x: string) =>
              String.fromCharCode(Number.parseInt(x, 16)),
            ),
          "latin1",
        ).toString("utf8"),
  );

let seen = 0;
/** The mails sent since the last call, after one run of the delivery job. */
async function deliver() {
  await sendPendingDeliveries();
  const dir = path.join(dataDir, "outbox");
  const all = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .sort()
        .map((f) => decodeEml(fs.readFileSync(path.join(dir, f), "utf8")))
        .map((m) => ({ ...m, subject: decodeHeader(m.subject) }))
    : [];
  const fresh = all.slice(seen);
  seen = all.length;
  return fresh;
}

const ANSWERS = WEAK_VENDOR_ANSWERS;

async function sent(name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}@vendor.example`;
  const s = await sendTestAssessment(prisma, org, { vendorName: name, email });
  const colleague = await prisma.invitation.create({
    data: {
      orgId: org.org.id,
      assessmentId: s.assessment.id,
      kind: "colleague",
      email: `colleague-${email}`,
      tokenHash: `${s.assessment.id}`.padEnd(64, "0"),
      expiresAt: new Date(Date.now() + 10 * DAY),
    },
  });
  await deliver(); // the invitation mail
  return { ...s, email, colleague };
}

async function answerAll(assessmentId: string) {
  await prisma.answer.createMany({
    data: ANSWERS.map(([questionId, value]) => ({
      assessmentId,
      questionId,
      value: value as never,
      updatedByKind: "vendor" as const,
    })),
  });
}

describe("notifications by mail", () => {
  it("vendor submitted → the vendor's owner and whoever sent it (mail and inbox), a link to the review", async () => {
    const s = await sent("Submit Co");
    await prisma.vendor.update({ where: { id: s.vendor.id }, data: { ownerId: org.manager.id } });
    await answerAll(s.assessment.id);
    const r = await submitAssessment({
      invitationId: s.invitationId,
      assessmentId: s.assessment.id,
    });
    expect(r, JSON.stringify(r)).toMatchObject({ status: "submitted" });
    const mails = await deliver();
    expect(mails.map((m) => m.to).sort()).toEqual(
      [org.manager.email, org.procurement.email].sort(),
    );
    for (const m of mails) {
      expect(m.subject).toContain("Submit Co submitted");
      expect(m.body).toContain(`http://localhost:3000/assessments/${s.assessment.id}`);
    }
    const inbox = await prisma.delivery.findMany({
      where: { channel: "inbox", event: { assessmentId: s.assessment.id } },
    });
    expect(inbox.map((d) => d.userId).sort()).toEqual([org.manager.id, org.procurement.id].sort());
  });

  it("changes requested → every active vendor link, listing the reopened questions, each a link that jumps to it", async () => {
    const s = await sent("Changes Co");
    await prisma.assessment.update({
      where: { id: s.assessment.id },
      data: { status: "submitted" },
    });
    await prisma.invitation.update({ where: { id: s.colleague.id }, data: { revokedAt: null } });
    await requestChanges({
      orgId: org.org.id,
      actorId: org.procurement.id,
      assessmentId: s.assessment.id,
      items: [
        { questionId: "rpo_minutes", comment: "Internal: 30 km is too close" },
        { questionId: "sites", comment: "Where is the backup?" },
      ],
    });
    const mails = await deliver();
    expect(mails.map((m) => m.to).sort()).toEqual([s.email, s.colleague.email].sort());
    for (const m of mails) {
      expect(m.subject).toContain("asks for changes");
      expect(m.body).not.toContain("Internal");
      const links = [...m.body.matchAll(/\/respond\/([A-Za-z0-9_-]{43})#q-([a-z_]+)/g)];
      expect(links.map((l) => l[2])).toEqual(["rpo_minutes", "sites"]);
      const state = await getLinkState({ token: links[0]![1]! });
      expect(state.state).toBe("valid");
    }
  });

  it("decision → the vendor contact only, a short note without the reviewer's comment", async () => {
    const s = await sent("Decided Co");
    await prisma.assessment.update({
      where: { id: s.assessment.id },
      data: { status: "submitted" },
    });
    await decideAssessment({
      orgId: org.org.id,
      actorId: org.procurement.id,
      assessmentId: s.assessment.id,
      decision: "reject",
      comment: "Secret internal reasoning",
    });
    const mails = await deliver();
    expect(mails.map((m) => m.to)).toEqual([s.email]);
    expect(mails[0]?.subject).toContain("has rejected");
    expect(mails[0]?.body).not.toContain("Secret");
    expect(mails[0]?.body).toMatch(/http:\/\/localhost:3000\/respond\/[A-Za-z0-9_-]{43}/);
  });

  it("finding due within the window or overdue → its owner, once per due date", async () => {
    const s = await sent("Finding Co");
    const mk = (title: string, days: number, ownerId: string | null) =>
      prisma.finding.create({
        data: {
          orgId: org.org.id,
          vendorId: s.vendor.id,
          assessmentId: s.assessment.id,
          title,
          description: "d",
          severity: "high",
          ownerId,
          dueDate: new Date(`${isoDay(new Date(Date.now() + days * DAY))}T00:00:00Z`),
        },
      });
    const soon = await mk("Backups untested", 5, org.procurement.id);
    const late = await mk("No plan", -2, org.manager.id);
    await mk("Far away", 30, org.procurement.id);
    await mk("Nobody's", -2, null);
    await recordDueNotices();
    await recordDueNotices();
    const mails = await deliver();
    expect(mails.map((m) => [m.to, m.subject]).sort()).toEqual(
      [
        [org.procurement.email, `Due soon: finding "Backups untested" (Finding Co)`],
        [org.manager.email, `Overdue: finding "No plan" (Finding Co)`],
      ].sort(),
    );
    expect(mails.find((m) => m.to === org.procurement.email)?.body).toContain(
      `/assessments/${s.assessment.id}#finding-${soon.id}`,
    );
    expect(late.id).toBeTruthy();
    // A wider window (an organisation setting) makes the far one due soon too.
    await prisma.organization.update({
      where: { id: org.org.id },
      data: { settings: { findingDueSoonDays: 31 } },
    });
    await recordDueNotices();
    expect((await deliver()).map((m) => m.subject)).toEqual([
      `Due soon: finding "Far away" (Finding Co)`,
    ]);
    await prisma.organization.update({ where: { id: org.org.id }, data: { settings: {} } });
  });

  it("risk acceptance expiring within 30 days or expired → the organisation's managers, not another organisation's", async () => {
    const s = await sent("Risk Co");
    const accepted = (title: string, until: Date) =>
      prisma.finding.create({
        data: {
          orgId: org.org.id,
          vendorId: s.vendor.id,
          title,
          description: "d",
          severity: "medium",
          status: "risk_accepted",
          riskAcceptedById: org.manager.id,
          riskAcceptedAt: new Date(),
          riskAcceptedUntil: new Date(`${isoDay(until)}T00:00:00Z`),
        },
      });
    await accepted("Expiring one", new Date(Date.now() + 20 * DAY));
    await accepted("Later one", new Date(Date.now() + 90 * DAY));
    await accepted("Expired one", new Date(Date.now() - DAY));
    await recordDueNotices();
    await reopenExpiredRiskAcceptances();
    const mails = await deliver();
    const managers = [org.manager.email, manager2.email].sort();
    const to = (subject: string) =>
      mails
        .filter((m) => m.subject.startsWith(subject))
        .map((m) => m.to)
        .sort();
    expect(to(`Expiring: risk acceptance for "Expiring one"`)).toEqual(managers);
    expect(to(`Expired: risk acceptance for "Expired one"`)).toEqual(managers);
    expect(mails).toHaveLength(4);
    expect(mails.some((m) => m.to === other.manager.email)).toBe(false);
  });
});

describe("preferences", () => {
  it("are on by default; a kind turned off sends no mail to that user but stays in the inbox", async () => {
    expect(
      Object.values(await getNotificationPreferences({ userId: org.manager.id })).every(Boolean),
    ).toBe(true);
    await setNotificationPreferences({
      orgId: org.org.id,
      userId: org.manager.id,
      email: { "assessment.submitted": false },
    });
    expect(
      (await getNotificationPreferences({ userId: org.manager.id }))["assessment.submitted"],
    ).toBe(false);
    const s = await sent("Quiet Co");
    await prisma.vendor.update({ where: { id: s.vendor.id }, data: { ownerId: org.manager.id } });
    await answerAll(s.assessment.id);
    await submitAssessment({ invitationId: s.invitationId, assessmentId: s.assessment.id });
    const mails = await deliver();
    expect(mails.map((m) => m.to)).toEqual([org.procurement.email]);
    expect(
      await prisma.delivery.count({
        where: {
          channel: "inbox",
          userId: org.manager.id,
          event: { assessmentId: s.assessment.id },
        },
      }),
    ).toBe(1);
  });
});
