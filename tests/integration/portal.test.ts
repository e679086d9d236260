import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeEml, findRespondToken } from "../helpers/eml";
import { WEAK_VENDOR_ANSWERS } from "../helpers/weak-vendor-answers";

// Mail goes to DATA_DIR/outbox when no SMTP_URL is set; keep it in a temp folder.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-portal-"));
process.env.DATA_DIR = dataDir;
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("./db");
const { createAndSendAssessment } = await import("@/lib/data/assessments");
const { saveAnswer } = await import("@/lib/portal/save-answer");
const { submitAssessment } = await import("@/lib/portal/submit");
const { getLinkState } = await import("@/lib/portal/access");
const { sendDueReminders } = await import("@/lib/jobs/reminders");
const { requestChanges } = await import("@/lib/data/review");
const { hashToken } = await import("@/lib/tokens");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "portal");
let assessmentId = "";
let invitationId = "";
let token = "";

function outboxLinks() {
  const dir = path.join(dataDir, "outbox");
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => findRespondToken(decodeEml(fs.readFileSync(path.join(dir, f), "utf8")).body))
    .filter(Boolean) as string[];
}

beforeAll(async () => {
  const sent = await sendTestAssessment(prisma, org, {
    vendorName: "Vault Co",
    email: "dr@vault.example",
  });
  assessmentId = sent.assessment.id;
  token = outboxLinks().at(-1)!;
  invitationId = sent.invitationId;
});

const save = (questionId: string, value: unknown, baseVersion: number, key: string) =>
  saveAnswer({ invitationId, assessmentId, questionId, value, baseVersion, idempotencyKey: key });

describe("invitation links", () => {
  it("stores only the hash of a 256-bit token, and the link opens exactly its assessment", async () => {
    expect(token).toHaveLength(43);
    const inv = await prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(inv.tokenHash).toBe(hashToken({ token }));
    expect(JSON.stringify(inv)).not.toContain(token);
    expect(await getLinkState({ token })).toMatchObject({ state: "valid", assessmentId });
    expect((await getLinkState({ token: `${token.slice(0, -1)}x` })).state).toBe("unknown");
  });
});

