// Issue 16: threads per question. A vendor's reply lands on its own link's assessment only,
// never through a revoked link or another organisation's ids; it is written with one event and
// one delivery per channel for the reviewer who opened the thread; the review page's rounds
// give the value before and after each reopening.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeEml } from "../helpers/eml";
import { WEAK_VENDOR_ANSWERS } from "../helpers/weak-vendor-answers";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-threads-"));
process.env.DATA_DIR = dataDir;
process.env.APP_URL = "http://localhost:3000";
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("./db");
const { requestChanges, decideAssessment } = await import("@/lib/data/review");
const { revokeInvitation } = await import("@/lib/data/invitations");
const { listThreads, postStaffThreadComment } = await import("@/lib/data/threads");
const { listAnswerRounds } = await import("@/lib/data/answer-rounds");
const { saveAnswer } = await import("@/lib/portal/save-answer");
const { submitAssessment } = await import("@/lib/portal/submit");
const { sendPendingDeliveries } = await import("@/lib/jobs/deliveries");
const { createToken } = await import("@/lib/tokens");
const { NotFoundError, ConflictError } = await import("@/lib/errors");
const { POST } = await import("@/app/api/respond/[token]/threads/route");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "threads");
const other = await createOrgWithUsers(prisma, "threads-other");

let a = { assessmentId: "", invitationId: "", token: "", colleagueId: "", colleagueToken: "" };
let b = { assessmentId: "" };

