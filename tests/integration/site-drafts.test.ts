import { beforeAll, describe, expect, it } from "vitest";

// Guards against a partly entered site being lost without a word: a site without a location
// must be kept on the server (as a draft, outside the `sites` answer the engine reads), and
// submitting must wait until no draft is left.
const os = await import("node:os");
const fs = await import("node:fs");
const path = await import("node:path");
// Mail goes to DATA_DIR/outbox when no SMTP_URL is set; keep it in a temp folder.
process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-drafts-"));
delete process.env.SMTP_URL;
const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("./db");
const { saveAnswer } = await import("@/lib/portal/save-answer");
const { submitAssessment } = await import("@/lib/portal/submit");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "drafts");
let assessmentId = "";
let invitationId = "";

const complete = {
  id: "site-1",
  name: "Frankfurt primary",
  role: "primary",
  provider: "Equinix",
  city: "Frankfurt",
  country: "DE",
  lat: 50.11,
  lon: 8.68,
};
const draft = {
  id: "site-2",
  name: "Dublin standby",
  role: "secondary",
  city: "Dublin",
  lat: null,
};

beforeAll(async () => {
  const sent = await sendTestAssessment(prisma, org, {
    vendorName: "Draft Co",
    email: "dr@draft.example",
  });
  assessmentId = sent.assessment.id;
  invitationId = sent.invitationId;
});

let key = 0;
const save = (value: unknown, drafts: unknown, baseVersion: number) =>
  saveAnswer({
    invitationId,
    assessmentId,
    questionId: "sites",
    value,
    drafts,
    baseVersion,
    idempotencyKey: `drafts-${key++}`,
  });

describe("site drafts", () => {
  it("keeps a site without a location beside the answer, never inside it", async () => {
    const r = await save([complete], [draft], 0);
    expect(r).toMatchObject({ status: "saved", version: 1, value: [complete], drafts: [draft] });
    const row = await prisma.answer.findFirstOrThrow({
      where: { assessmentId, questionId: "sites" },
    });
    expect(row.value).toEqual([complete]);
    expect(row.drafts).toEqual([draft]);
  });

  it("refuses to submit while a draft is left, saying what the site needs", async () => {
    const r = await submitAssessment({ invitationId, assessmentId });
    expect(r.status).toBe("incomplete");
    if (r.status !== "incomplete") return;
    expect(r.drafts).toEqual([
      {
        questionId: "sites",
        message: "Site 2 (Dublin standby) needs its location: pick a city or type coordinates",
      },
    ]);
  });

  it("a completed draft moves into the answer in the same save; no drafts are left", async () => {
    const done = { ...draft, provider: "AWS", country: "IE", lat: 53.35, lon: -6.26 };
    const r = await save([complete, done], [], 1);
    expect(r).toMatchObject({ status: "saved", version: 2, drafts: null });
    const row = await prisma.answer.findFirstOrThrow({
      where: { assessmentId, questionId: "sites" },
    });
    expect(row.value).toEqual([complete, done]);
    expect(row.drafts).toBeNull();
    const r2 = await submitAssessment({ invitationId, assessmentId });
    expect(r2.status === "incomplete" && r2.drafts).toEqual([]);
  });

  it("refuses hostile text in a draft at its path, and keeps what was saved", async () => {
    const r = await save([complete], [{ ...draft, name: "a\u0000b" }], 2);
    expect(r.status).toBe("invalid");
    expect(r.status === "invalid" && r.errors[0]?.path).toBe("answers.sites.drafts[0].name");
    const row = await prisma.answer.findFirstOrThrow({
      where: { assessmentId, questionId: "sites" },
    });
    expect(row.version).toBe(2);
  });

  it("refuses drafts for a question that is not a sites list", async () => {
    const r = await saveAnswer({
      invitationId,
      assessmentId,
      questionId: "rto_minutes",
      value: 60,
      drafts: [draft],
      baseVersion: 0,
      idempotencyKey: "drafts-rto",
    });
    expect(r.status).toBe("invalid");
    expect(await prisma.answer.count({ where: { assessmentId, questionId: "rto_minutes" } })).toBe(
      0,
    );
  });
});