describe("autosave", () => {
  it("saves, versions, and refuses a stale version with the current value (a conflict)", async () => {
    expect(await save("topology", "active_passive", 0, "key-1")).toMatchObject({
      status: "saved",
      version: 1,
    });
    expect(await save("topology", "multi_region", 1, "key-2")).toMatchObject({
      status: "saved",
      version: 2,
    });
    const stale = await save("topology", "single_site", 1, "key-3");
    expect(stale).toMatchObject({ status: "conflict", version: 2, value: "multi_region" });
    const row = await prisma.answer.findFirstOrThrow({
      where: { assessmentId, questionId: "topology" },
    });
    expect(row.value).toBe("multi_region");
  });

  it("one save writes the answer, its revision and its audit event together; the first makes a sent assessment in progress", async () => {
    const sent = await sendTestAssessment(prisma, org, {
      vendorName: "Atomic Co",
      email: "dr@atomic.example",
    });
    const id = sent.assessment.id;
    const one = (value: unknown, baseVersion: number, key: string) =>
      saveAnswer({
        invitationId: sent.invitationId,
        assessmentId: id,
        questionId: "rpo_minutes",
        value,
        baseVersion,
        idempotencyKey: key,
      });
    expect((await prisma.assessment.findUniqueOrThrow({ where: { id } })).status).toBe("sent");
    const before = Date.now();
    expect(await one(15, 0, "atomic-1")).toMatchObject({ status: "saved", version: 1, value: 15 });
    expect(await one(30, 1, "atomic-2")).toMatchObject({ status: "saved", version: 2, value: 30 });
    const after = Date.now();
    const assessment = await prisma.assessment.findUniqueOrThrow({ where: { id } });
    expect(assessment.status).toBe("in_progress");
    const answer = await prisma.answer.findFirstOrThrow({
      where: { assessmentId: id, questionId: "rpo_minutes" },
      include: { revisions: { orderBy: { version: "asc" } } },
    });
    expect(answer).toMatchObject({
      value: 30,
      version: 2,
      drafts: null,
      updatedByKind: "vendor",
      updatedByInvitationId: sent.invitationId,
    });
    expect(answer.revisions.map((r) => [r.version, r.value, r.idempotencyKey])).toEqual([
      [1, 15, "atomic-1"],
      [2, 30, "atomic-2"],
    ]);
    // Times are UTC, as the ORM writes them: within this test's run, not hours off.
    const times = [answer.createdAt, answer.updatedAt, ...answer.revisions.map((r) => r.createdAt)];
    for (const t of times) {
      expect(t.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(t.getTime()).toBeLessThanOrEqual(after + 1000);
    }
    const events = await prisma.auditEvent.findMany({
      where: { targetId: id, action: "answer.changed" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.orgId, e.actorKind, e.actorInvitationId, e.data])).toEqual([
      [
        org.org.id,
        "vendor",
        sent.invitationId,
        { question: "rpo_minutes", from: null, to: 15, version: 1 },
      ],
      [
        org.org.id,
        "vendor",
        sent.invitationId,
        { question: "rpo_minutes", from: 15, to: 30, version: 2 },
      ],
    ]);
  });

  it("ten saves racing from one version: one is applied, nine are conflicts that wrote nothing", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => save("secondary_capacity_pct", 50 + i, 0, `race-${i}`)),
    );
    const saved = results.filter((r) => r.status === "saved");
    expect(saved).toHaveLength(1);
    expect(results.filter((r) => r.status === "conflict")).toHaveLength(9);
    const row = await prisma.answer.findFirstOrThrow({
      where: { assessmentId, questionId: "secondary_capacity_pct" },
      include: { revisions: true },
    });
    expect(row.version).toBe(1);
    expect(row.value).toBe((saved[0] as { value: unknown }).value);
    expect(row.revisions).toHaveLength(1);
    expect(
      await prisma.auditEvent.count({
        where: {
          targetId: assessmentId,
          action: "answer.changed",
          data: { path: ["question"], equals: "secondary_capacity_pct" },
        },
      }),
    ).toBe(1);
  });

  it("a key used again for a different save later is that earlier save, and nothing is written", async () => {
    expect(await save("secondary_capacity_pct", 70, 1, "race-reused")).toMatchObject({
      version: 2,
    });
    expect(await save("secondary_capacity_pct", 80, 2, "race-reused")).toMatchObject({
      status: "saved",
      version: 2,
      value: 70,
      duplicate: true,
    });
    const row = await prisma.answer.findFirstOrThrow({
      where: { assessmentId, questionId: "secondary_capacity_pct" },
    });
    expect(row).toMatchObject({ version: 2, value: 70 });
  });

  it("applies a resent save once (idempotency key), never twice", async () => {
    const first = await save("rto_minutes", 60, 0, "resend-1");
    const again = await save("rto_minutes", 60, 0, "resend-1");
    expect(first).toMatchObject({ status: "saved", version: 1 });
    expect(again).toMatchObject({ status: "saved", version: 1, duplicate: true });
    expect(await prisma.answerRevision.count({ where: { idempotencyKey: "resend-1" } })).toBe(1);
  });

  it("20 parallel resends of one save: applied once, every other answer a duplicate, never a conflict", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        save("customer_notification_hours", 4, 0, "parallel-resend-1"),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill("saved"));
    expect(results.filter((r) => r.status === "saved" && !r.duplicate)).toHaveLength(1);
    expect(results.every((r) => r.status === "saved" && r.version === 1)).toBe(true);
    const row = await prisma.answer.findFirstOrThrow({
      where: { assessmentId, questionId: "customer_notification_hours" },
      include: { revisions: true },
    });
    expect(row.version).toBe(1);
    expect(row.revisions).toHaveLength(1);
  });

  it("a key another organisation's assessment used is a new save here, never its answer", async () => {
    // Guards against a cross-tenant read through a global idempotency key: organisation B
    // sends the key organisation A used and must get its own save, not A's stored value.
    const other = await createOrgWithUsers(prisma, "portal-other");
    const b = await sendTestAssessment(prisma, other, {
      vendorName: "Other Co",
      email: "dr@other.example",
    });
    const mine = await save("rpo_minutes", 240, 0, "shared-key-1");
    expect(mine).toMatchObject({ status: "saved", version: 1 });
    const theirs = await saveAnswer({
      invitationId: b.invitationId,
      assessmentId: b.assessment.id,
      questionId: "rpo_minutes",
      value: 30,
      baseVersion: 0,
      idempotencyKey: "shared-key-1",
    });
    expect(theirs).toEqual({ status: "saved", version: 1, value: 30 });
    const stored = await prisma.answer.findFirstOrThrow({
      where: { assessmentId: b.assessment.id, questionId: "rpo_minutes" },
    });
    expect(stored.value).toBe(30);
    // The same key for another question of the same assessment is another save too.
    expect(await save("customer_notification_hours", 5, 1, "shared-key-1")).toMatchObject({
      status: "saved",
      version: 2,
    });
    expect(await save("customer_notification_hours", 5, 1, "shared-key-1")).toMatchObject({
      duplicate: true,
    });
  });

  it("names the field of a bad value and keeps what was saved", async () => {
    const bad = await save("rto_minutes", "soon", 1, "bad-1");
    expect(bad.status).toBe("invalid");
    expect(bad.status === "invalid" && bad.errors[0]?.path).toBe("answers.rto_minutes");
    const nul = await save("rto_minutes", 5, 1, "bad-2");
    expect(nul.status).toBe("saved");
    const big = await save("sites", [{ id: "a".repeat(20_000) }], 0, "bad-3");
    expect(big.status).toBe("invalid");
    const unknown = await save("not_a_question", 1, 0, "bad-4");
    expect(unknown).toMatchObject({ status: "invalid" });
  });
});