/** The portal's reply call, as the browser sends it. */
async function reply(token: string, body: unknown) {
  const req = new Request(`http://localhost:3000/api/respond/${token}/threads`, {
    method: "POST",
    headers: { Origin: "http://localhost:3000", "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const res = await POST(req, { params: Promise.resolve({ token }) });
  return {
    status: res.status,
    body: (await res.json()) as {
      error?: string;
      fieldErrors?: Record<string, string[]>;
      data?: { author: string };
    },
  };
}

const versions = new Map<string, number>();
async function save(s: { assessmentId: string; invitationId: string }, q: string, value: unknown) {
  const r = await saveAnswer({
    ...s,
    questionId: q,
    value,
    baseVersion: versions.get(`${s.assessmentId}:${q}`) ?? 0,
    idempotencyKey: `${q}-${Math.random().toString(36).slice(2)}`,
  });
  if (r.status !== "saved") throw new Error(`${q}: ${JSON.stringify(r)}`);
  versions.set(`${s.assessmentId}:${q}`, r.version);
}

/** A sent assessment answered and submitted through the portal's own functions. */
async function submitted(o: typeof org, vendorName: string) {
  const s = await sendTestAssessment(prisma, o, { vendorName, email: `dr@${o.org.slug}.example` });
  const link = { assessmentId: s.assessment.id, invitationId: s.invitationId };
  for (const [q, v] of WEAK_VENDOR_ANSWERS) await save(link, q, v);
  const r = await submitAssessment(link);
  expect(r, JSON.stringify(r)).toMatchObject({ status: "submitted" });
  return link;
}

/** A link of our own to an invitation (the mailed one is not read back here). */
async function linkFor(invitationId: string) {
  const { token, hash } = createToken();
  await prisma.invitationToken.create({ data: { invitationId, tokenHash: hash, purpose: "test" } });
  return token;
}

beforeAll(async () => {
  const link = await submitted(org, "Thread Co");
  const colleague = await prisma.invitation.create({
    data: {
      orgId: org.org.id,
      assessmentId: link.assessmentId,
      kind: "colleague",
      email: "colleague@threads.example",
      tokenHash: createToken().hash,
      expiresAt: new Date(Date.now() + 10 * 86_400_000),
    },
  });
  a = {
    ...link,
    token: await linkFor(link.invitationId),
    colleagueId: colleague.id,
    colleagueToken: await linkFor(colleague.id),
  };
  b = await submitted(other, "Elsewhere Co");
  await requestChanges({
    orgId: org.org.id,
    actorId: org.procurement.id,
    assessmentId: a.assessmentId,
    items: [{ questionId: "rpo_minutes", comment: "An hour of lost data is too much for us." }],
  });
  await sendPendingDeliveries(); // the invitation and change-request mails
});

const eventsOf = (assessmentId: string) =>
  prisma.event.findMany({
    where: { assessmentId, type: "thread.vendor_replied" },
    include: { deliveries: true },
    orderBy: { createdAt: "asc" },
  });

describe("vendor replies", () => {
  it("a reply is written once with its event, delivered to the reviewer who opened the thread", async () => {
    const r = await reply(a.token, { questionId: "rpo_minutes", body: "We can do 15 minutes." });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data?.author).toBe("dr@threads.example");
    const events = await eventsOf(a.assessmentId);
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e).toMatchObject({ actorKind: "vendor", actorInvitationId: a.invitationId });
    expect(e!.payload).toMatchObject({
      questionId: "rpo_minutes",
      questionLabel: "Recovery point objective (RPO)",
      authorLabel: "dr@threads.example",
    });
    // Nothing of the reply itself leaves the app with the event.
    expect(JSON.stringify(e!.payload)).not.toContain("15 minutes");
    expect(e!.deliveries.map((d) => [d.channel, d.userId]).sort()).toEqual([
      ["email", org.procurement.id],
      ["inbox", org.procurement.id],
    ]);
    const audit = await prisma.auditEvent.count({
      where: { action: "thread.vendor_replied", targetId: a.assessmentId },
    });
    expect(audit).toBe(1);

    // The delivery job sends the mail once, linking to the question on the review page.
    const outbox = path.join(dataDir, "outbox");
    const before = fs.readdirSync(outbox).length;
    await sendPendingDeliveries();
    await sendPendingDeliveries();
    const mails = fs
      .readdirSync(outbox)
      .sort()
      .slice(before)
      .map((f) => decodeEml(fs.readFileSync(path.join(outbox, f), "utf8")));
    expect(mails.map((m) => m.to)).toEqual([org.procurement.email]);
    expect(mails[0]!.body).toContain(
      `http://localhost:3000/assessments/${a.assessmentId}#answer-rpo_minutes`,
    );
  });

  it("a colleague replies under their own address; the thread lists who wrote what, in order", async () => {
    const r = await reply(a.colleagueToken, { questionId: "rpo_minutes", body: "Confirmed." });
    expect(r.status).toBe(201);
    await postStaffThreadComment({
      orgId: org.org.id,
      actorId: org.manager.id,
      assessmentId: a.assessmentId,
      questionId: "rpo_minutes",
      body: "Thanks, please update the answer.",
    });
    const threads = await listThreads({ orgId: org.org.id, assessmentId: a.assessmentId });
    expect(Object.keys(threads)).toEqual(["rpo_minutes"]);
    expect(threads.rpo_minutes!.map((m) => [m.side, m.author, m.request])).toEqual([
      ["staff", org.procurement.name, true],
      ["vendor", "dr@threads.example", false],
      ["vendor", "colleague@threads.example", false],
      ["staff", org.manager.name, false],
    ]);
    // Still the reviewer who reopened the question is told, not the manager who wrote since.
    const events = await eventsOf(a.assessmentId);
    expect(events).toHaveLength(2);
    expect(events[1]!.deliveries.map((d) => d.userId)).toEqual([
      org.procurement.id,
      org.procurement.id,
    ]);
  });

  it("refuses a bad body with 400 naming the field, and a question without a thread", async () => {
    const empty = await reply(a.token, { questionId: "rpo_minutes", body: "  " });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.fieldErrors ?? {})).toEqual(["body"]);
    expect(empty.body.error).toContain("Reply");
    const long = await reply(a.token, { questionId: "rpo_minutes", body: "x".repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.body.fieldErrors?.body?.[0]).toContain("at most 2000");
    const noQuestion = await reply(a.token, { body: "Hello" });
    expect(noQuestion.status).toBe(400);
    expect(Object.keys(noQuestion.body.fieldErrors ?? {})).toEqual(["questionId"]);
    expect((await reply(a.token, { questionId: "no_such_question", body: "Hi" })).status).toBe(404);
    expect((await reply(a.token, { questionId: "status_page", body: "Hi" })).status).toBe(409);
    expect(await eventsOf(a.assessmentId)).toHaveLength(2);
  });

  it("a link writes on its own assessment only: another organisation's ids in the body are ignored", async () => {
    const r = await reply(a.token, {
      questionId: "rpo_minutes",
      body: "Meant for elsewhere",
      assessmentId: b.assessmentId,
    });
    expect(r.status).toBe(201);
    expect(await prisma.threadComment.count({ where: { assessmentId: b.assessmentId } })).toBe(0);
    expect(
      await prisma.threadComment.count({
        where: { assessmentId: a.assessmentId, body: "Meant for elsewhere" },
      }),
    ).toBe(1);
  });

  it("another organisation's staff cannot read or write the thread", async () => {
    await expect(
      postStaffThreadComment({
        orgId: other.org.id,
        actorId: other.procurement.id,
        assessmentId: a.assessmentId,
        questionId: "rpo_minutes",
        body: "Hello from elsewhere",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await listThreads({ orgId: other.org.id, assessmentId: a.assessmentId })).toEqual({});
    expect(await listAnswerRounds({ orgId: other.org.id, assessmentId: a.assessmentId })).toEqual(
      {},
    );
  });

  it("a revoked link is refused (410) and writes nothing", async () => {
    await revokeInvitation({
      orgId: org.org.id,
      actor: { kind: "user", userId: org.procurement.id },
      invitationId: a.colleagueId,
    });
    const before = await prisma.threadComment.count();
    const r = await reply(a.colleagueToken, { questionId: "rpo_minutes", body: "Still here?" });
    expect(r.status).toBe(410);
    expect(await prisma.threadComment.count()).toBe(before);
    expect(await eventsOf(a.assessmentId)).toHaveLength(3);
  });
});

describe("before and after each reopened round", () => {
  it("gives the value at the request and now, then at the resubmission", async () => {
    await save(a, "rpo_minutes", 15);
    const open = await listAnswerRounds({ orgId: org.org.id, assessmentId: a.assessmentId });
    expect(Object.keys(open)).toEqual(["rpo_minutes"]);
    expect(open.rpo_minutes).toMatchObject([
      { before: { value: 60 }, after: 15, closed: false, changed: true },
    ]);
    const r = await submitAssessment(a);
    expect(r).toMatchObject({ status: "submitted" });
    const closed = await listAnswerRounds({ orgId: org.org.id, assessmentId: a.assessmentId });
    expect(closed.rpo_minutes).toMatchObject([
      { before: { value: 60 }, after: 15, closed: true, changed: true },
    ]);
    // A second round on the same question starts from the resubmitted value.
    await requestChanges({
      orgId: org.org.id,
      actorId: org.procurement.id,
      assessmentId: a.assessmentId,
      items: [{ questionId: "rpo_minutes", comment: "And the RTO?" }],
    });
    const second = await listAnswerRounds({ orgId: org.org.id, assessmentId: a.assessmentId });
    expect(second.rpo_minutes).toMatchObject([
      { before: { value: 60 }, after: 15, closed: true },
      { before: { value: 15 }, after: 15, closed: false, changed: false },
    ]);
  });

  it("closes the threads once the assessment is decided", async () => {
    await submitAssessment(a);
    await decideAssessment({
      orgId: org.org.id,
      actorId: org.procurement.id,
      assessmentId: a.assessmentId,
      decision: "accept",
    });
    const r = await reply(a.token, { questionId: "rpo_minutes", body: "One more thing" });
    expect(r.status).toBe(409);
    await expect(
      postStaffThreadComment({
        orgId: org.org.id,
        actorId: org.procurement.id,
        assessmentId: a.assessmentId,
        questionId: "rpo_minutes",
        body: "Closing note",
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
