import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Bulk send (issue 17): one assessment per vendor, each to its primary contact with its tier's
// requirements; vendors with an open assessment or no contact are skipped and reported, never
// sent to; another organisation's vendor id refuses the whole request (cross-tenant attack).

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-bulk-send-"));
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers } = await import("../db");
const { bulkSendAssessments } = await import("@/lib/data/bulk-send");
const { ZBulkSend } = await import("@/lib/schemas/assessment");
const { NotFoundError } = await import("@/lib/errors");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "bulk");
const other = await createOrgWithUsers(prisma, "bulk-other");
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const outbox = path.join(process.env.DATA_DIR, "outbox");
const mails = () => (fs.existsSync(outbox) ? fs.readdirSync(outbox).length : 0);

const send = (vendorIds: string[], scope = org) =>
  bulkSendAssessments({
    orgId: scope.org.id,
    actorId: scope.procurement.id,
    input: ZBulkSend.parse({
      vendorIds,
      questionnaire: "bcdr-core",
      dueDate: inAWeek,
      message: "Our yearly review",
    }),
  });

async function vendor(
  name: string,
  {
    tier = "high",
    contacts = [] as string[],
    orgId = org.org.id,
  }: { tier?: "critical" | "high" | "moderate" | "low"; contacts?: string[]; orgId?: string } = {},
) {
  const v = await prisma.vendor.create({ data: { orgId, name, tier } });
  for (const [i, email] of contacts.entries())
    await prisma.vendorContact.create({
      // The first added is the primary contact, whatever the ids sort as.
      data: { orgId, vendorId: v.id, name: `${name} ${i}`, email, createdAt: new Date(1e12 + i) },
    });
  return v;
}

describe("bulkSendAssessments", () => {
  it("sends one assessment per vendor to its primary contact with its tier's requirements", async () => {
    const critical = await vendor("Critical Co", {
      tier: "critical",
      contacts: ["first@critical.example", "second@critical.example"],
    });
    const low = await vendor("Low Co", { tier: "low", contacts: ["dr@low.example"] });
    const before = mails();
    const result = await send([critical.id, low.id, critical.id]);
    expect(result.skipped).toEqual([]);
    expect(result.sent.map((s) => [s.vendorName, s.email])).toEqual([
      ["Critical Co", "first@critical.example"],
      ["Low Co", "dr@low.example"],
    ]);
    for (const [v, tier] of [
      [critical, "critical"],
      [low, "low"],
    ] as const) {
      const rows = await prisma.assessment.findMany({
        where: { vendorId: v.id },
        include: { invitations: true },
      });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.status).toBe("sent");
      expect(rows[0]!.dueDate?.toISOString().slice(0, 10)).toBe(inAWeek);
      expect(rows[0]!.requirements).toEqual({ tier });
      // Resolved like a single send: the tier's defaults are stored with it.
      expect(rows[0]!.resolvedRequirements).toMatchObject({ tier });
      expect(rows[0]!.invitations.map((i) => i.kind)).toEqual(["primary"]);
      const audit = await prisma.auditEvent.count({
        where: {
          action: "assessment.sent",
          targetId: rows[0]!.id,
          actorUserId: org.procurement.id,
        },
      });
      expect(audit).toBe(1);
    }
    expect(mails() - before).toBe(2);
  });

  it("a reassessment starts from the vendor's last submitted answers, each awaiting confirmation", async () => {
    const v = await vendor("Again Co", { contacts: ["dr@again.example"] });
    const qv = await prisma.questionnaireVersion.findFirstOrThrow({
      where: { key: "bcdr-core", version: "1.1.0" },
    });
    const last = await prisma.assessment.create({
      data: {
        orgId: org.org.id,
        vendorId: v.id,
        questionnaireVersionId: qv.id,
        requirements: { tier: "high" },
        status: "accepted",
        submittedAt: new Date(),
        answers: {
          create: { questionId: "rto_minutes", value: 120, updatedByKind: "vendor" },
        },
      },
    });
    const result = await send([v.id]);
    const sent = await prisma.assessment.findUniqueOrThrow({
      where: { id: result.sent[0]!.assessmentId },
      include: { answers: true },
    });
    expect(sent.previousAssessmentId).toBe(last.id);
    expect(sent.answers.map((a) => [a.questionId, a.value, a.awaitingConfirmation])).toEqual([
      ["rto_minutes", 120, true],
    ]);
  });

  it("skips a vendor with an open assessment and one without a contact, naming why", async () => {
    const fresh = await vendor("Fresh Co", { contacts: ["dr@fresh.example"] });
    const busy = await vendor("Busy Co", { contacts: ["dr@busy.example"] });
    const silent = await vendor("Silent Co");
    await send([busy.id]);
    await prisma.assessment.updateMany({
      where: { vendorId: busy.id },
      data: { status: "in_progress" },
    });
    const before = mails();
    const result = await send([fresh.id, busy.id, silent.id]);
    expect(result.sent.map((s) => s.vendorName)).toEqual(["Fresh Co"]);
    expect(result.skipped).toEqual([
      {
        vendorId: busy.id,
        vendorName: "Busy Co",
        reason: "open_assessment",
        status: "in_progress",
      },
      { vendorId: silent.id, vendorName: "Silent Co", reason: "no_contact", status: undefined },
    ]);
    expect(await prisma.assessment.count({ where: { vendorId: busy.id } })).toBe(1);
    expect(await prisma.assessment.count({ where: { vendorId: silent.id } })).toBe(0);
    expect(mails() - before).toBe(1);
  });

  it("refuses another organisation's vendor id before sending anything", async () => {
    const mine = await vendor("Mine Co", { contacts: ["dr@mine.example"] });
    const theirs = await vendor("Theirs Co", {
      contacts: ["dr@theirs.example"],
      orgId: other.org.id,
    });
    const before = { assessments: await prisma.assessment.count(), mails: mails() };
    const refused = await send([mine.id, theirs.id]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NotFoundError);
    expect((refused as Error).message).not.toContain("Theirs");
    expect(await prisma.assessment.count()).toBe(before.assessments);
    expect(mails()).toBe(before.mails);
  });

  it("names the field when no vendor is chosen", () => {
    const r = ZBulkSend.safeParse({ vendorIds: [], questionnaire: "bcdr-core", dueDate: inAWeek });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["vendorIds", "Choose at least one vendor"],
    ]);
  });
});
