import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The staff inbox (issue 16): a user reads, counts and marks only their own entries of their own
// organisation; the bell's count and the list agree; marking read is audited once.

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-inbox-"));
process.env.APP_URL = "http://localhost:3000";

const { setupFreshDatabase, createOrgWithUsers } = await import("../db");
const { countUnread, listInbox, markInboxRead } = await import("@/lib/data/inbox");
const { NotFoundError } = await import("@/lib/errors");

const { prisma } = await setupFreshDatabase();
const a = await createOrgWithUsers(prisma, "inbox-a");
const b = await createOrgWithUsers(prisma, "inbox-b");
const vendorA = await prisma.vendor.create({
  data: { orgId: a.org.id, name: "Alpha Hosting", tier: "high" },
});
const vendorB = await prisma.vendor.create({
  data: { orgId: b.org.id, name: "Beta Hosting", tier: "high" },
});

let minute = 0;
/** One event with an inbox entry (and a mail) for each user named, a minute after the last. */
async function event({
  orgId,
  users,
  type = "finding.overdue",
  vendorId,
  assessmentId,
  findingId,
  payload = {},
}: {
  orgId: string;
  users: string[];
  type?: string;
  vendorId?: string;
  assessmentId?: string;
  findingId?: string;
  payload?: Record<string, string>;
}) {
  const createdAt = new Date(Date.UTC(2026, 10, 1, 9, minute++));
  const e = await prisma.event.create({
    data: {
      orgId,
      type,
      actorKind: "system",
      vendorId,
      assessmentId,
      findingId,
      payload,
      createdAt,
    },
  });
  for (const userId of users) {
    await prisma.delivery.create({
      data: {
        eventId: e.id,
        channel: "inbox",
        recipient: userId,
        userId,
        sentAt: createdAt,
        createdAt,
      },
    });
    await prisma.delivery.create({
      data: { eventId: e.id, channel: "email", recipient: userId, userId, createdAt },
    });
  }
  const inbox = await prisma.delivery.findMany({ where: { eventId: e.id, channel: "inbox" } });
  return { event: e, byUser: new Map(inbox.map((d) => [d.userId!, d.id])) };
}

const scopeA = { orgId: a.org.id, userId: a.procurement.id };

const older = await event({
  orgId: a.org.id,
  users: [a.procurement.id, a.manager.id],
  type: "finding.overdue",
  vendorId: vendorA.id,
  payload: { title: "No offsite copy", vendorName: "Alpha Hosting", dueDate: "2026-10-30" },
});
const newer = await event({
  orgId: a.org.id,
  users: [a.procurement.id],
  type: "thread.vendor_replied",
  vendorId: vendorA.id,
  payload: { vendorName: "Alpha Hosting", questionLabel: "Where is the backup site?" },
});
// Another organisation's event, whatever user id its delivery names, is never ours.
await event({
  orgId: b.org.id,
  users: [b.procurement.id, a.procurement.id],
  vendorId: vendorB.id,
  payload: { title: "Beta finding", vendorName: "Beta Hosting", dueDate: "2026-10-30" },
});

describe("the inbox", () => {
  it("counts and lists only the user's own inbox entries of their organisation, newest first", async () => {
    expect(await countUnread(scopeA)).toBe(2);
    const items = await listInbox(scopeA);
    expect(items.map((i) => i.id)).toEqual([
      newer.byUser.get(a.procurement.id),
      older.byUser.get(a.procurement.id),
    ]);
    expect(items[0]).toMatchObject({
      read: false,
      text: "Alpha Hosting replied on “Where is the backup site?”",
      href: `/vendors/${vendorA.id}`,
    });
    expect(items[1]?.text).toBe("Finding “No offsite copy” (Alpha Hosting) was due on 2026-10-30");
    expect(JSON.stringify(items)).not.toContain("Beta");
    expect(await countUnread({ orgId: b.org.id, userId: b.procurement.id })).toBe(1);
  });

  it("links an assessment's event to its review page, a finding's to its anchor there", async () => {
    const assessment = await prisma.assessment.create({
      data: {
        orgId: a.org.id,
        vendorId: vendorA.id,
        questionnaireVersionId: (
          await prisma.questionnaireVersion.create({
            data: { key: "k", version: "1", title: "t", definition: {}, checksum: "inbox-test" },
          })
        ).id,
        requirements: {},
      },
    });
    const sub = await event({
      orgId: a.org.id,
      users: [a.manager.id],
      type: "assessment.submitted",
      assessmentId: assessment.id,
      vendorId: vendorA.id,
      payload: { vendorName: "Alpha Hosting" },
    });
    const due = await event({
      orgId: a.org.id,
      users: [a.manager.id],
      type: "finding.due_soon",
      assessmentId: assessment.id,
      findingId: "f1",
      payload: { title: "Plan untested", vendorName: "Alpha Hosting", dueDate: "2026-11-09" },
    });
    const items = await listInbox({ orgId: a.org.id, userId: a.manager.id });
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(sub.byUser.get(a.manager.id)!)).toMatchObject({
      text: "Alpha Hosting submitted its questionnaire",
      href: `/assessments/${assessment.id}`,
    });
    expect(byId.get(due.byUser.get(a.manager.id)!)?.href).toBe(
      `/assessments/${assessment.id}#finding-f1`,
    );
  });

  it("marks one entry read, audited once; another user's entry is not found and stays unread", async () => {
    const mine = older.byUser.get(a.procurement.id)!;
    const theirs = older.byUser.get(a.manager.id)!;
    await expect(markInboxRead({ ...scopeA, deliveryId: theirs })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const bEntry = await prisma.delivery.findFirstOrThrow({
      where: { channel: "inbox", userId: b.procurement.id },
    });
    await expect(markInboxRead({ ...scopeA, deliveryId: bEntry.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(
      await prisma.delivery.count({
        where: { id: { in: [theirs, bEntry.id] }, readAt: { not: null } },
      }),
    ).toBe(0);

    await markInboxRead({ ...scopeA, deliveryId: mine });
    await markInboxRead({ ...scopeA, deliveryId: mine }); // already read: changes nothing
    expect(await countUnread(scopeA)).toBe(1);
    expect((await listInbox(scopeA)).find((i) => i.id === mine)?.read).toBe(true);
    const audits = await prisma.auditEvent.findMany({
      where: { orgId: a.org.id, action: "inbox.read" },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      targetId: a.procurement.id,
      data: { count: 1, deliveryId: mine },
    });
  });

  it("marks all of the user's entries read, and only theirs", async () => {
    await markInboxRead({ ...scopeA, all: true });
    expect(await countUnread(scopeA)).toBe(0);
    expect((await listInbox(scopeA)).every((i) => i.read)).toBe(true);
    expect(await countUnread({ orgId: a.org.id, userId: a.manager.id })).toBe(3);
    expect(await countUnread({ orgId: b.org.id, userId: b.procurement.id })).toBe(1);
    // The stray entry of organisation B naming this user is untouched too.
    expect(
      await prisma.delivery.count({
        where: {
          channel: "inbox",
          userId: a.procurement.id,
          readAt: null,
          event: { orgId: b.org.id },
        },
      }),
    ).toBe(1);
    // Mails are not inbox entries: their read state is never set.
    expect(
      await prisma.delivery.count({ where: { channel: "email", readAt: { not: null } } }),
    ).toBe(0);
  });
});
