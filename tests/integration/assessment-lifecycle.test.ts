import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeEml, findRespondToken } from "../helpers/eml";

// Issue 11 item 3: past due dates, moving a due date (reminders re-armed, once each) and
// cancelling an assessment (links 410, out of the due lists and the portfolio PDF; audited).

// Mail goes to DATA_DIR/outbox when no SMTP_URL is set; keep it in a temp folder.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-lifecycle-"));
process.env.DATA_DIR = dataDir;
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("./db");
const { cancelAssessment, editDueDate } = await import("@/lib/data/assessment-lifecycle");
const { getLinkState, requireLink, LinkError } = await import("@/lib/portal/access");
const { linkStatePage } = await import("@/lib/portal/link-page");
const { sendDueReminders } = await import("@/lib/jobs/reminders");
const { getDueAssessments } = await import("@/lib/data/dashboard");
const { loadPortfolioReport } = await import("@/lib/reports/portfolio-data");
const { ZCancelAssessment, ZCreateAssessment, ZEditDueDate } = await import(
  "@/lib/schemas/assessment"
);
const { ConflictError, NotFoundError } = await import("@/lib/errors");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "lifecycle");
const other = await createOrgWithUsers(prisma, "lifecycle-other");
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const fromToday = (days: number) => isoDay(new Date(Date.now() + days * DAY));
const actor = { kind: "user" as const, userId: org.procurement.id };

beforeAll(async () => {
  await prisma.organization.update({
    where: { id: org.org.id },
    data: { settings: { supportEmail: "vendor-help@lifecycle.example", reminderDaysBefore: 7 } },
  });
});

function mailsTo(email: string) {
  const dir = path.join(dataDir, "outbox");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => decodeEml(fs.readFileSync(path.join(dir, f), "utf8")))
    .filter((m) => m.to.includes(email));
}

