import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A second open assessment for one vendor is sent only when the sender confirms it: the send
// form warns, and the data layer refuses without the confirmation (issue 11, item 9a).

// Mail goes to DATA_DIR/outbox when no SMTP_URL is set; keep it in a temp folder.
process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-second-open-"));
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers } = await import("../db");
const { createAndSendAssessment, findOpenAssessment } = await import("@/lib/data/assessments");
const { ZCreateAssessment } = await import("@/lib/schemas/assessment");
type TCreateAssessmentInput = import("@/lib/schemas/assessment").TCreateAssessmentInput;
const { ConflictError, NotFoundError } = await import("@/lib/errors");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "second-open");
const other = await createOrgWithUsers(prisma, "second-open-other");
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

const send = (vendorId: string, extra: Partial<TCreateAssessmentInput> = {}, scope = org) =>
  createAndSendAssessment({
    orgId: scope.org.id,
    actorId: scope.procurement.id,
    input: ZCreateAssessment.parse({
      vendorId,
      questionnaire: "bcdr-core",
      requirements: { tier: "high" },
      dueDate: inAWeek,
      contactEmail: "dr@vendor.example",
      ...extra,
    }),
  });

const vendor = (name: string, orgId = org.org.id) =>
  prisma.vendor.create({ data: { orgId, name, tier: "high" } });

describe("a second open assessment for one vendor", () => {
  it("is refused without confirmation, naming the field; nothing is created", async () => {
    const v = await vendor("Twice Co");
    const first = await send(v.id);
    const refused = await send(v.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as InstanceType<typeof ConflictError>).field).toBe("confirmSecondOpen");
    expect((refused as Error).message).toMatch(/Twice Co already has an open assessment \(sent\)/);
    expect(await prisma.assessment.count({ where: { vendorId: v.id } })).toBe(1);
    expect((await findOpenAssessment({ orgId: org.org.id, vendorId: v.id }))?.id).toBe(first.id);
  });

  it("is sent when confirmed, and the audit entry names the one already open", async () => {
    const v = await vendor("Confirmed Co");
    const first = await send(v.id);
    const second = await send(v.id, { confirmSecondOpen: true });
    expect(await prisma.assessment.count({ where: { vendorId: v.id } })).toBe(2);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "assessment.sent", targetId: second.id },
    });
    expect(audit.data).toMatchObject({ alsoOpen: first.id });
  });

  it("counts submitted answers awaiting review as open; a decided one is not", async () => {
    const v = await vendor("Decided Co");
    const a = await send(v.id);
    await prisma.assessment.update({ where: { id: a.id }, data: { status: "submitted" } });
    await expect(send(v.id)).rejects.toBeInstanceOf(ConflictError);
    await prisma.assessment.update({ where: { id: a.id }, data: { status: "accepted" } });
    await expect(send(v.id)).resolves.toMatchObject({ vendorId: v.id });
  });

  it("two sends at once: exactly one goes out (the vendor row is locked)", async () => {
    const v = await vendor("Race Co");
    const results = await Promise.allSettled([send(v.id), send(v.id), send(v.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await prisma.assessment.count({ where: { vendorId: v.id } })).toBe(1);
  });

  it("another organisation's open assessment never counts (and is never named)", async () => {
    // Guards against a cross-tenant read: the open-assessment check is scoped by organisation.
    const theirs = await vendor("Shared Name Co", other.org.id);
    await send(theirs.id, {}, other);
    expect(await findOpenAssessment({ orgId: org.org.id, vendorId: theirs.id })).toBeNull();
    const ours = await vendor("Shared Name Co");
    await expect(send(ours.id)).resolves.toMatchObject({ vendorId: ours.id });
  });
});

// Issue 17: the send form picks one of the vendor's saved contacts, or types a new one that
// is then saved to the vendor; another vendor's (or organisation's) contact id is refused.
describe("the contact a questionnaire is sent to", () => {
  const contact = (vendorId: string, email: string, orgId = org.org.id) =>
    prisma.vendorContact.create({ data: { orgId, vendorId, name: `Saved ${email}`, email } });

  it("a saved contact: its address and name, nothing typed, no contact added", async () => {
    const v = await vendor("Saved Contact Co");
    const c = await contact(v.id, "saved@vendor.example");
    const a = await send(v.id, { contactId: c.id, contactEmail: "" });
    const inv = await prisma.invitation.findFirstOrThrow({ where: { assessmentId: a.id } });
    expect([inv.email, inv.name]).toEqual(["saved@vendor.example", "Saved saved@vendor.example"]);
    expect(await prisma.vendorContact.count({ where: { vendorId: v.id } })).toBe(1);
  });

  it("a typed contact is saved to the vendor once, audited", async () => {
    const v = await vendor("Typed Contact Co");
    await send(v.id, { contactName: "Dana Lead", contactEmail: "DANA@vendor.example" });
    await prisma.assessment.updateMany({ where: { vendorId: v.id }, data: { status: "accepted" } });
    await send(v.id, { contactEmail: "dana@vendor.example" });
    const saved = await prisma.vendorContact.findMany({ where: { vendorId: v.id } });
    expect(saved.map((c) => [c.name, c.email])).toEqual([["Dana Lead", "dana@vendor.example"]]);
    expect(
      await prisma.auditEvent.count({
        where: { action: "vendor.contact_added", targetId: v.id },
      }),
    ).toBe(1);
  });

  it("another vendor's or organisation's contact id is refused; nothing is sent", async () => {
    const v = await vendor("Picky Co");
    const elsewhere = await vendor("Elsewhere Co");
    const theirs = await vendor("Their Co", other.org.id);
    for (const c of [
      await contact(elsewhere.id, "e@vendor.example"),
      await contact(theirs.id, "t@vendor.example", other.org.id),
    ])
      await expect(send(v.id, { contactId: c.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.assessment.count({ where: { vendorId: v.id } })).toBe(0);
  });

  it("names the email field when no contact is picked or typed", () => {
    const r = ZCreateAssessment.safeParse({
      vendorId: "v1",
      questionnaire: "bcdr-core",
      requirements: { tier: "high" },
      dueDate: inAWeek,
      contactId: "",
      contactEmail: "",
    });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["contactEmail", "Contact email is required (or pick a saved contact)"],
    ]);
  });
});