describe("submit", () => {
  it("lists the missing required questions and submits nothing", async () => {
    const r = await submitAssessment({ invitationId, assessmentId });
    expect(r.status).toBe("incomplete");
    expect(r.status === "incomplete" && r.missing.map((m) => m.id)).toContain("sites");
    expect(
      (await prisma.assessment.findUniqueOrThrow({ where: { id: assessmentId } })).status,
    ).toBe("in_progress");
  });

  it("judges complete answers with the engine once; a second submit does nothing", async () => {
    const answers = WEAK_VENDOR_ANSWERS;
    for (const [id, value] of answers) {
      const row = await prisma.answer.findFirst({ where: { assessmentId, questionId: id } });
      expect((await save(id, value, row?.version ?? 0, `full-${id}`)).status).toBe("saved");
    }
    const r = await submitAssessment({ invitationId, assessmentId });
    expect(r).toMatchObject({ status: "submitted", rating: "critical" });
    const codes = (await prisma.flag.findMany({ where: { assessmentId } })).map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining(["SINGLE_SITE", "NO_BACKUPS", "NO_BCDR_PLAN", "NO_CUSTOMER_EXPORT"]),
    );
    expect(await submitAssessment({ invitationId, assessmentId })).toEqual({
      status: "already_submitted",
    });
    expect(
      await prisma.auditEvent.count({
        where: { targetId: assessmentId, action: "assessment.submitted" },
      }),
    ).toBe(1);
    expect(await save("topology", "multi_region", 2, "after-submit")).toMatchObject({
      status: "locked",
    });
  });

  it("after a change request only the reopened question can change", async () => {
    await requestChanges({
      orgId: org.org.id,
      actorId: org.procurement.id,
      assessmentId,
      items: [{ questionId: "customer_export", comment: "Please explain" }],
    });
    const row = await prisma.answer.findFirstOrThrow({
      where: { assessmentId, questionId: "customer_export" },
    });
    expect(await save("customer_export", "self_service", row.version, "reopened-1")).toMatchObject({
      status: "saved",
    });
    const other = await prisma.answer.findFirstOrThrow({
      where: { assessmentId, questionId: "status_page" },
    });
    expect(await save("status_page", "yes", other.version, "closed-1")).toMatchObject({
      status: "locked",
    });
  });
});