async function send(name: string, dueInDays: number) {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}@vendor.example`;
  const { vendor, assessment: a } = await sendTestAssessment(prisma, org, {
    vendorName: name,
    email,
    tier: "low",
    dueInDays,
  });
  const token = findRespondToken(mailsTo(email).at(-1)!.body)!;
  return { id: a.id, email, token, vendor };
}

/** The field errors a schema gives `input`, as { field: first message }. */
function fieldErrors(schema: { safeParse: (v: unknown) => unknown }, input: unknown) {
  const r = schema.safeParse(input) as {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
  if (r.success) return {};
  return Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
}

describe("due dates", () => {
  const base = {
    vendorId: "v1",
    questionnaire: "bcdr-core",
    requirements: { tier: "low", allowed_countries: "" },
    contactEmail: "a@b.example",
  };

  it("the send form's schema refuses a due date before today (UTC) on dueDate, and a day that does not exist", () => {
    const yesterday = fieldErrors(ZCreateAssessment, { ...base, dueDate: fromToday(-1) });
    expect(yesterday.dueDate).toContain("cannot be in the past");
    expect(yesterday.dueDate).toContain(fromToday(0));
    // 2026-02-31 must not roll over to 3 March; a future impossible day is refused the same way.
    expect(fieldErrors(ZCreateAssessment, { ...base, dueDate: "2026-02-31" }).dueDate).toBe(
      "Due date must be a real calendar date (YYYY-MM-DD)",
    );
    expect(fieldErrors(ZCreateAssessment, { ...base, dueDate: "2099-02-30" }).dueDate).toBe(
      "Due date must be a real calendar date (YYYY-MM-DD)",
    );
    expect(fieldErrors(ZCreateAssessment, { ...base, dueDate: fromToday(0) })).toEqual({});
    // The due-date form reads the same rule.
    expect(fieldErrors(ZEditDueDate, { assessmentId: "a1", dueDate: fromToday(-3) })).toEqual({
      dueDate: yesterday.dueDate,
    });
  });

  it("moving the due date re-arms the due-soon and overdue reminders: each goes out once per date", async () => {
    const a = await send("Shifty Co", 2);
    const before = mailsTo(a.email).length; // the invitation
    const firstDue = Date.now() + 2 * DAY;
    await sendDueReminders();
    await sendDueReminders();
    await sendDueReminders({ now: new Date(firstDue + 3 * DAY) });
    await sendDueReminders({ now: new Date(firstDue + 3 * DAY) });
    expect(mailsTo(a.email).length).toBe(before + 2); // due soon, overdue: once each

    const moved = await editDueDate({
      orgId: org.org.id,
      actor,
      assessmentId: a.id,
      dueDate: fromToday(40),
    });
    expect(moved).toEqual({ dueDate: fromToday(40), changed: true });
    const newDue = Date.now() + 40 * DAY;
    await sendDueReminders(); // 40 days ahead: nothing due yet
    expect(mailsTo(a.email).length).toBe(before + 2);
    const soon = new Date(newDue - 2 * DAY);
    await Promise.all([sendDueReminders({ now: soon }), sendDueReminders({ now: soon })]);
    await sendDueReminders({ now: soon });
    const late = new Date(newDue + 2 * DAY);
    await Promise.all([sendDueReminders({ now: late }), sendDueReminders({ now: late })]);
    await sendDueReminders({ now: late });
    const mails = mailsTo(a.email);
    expect(mails.length).toBe(before + 4);
    // Each names the new date; the last is the overdue one.
    expect(mails.slice(-2).map((m) => m.subject.replace(/ for .*/, ""))).toEqual([
      "Reminder: BC/DR questionnaire",
      "Overdue: BC/DR questionnaire",
    ]);
    for (const m of mails.slice(-2)) expect(m.body).toContain(fromToday(40));
    const rows = await prisma.reminder.findMany({
      where: { assessmentId: a.id },
      orderBy: { sentAt: "asc" },
    });
    expect(rows.map((r) => `${r.kind}@${isoDay(r.dueDate)}`)).toEqual([
      `due_soon@${fromToday(2)}`,
      `overdue@${fromToday(2)}`,
      `due_soon@${fromToday(40)}`,
      `overdue@${fromToday(40)}`,
    ]);
  });

  it("a due-date change is audited, lengthens the vendor's live links, and keeps a revoked one revoked", async () => {
    const a = await send("Extend Co", 3);
    const inv = await prisma.invitation.findFirstOrThrow({ where: { assessmentId: a.id } });
    const revoked = await prisma.invitation.create({
      data: {
        orgId: org.org.id,
        assessmentId: a.id,
        email: "gone@vendor.example",
        tokenHash: `revoked-${a.id}`,
        expiresAt: inv.expiresAt,
        revokedAt: new Date(),
      },
    });
    await editDueDate({ orgId: org.org.id, actor, assessmentId: a.id, dueDate: fromToday(90) });
    const after = await prisma.invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(isoDay(after.expiresAt)).toBe(fromToday(120)); // 30 days after the new due date
    expect(
      (await prisma.invitation.findUniqueOrThrow({ where: { id: revoked.id } })).revokedAt,
    ).not.toBeNull();
    expect((await getLinkState({ token: a.token })).state).toBe("valid");
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "assessment.due_date_changed", targetId: a.id },
    });
    expect(audit).toMatchObject({ actorUserId: org.procurement.id, orgId: org.org.id });
    expect(audit.data).toMatchObject({ from: fromToday(3), to: fromToday(90) });
    // The same date again changes nothing and writes no second entry.
    expect(
      await editDueDate({ orgId: org.org.id, actor, assessmentId: a.id, dueDate: fromToday(90) }),
    ).toEqual({ dueDate: fromToday(90), changed: false });
    expect(
      await prisma.auditEvent.count({
        where: { action: "assessment.due_date_changed", targetId: a.id },
      }),
    ).toBe(1);
  });

  it("another organisation's assessment is not found; a decided one keeps its due date", async () => {
    // Guards against a cross-tenant write: organisation B names A's assessment id.
    const a = await send("Scoped Co", 5);
    await expect(
      editDueDate({
        orgId: other.org.id,
        actor: { kind: "user", userId: other.procurement.id },
        assessmentId: a.id,
        dueDate: fromToday(30),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await prisma.assessment.update({ where: { id: a.id }, data: { status: "accepted" } });
    await expect(
      editDueDate({ orgId: org.org.id, actor, assessmentId: a.id, dueDate: fromToday(30) }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(
      isoDay((await prisma.assessment.findUniqueOrThrow({ where: { id: a.id } })).dueDate!),
    ).toBe(fromToday(5));
  });
});

describe("cancelling an assessment", () => {
  it("needs a reason", () => {
    expect(fieldErrors(ZCancelAssessment, { assessmentId: "a1", reason: "  " })).toEqual({
      reason: "Reason is required",
    });
  });

  it("stops its links with a 410 naming whom to ask, stops reminders, leaves the due lists and the portfolio PDF; audited", async () => {
    const a = await send("Overdue Cancel Co", 0);
    const kept = await send("Overdue Kept Co", 0);
    // Both are overdue once today has passed (the whole due day counts as on time).
    await prisma.assessment.updateMany({
      where: { id: { in: [a.id, kept.id] } },
      data: { dueDate: new Date(Date.now() - 3 * DAY) },
    });
    const dueBefore = await getDueAssessments({ orgId: org.org.id, days: 0, limit: 50 });
    const reportBefore = await loadPortfolioReport({ orgId: org.org.id });
    expect(dueBefore.next.map((d) => d.assessmentId)).toContain(a.id);

    const result = await cancelAssessment({
      orgId: org.org.id,
      actor,
      assessmentId: a.id,
      reason: "The vendor was replaced before it answered.",
    });
    expect(result).toEqual({ cancelled: true });
    const row = await prisma.assessment.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({
      status: "cancelled",
      cancelReason: "The vendor was replaced before it answered.",
    });
    expect(row.cancelledAt).toBeInstanceOf(Date);

    // The link: 410, naming the organisation's support address, for the page and the API.
    const link = await getLinkState({ token: a.token });
    expect(link).toMatchObject({ state: "cancelled", support: "vendor-help@lifecycle.example" });
    const page = linkStatePage(link as Exclude<typeof link, { state: "valid" | "unknown" }>);
    expect(page.status).toBe(410);
    const html = await page.text();
    expect(html).toContain("This questionnaire was cancelled");
    expect(html).toContain("vendor-help@lifecycle.example");
    const refused = await requireLink({ token: a.token }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LinkError);
    expect(refused).toMatchObject({ status: 410 });
    expect((refused as Error).message).toContain("vendor-help@lifecycle.example");
    expect((await getLinkState({ token: kept.token })).state).toBe("valid");

    // No reminder for it any more; the other overdue one still gets its own.
    const sentBefore = mailsTo(a.email).length;
    await sendDueReminders();
    expect(mailsTo(a.email).length).toBe(sentBefore);
    expect(await prisma.reminder.count({ where: { assessmentId: a.id } })).toBe(0);
    expect(await prisma.reminder.count({ where: { assessmentId: kept.id } })).toBe(1);

    // Out of the dashboard's due list and counts, and the portfolio PDF's totals and list.
    const dueAfter = await getDueAssessments({ orgId: org.org.id, days: 0, limit: 50 });
    expect(dueAfter.next.map((d) => d.assessmentId)).not.toContain(a.id);
    expect(dueAfter.next.map((d) => d.assessmentId)).toContain(kept.id);
    expect(dueAfter.overdue).toBe(dueBefore.overdue - 1);
    const reportAfter = await loadPortfolioReport({ orgId: org.org.id });
    expect(reportAfter.totals.overdue).toBe(reportBefore.totals.overdue - 1);
    expect(reportAfter.totals.assessments).toBe(reportBefore.totals.assessments - 1);
    expect(reportAfter.overdue.map((o) => o.vendor)).not.toContain("Overdue Cancel Co");
    expect(reportAfter.overdue.map((o) => o.vendor)).toContain("Overdue Kept Co");

    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "assessment.cancelled", targetId: a.id },
    });
    expect(audit).toMatchObject({ actorUserId: org.procurement.id, orgId: org.org.id });
    expect(audit.data).toMatchObject({
      from: "sent",
      to: "cancelled",
      reason: "The vendor was replaced before it answered.",
    });

    // Cancelled is final: neither a second cancel nor a new due date.
    await expect(
      cancelAssessment({ orgId: org.org.id, actor, assessmentId: a.id, reason: "Again" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      editDueDate({ orgId: org.org.id, actor, assessmentId: a.id, dueDate: fromToday(10) }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("another organisation cannot cancel it (not found), and it stays open", async () => {
    // Guards against a cross-tenant write: organisation B names A's assessment id.
    const a = await send("Not Yours Co", 10);
    await expect(
      cancelAssessment({
        orgId: other.org.id,
        actor: { kind: "user", userId: other.procurement.id },
        assessmentId: a.id,
        reason: "Not ours to cancel",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.assessment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe(
      "sent",
    );
    expect((await getLinkState({ token: a.token })).state).toBe("valid");
  });
});