describe("reminders", () => {
  it("sends the due-soon reminder once, however often the job runs, and the overdue one once", async () => {
    const other = await prisma.vendor.create({
      data: { orgId: org.org.id, name: "Late Co", tier: "low" },
    });
    const due = new Date(Date.now() + 2 * 86_400_000);
    const late = await createAndSendAssessment({
      orgId: org.org.id,
      actorId: org.procurement.id,
      input: {
        vendorId: other.id,
        questionnaire: "bcdr-core",
        requirements: { tier: "low", allowed_countries: [] },
        dueDate: due.toISOString().slice(0, 10),
        contactEmail: "late@late.example",
        contactName: undefined,
        message: undefined,
        previousAssessmentId: undefined,
      },
    });
    const mailsToLate = () =>
      fs
        .readdirSync(path.join(dataDir, "outbox"))
        .filter((f) =>
          fs
            .readFileSync(path.join(dataDir, "outbox", f), "utf8")
            .includes("To: late@late.example"),
        ).length;
    const before = mailsToLate();
    await sendDueReminders();
    await sendDueReminders();
    expect(await prisma.reminder.count({ where: { assessmentId: late.id } })).toBe(1);
    expect(mailsToLate()).toBe(before + 1);
    const later = new Date(due.getTime() + 3 * 86_400_000);
    await Promise.all([sendDueReminders({ now: later }), sendDueReminders({ now: later })]);
    const kinds = (await prisma.reminder.findMany({ where: { assessmentId: late.id } }))
      .map((r) => r.kind)
      .sort();
    expect(kinds).toEqual(["due_soon", "overdue"]);
    expect(mailsToLate()).toBe(before + 2);
  });

  it("puts a working link in each reminder; it shares the invitation's revocation and a resend drops it", async () => {
    const { resendInvitation, revokeInvitation } = await import("@/lib/data/invitations");
    const vendor = await prisma.vendor.create({
      data: { orgId: org.org.id, name: "Linky Co", tier: "low" },
    });
    const due = new Date(Date.now() + 86_400_000);
    const a = await createAndSendAssessment({
      orgId: org.org.id,
      actorId: org.procurement.id,
      input: {
        vendorId: vendor.id,
        questionnaire: "bcdr-core",
        requirements: { tier: "low", allowed_countries: [] },
        dueDate: due.toISOString().slice(0, 10),
        contactEmail: "linky@linky.example",
        contactName: undefined,
        message: undefined,
        previousAssessmentId: undefined,
      },
    });
    const inv = await prisma.invitation.findFirstOrThrow({ where: { assessmentId: a.id } });
    const seen = new Set(outboxLinks());
    await sendDueReminders();
    const fresh = outboxLinks().filter((t) => !seen.has(t));
    expect(fresh).toHaveLength(1);
    const reminderToken = fresh[0]!;
    // A new link (not the invitation's), stored only as a hash, opening the same invitation.
    expect(hashToken({ token: reminderToken })).not.toBe(inv.tokenHash);
    const stored = await prisma.invitationToken.findMany({ where: { invitationId: inv.id } });
    expect(stored.map((t) => t.tokenHash)).toEqual([hashToken({ token: reminderToken })]);
    expect(await getLinkState({ token: reminderToken })).toMatchObject({
      state: "valid",
      invitationId: inv.id,
      assessmentId: a.id,
    });

    await resendInvitation({ orgId: org.org.id, actor: { kind: "system" }, invitationId: inv.id });
    expect((await getLinkState({ token: reminderToken })).state).toBe("unknown");

    const later = new Date(due.getTime() + 3 * 86_400_000);
    const seen2 = new Set(outboxLinks());
    await sendDueReminders({ now: later });
    const overdueToken = outboxLinks().filter((t) => !seen2.has(t))[0]!;
    expect((await getLinkState({ token: overdueToken })).state).toBe("valid");
    await revokeInvitation({ orgId: org.org.id, actor: { kind: "system" }, invitationId: inv.id });
    expect((await getLinkState({ token: overdueToken })).state).toBe("revoked");
  });
});

describe("reassessment", () => {
  it("starts from the last submitted answers and shows the reviewer what changed", async () => {
    const { getAssessmentDetail } = await import("@/lib/data/assessments");
    // Back with the reviewer after the change request above (as after the vendor's resubmission):
    // a reassessment starts only from answers the vendor has handed in.
    await prisma.assessment.update({ where: { id: assessmentId }, data: { status: "submitted" } });
    const prev = await prisma.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
    const next = await createAndSendAssessment({
      orgId: org.org.id,
      actorId: org.procurement.id,
      input: {
        vendorId: prev.vendorId,
        questionnaire: "bcdr-core",
        requirements: { tier: "high", allowed_countries: [] },
        dueDate: "2027-06-30",
        contactEmail: "dr@vault.example",
        contactName: undefined,
        message: undefined,
        previousAssessmentId: prev.id,
        // The previous one is submitted, still awaiting a decision: open.
        confirmSecondOpen: true,
      },
    });
    const copied = await prisma.answer.findMany({ where: { assessmentId: next.id } });
    expect(copied.map((a) => a.questionId)).toContain("sites");
    expect(copied.every((a) => a.version === 1 && !a.reopened)).toBe(true);
    expect(copied.every((a) => a.awaitingConfirmation && a.carriedFrom === "previous")).toBe(true);
    const inv = await prisma.invitation.findFirstOrThrow({ where: { assessmentId: next.id } });
    const row = copied.find((a) => a.questionId === "status_page")!;
    const r = await saveAnswer({
      invitationId: inv.id,
      assessmentId: next.id,
      questionId: "status_page",
      value: "yes",
      baseVersion: row.version,
      idempotencyKey: "reassess-1",
    });
    expect(r.status).toBe("saved");
    const detail = await getAssessmentDetail({ orgId: org.org.id, assessmentId: next.id });
    expect(detail.changedSincePrevious).toEqual(["status_page"]);
    expect(detail.awaitingConfirmation).not.toContain("status_page");
    expect(detail.awaitingConfirmation).toContain("sites");
    // Another organisation cannot start from this assessment.
    const other = await createOrgWithUsers(prisma, "intruder");
    await expect(
      createAndSendAssessment({
        orgId: other.org.id,
        actorId: other.procurement.id,
        input: {
          vendorId: prev.vendorId,
          questionnaire: "bcdr-core",
          requirements: { tier: "high", allowed_countries: [] },
          dueDate: "2027-06-30",
          contactEmail: "x@x.example",
          contactName: undefined,
          message: undefined,
          previousAssessmentId: prev.id,
        },
      }),
    ).rejects.toThrow(/not found/);
  });
});
