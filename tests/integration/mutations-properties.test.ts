import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { decodeEml } from "../helpers/eml";
import { ALL_PAYLOADS, anyText, SAMPLE_SITE } from "../helpers/hostile";

// The mutation handlers behind every form, against the real embedded PostgreSQL, over arbitrary
// strings: each is either stored exactly (read back equal) or refused with an error naming the
// field, and then the database is unchanged. Staff forms reach lib/data through Server Actions
// that parse with the form's zod schema and then call the handler: `act` below runs that same
// pair (lib/actions adds only the session check). The portal's saveAnswer checks its own input.

// Mail goes to DATA_DIR/outbox when no SMTP_URL is set; keep it in a temp folder.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-mutations-"));
process.env.DATA_DIR = dataDir;
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers } = await import("./db");
const vendors = await import("@/lib/data/vendors");
const { inviteUser, acceptInvitation } = await import("@/lib/data/user-invitations");
const { updateOrgSettings } = await import("@/lib/data/org");
const { createAndSendAssessment } = await import("@/lib/data/assessments");
const review = await import("@/lib/data/review");
const { ensureQuestionnaireVersion } = await import("@/lib/data/questionnaire-versions");
const { saveAnswer } = await import("@/lib/portal/save-answer");
const { toFieldErrors } = await import("@/lib/errors");
const S = {
  ...(await import("@/lib/schemas/vendor")),
  ...(await import("@/lib/schemas/identity")),
  ...(await import("@/lib/schemas/settings")),
  ...(await import("@/lib/schemas/assessment")),
};

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "hostile");
const scope = { orgId: org.org.id, actorId: org.procurement.id };

type TOutcome<T> = { stored: T } | { fieldErrors: Record<string, string[]> };

/** What a Server Action does after its session check: parse with the form's schema, then write. */
async function act<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  write: (input: z.infer<S>) => Promise<T>,
): Promise<TOutcome<T>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: toFieldErrors(parsed.error) };
  return { stored: await write(parsed.data) };
}

/** A refusal names the field (its key) and says which field in words (`label`). */
function expectNamedRefusal(outcome: TOutcome<unknown>, field: string, label: string) {
  expect(outcome).toHaveProperty("fieldErrors");
  const errors = (outcome as { fieldErrors: Record<string, string[]> }).fieldErrors;
  expect(Object.keys(errors)).toEqual([field]);
  for (const message of errors[field] ?? []) expect(message).toContain(label);
}

const RUNS = { numRuns: 25 };

/** Every run sees both outcomes come up over the whole property, so neither is vacuous. */
function outcomes() {
  const seen = new Set<string>();
  return {
    note: (o: TOutcome<unknown>) => seen.add("stored" in o ? "stored" : "refused"),
    expectBoth: () => expect([...seen].sort()).toEqual(["refused", "stored"]),
  };
}

let assessmentVersionId = "";
let vendorId = "";
beforeAll(async () => {
  assessmentVersionId = (await ensureQuestionnaireVersion({ id: "bcdr-core" })).id;
  vendorId = (
    await prisma.vendor.create({ data: { orgId: org.org.id, name: "Base vendor", tier: "high" } })
  ).id;
});

describe("vendors", () => {
  it("create: the name is stored exactly, or refused on the name and no vendor is added", async () => {
    const seen = outcomes();
    await fc.assert(
      fc.asyncProperty(anyText(200), async (name) => {
        const before = await prisma.vendor.count();
        const o = await act(S.ZVendor, { name, tier: "low" }, (input) =>
          vendors.createVendor({ ...scope, input }),
        );
        seen.note(o);
        if ("stored" in o) {
          const row = await prisma.vendor.findUniqueOrThrow({ where: { id: o.stored.id } });
          expect(row.name).toBe(name.trim());
        } else {
          expectNamedRefusal(o, "name", "Vendor name");
          expect(await prisma.vendor.count()).toBe(before);
        }
      }),
      RUNS,
    );
    seen.expectBoth();
  });

  it("edit: services, website and notes stored exactly, or refused and the saved vendor kept", async () => {
    const seen = outcomes();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("services.0", "website", "notes"),
        anyText(300),
        async (field, text) => {
          const before = await prisma.vendor.findUniqueOrThrow({ where: { id: vendorId } });
          const raw = {
            name: before.name,
            tier: before.tier,
            services: field === "services.0" ? [text] : before.services,
            website: field === "website" ? text : (before.website ?? ""),
            notes: field === "notes" ? text : (before.notes ?? ""),
          };
          const o = await act(S.ZVendor, raw, (input) =>
            vendors.updateVendor({ ...scope, vendorId, input }),
          );
          seen.note(o);
          const after = await prisma.vendor.findUniqueOrThrow({ where: { id: vendorId } });
          if ("stored" in o) {
            const key = field === "services.0" ? "services" : field;
            const want = text.trim() || null;
            if (key === "services") expect(after.services).toEqual([text.trim()]);
            else expect(after[key as "website" | "notes"]).toBe(want);
          } else {
            const label = { "services.0": "Service", website: "Website", notes: "Notes" }[field];
            expectNamedRefusal(o, field, label ?? field);
            expect(after).toEqual(before);
          }
        },
      ),
      RUNS,
    );
    seen.expectBoth();
  });

  it("contact: name and title stored exactly, or refused and no contact added", async () => {
    const seen = outcomes();
    await fc.assert(
      fc.asyncProperty(anyText(120), anyText(120), async (name, title) => {
        const before = await prisma.vendorContact.count();
        const o = await act(
          S.ZVendorContact,
          { name, title, email: "dr@vendor.example" },
          (input) => vendors.addVendorContact({ ...scope, vendorId, input }),
        );
        seen.note(o);
        if ("stored" in o) {
          const row = await prisma.vendorContact.findUniqueOrThrow({ where: { id: o.stored.id } });
          expect(row.name).toBe(name.trim());
          expect(row.title).toBe(title.trim() || null);
        } else {
          const errors = Object.keys((o as { fieldErrors: object }).fieldErrors);
          expect(errors.length).toBeGreaterThan(0);
          expect(errors.every((k) => k === "name" || k === "title")).toBe(true);
          expect(await prisma.vendorContact.count()).toBe(before);
        }
      }),
      RUNS,
    );
    seen.expectBoth();
  });
});

describe("users and settings", () => {
  it("an invited user's name is stored exactly (invitation, then user), or refused and nothing added", async () => {
    let n = 0;
    const outbox = path.join(dataDir, "outbox");
    /** The invitation token of the newest mail to `to`. */
    const tokenFor = (to: string) => {
      const mail = fs
        .readdirSync(outbox)
        .sort()
        .map((f) => decodeEml(fs.readFileSync(path.join(outbox, f), "utf8")))
        .filter((m) => m.to.includes(to))
        .at(-1);
      return /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail?.body ?? "")?.[1] ?? "";
    };
    await fc.assert(
      fc.asyncProperty(anyText(120), async (name) => {
        const before = {
          users: await prisma.user.count(),
          invites: await prisma.staffInvitation.count(),
        };
        const raw = { name, email: `user-${n++}@hostile.test`, role: "manager" };
        const o = await act(S.ZInviteUser, raw, (input) =>
          inviteUser({ orgId: org.org.id, actorId: org.admin.id, input }),
        );
        if ("stored" in o) {
          const invitation = await prisma.staffInvitation.findUniqueOrThrow({
            where: { id: o.stored.id },
          });
          expect(invitation.name).toBe(name.trim());
          const user = await acceptInvitation({
            token: tokenFor(raw.email),
            password: "a-long-enough-password",
          });
          const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
          expect(row.name).toBe(name.trim());
        } else {
          expectNamedRefusal(o, "name", "Name");
          expect(await prisma.user.count()).toBe(before.users);
          expect(await prisma.staffInvitation.count()).toBe(before.invites);
        }
      }),
      // Every accepted invitation costs a bcrypt hash.
      { numRuns: 10 },
    );
  });

  it("the organisation's name is stored exactly, or refused and the saved settings kept", async () => {
    const seen = outcomes();
    await fc.assert(
      fc.asyncProperty(anyText(200), async (name) => {
        const before = await prisma.organization.findUniqueOrThrow({ where: { id: org.org.id } });
        const raw = { name, supportEmail: "risk@org.example", reminderDaysBefore: "7" };
        const o = await act(S.ZOrgSettings, raw, (input) =>
          updateOrgSettings({ orgId: org.org.id, actorId: org.admin.id, input }),
        );
        seen.note(o);
        const after = await prisma.organization.findUniqueOrThrow({ where: { id: org.org.id } });
        if ("stored" in o) expect(after.name).toBe(name.trim());
        else {
          expectNamedRefusal(o, "name", "Organisation name");
          expect(after).toEqual(before);
        }
      }),
      RUNS,
    );
    seen.expectBoth();
  });
});

describe("assessments and review", () => {
  it("sending: the contact's name is stored and the message mailed exactly, or nothing is sent", async () => {
    const seen = outcomes();
    const outbox = path.join(dataDir, "outbox");
    const mails = () => (fs.existsSync(outbox) ? fs.readdirSync(outbox).sort() : []);
    await fc.assert(
      fc.asyncProperty(anyText(120), anyText(2000), async (contactName, message) => {
        const before = { assessments: await prisma.assessment.count(), mails: mails().length };
        const raw = {
          vendorId,
          questionnaire: "bcdr-core",
          requirements: { tier: "high" },
          dueDate: "2031-01-31",
          contactEmail: "dr@vendor.example",
          contactName,
          message,
          // Every run sends to the same vendor: the second open assessment is confirmed.
          confirmSecondOpen: true,
        };
        const o = await act(S.ZCreateAssessment, raw, (input) =>
          createAndSendAssessment({ ...scope, input }),
        );
        seen.note(o);
        if ("stored" in o) {
          const inv = await prisma.invitation.findFirstOrThrow({
            where: { assessmentId: o.stored.id },
          });
          expect(inv.name).toBe(contactName.trim() || null);
          const file = mails().at(-1)!;
          const mail = decodeEml(fs.readFileSync(path.join(outbox, file), "utf8"));
          // Mail is text: SMTP carries any line break as CRLF, everything else exactly.
          const lines = (t: string) => t.replace(/\r\n?/g, "\n");
          if (message.trim()) expect(lines(mail.body)).toContain(lines(message.trim()));
        } else {
          const keys = Object.keys((o as { fieldErrors: object }).fieldErrors);
          expect(keys.every((k) => k === "contactName" || k === "message")).toBe(true);
          expect(await prisma.assessment.count()).toBe(before.assessments);
          expect(mails().length).toBe(before.mails);
        }
      }),
      { numRuns: 15 },
    );
    seen.expectBoth();
  });

  async function submittedAssessment() {
    return prisma.assessment.create({
      data: {
        orgId: org.org.id,
        vendorId,
        questionnaireVersionId: assessmentVersionId,
        requirements: { tier: "high" },
        status: "submitted",
        submittedAt: new Date(),
      },
    });
  }

  it("request changes: the comment is stored exactly, or refused and the assessment stays submitted", async () => {
    const seen = outcomes();
    await fc.assert(
      fc.asyncProperty(anyText(2000), async (comment) => {
        const a = await submittedAssessment();
        const raw = { assessmentId: a.id, items: [{ questionId: "rto_minutes", comment }] };
        const o = await act(S.ZRequestChanges, raw, (input) =>
          review.requestChanges({ ...scope, ...input }),
        );
        seen.note(o);
        const comments = await prisma.reviewComment.findMany({ where: { assessmentId: a.id } });
        const after = await prisma.assessment.findUniqueOrThrow({ where: { id: a.id } });
        if ("stored" in o) {
          expect(comments.map((c) => c.body)).toEqual([comment.trim()]);
          expect(after.status).toBe("changes_requested");
        } else {
          expectNamedRefusal(o, "items.0.comment", "Comment");
          expect(comments).toEqual([]);
          expect(after).toEqual(a);
        }
      }),
      RUNS,
    );
    seen.expectBoth();
  });

  it("decision: the comment is stored exactly, or refused and no decision is made", async () => {
    const seen = outcomes();
    await fc.assert(
      fc.asyncProperty(anyText(2000), async (comment) => {
        const a = await submittedAssessment();
        const o = await act(S.ZDecision, { assessmentId: a.id, decision: "accept", comment }, (i) =>
          review.decideAssessment({ ...scope, ...i }),
        );
        seen.note(o);
        const after = await prisma.assessment.findUniqueOrThrow({ where: { id: a.id } });
        if ("stored" in o) expect(after.decisionComment).toBe(comment.trim() || null);
        else {
          expectNamedRefusal(o, "comment", "Comment");
          expect(after).toEqual(a);
        }
      }),
      RUNS,
    );
    seen.expectBoth();
  });

  it("findings and risk acceptance: stored exactly, or refused and the finding unchanged", async () => {
    const a = await submittedAssessment();
    const seen = outcomes();
    await fc.assert(
      fc.asyncProperty(anyText(200), anyText(5000), async (title, justification) => {
        const before = await prisma.finding.count();
        const created = await act(
          S.ZFinding,
          { assessmentId: a.id, title, description: ALL_PAYLOADS, severity: "high" },
          (input) => review.createFinding({ ...scope, input }),
        );
        seen.note(created);
        if (!("stored" in created)) {
          expectNamedRefusal(created, "title", "Title");
          expect(await prisma.finding.count()).toBe(before);
          return;
        }
        const f = await prisma.finding.findUniqueOrThrow({ where: { id: created.stored.id } });
        expect(f.title).toBe(title.trim());
        expect(f.description).toBe(ALL_PAYLOADS);
        const accepted = await act(
          S.ZAcceptRisk,
          // Within the organisation's risk acceptance limit (12 months by default).
          { findingId: f.id, justification, until: RISK_UNTIL },
          (input) => review.acceptRisk({ ...scope, ...input }),
        );
        const after = await prisma.finding.findUniqueOrThrow({ where: { id: f.id } });
        if ("stored" in accepted) expect(after.riskJustification).toBe(justification.trim());
        else {
          expectNamedRefusal(accepted, "justification", "Justification");
          expect(after).toEqual(f);
        }
      }),
      RUNS,
    );
    seen.expectBoth();
  });
});

const RISK_UNTIL = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

describe("vendor portal answers", () => {
  let assessmentId = "";
  let invitationId = "";
  beforeAll(async () => {
    const a = await createAndSendAssessment({
      ...scope,
      input: {
        vendorId,
        questionnaire: "bcdr-core",
        requirements: { tier: "high", allowed_countries: [] },
        dueDate: "2031-01-31",
        contactEmail: "portal@vendor.example",
        contactName: undefined,
        message: undefined,
        previousAssessmentId: undefined,
        // The vendor has open assessments from the tests above.
        confirmSecondOpen: true,
      },
    });
    assessmentId = a.id;
    invitationId = (await prisma.invitation.findFirstOrThrow({ where: { assessmentId } })).id;
  });

  const answerRow = (questionId: string) =>
    prisma.answer.findUnique({ where: { assessmentId_questionId: { assessmentId, questionId } } });

  /** As the route hands it over: the browser's JSON, parsed again. */
  const overJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

  let key = 0;
  async function save(questionId: string, value: unknown) {
    const row = await answerRow(questionId);
    return saveAnswer({
      invitationId,
      assessmentId,
      questionId,
      value: overJson(value),
      baseVersion: row?.version ?? 0,
      idempotencyKey: `prop-key-${key++}`,
    });
  }

  it("third parties: names stored exactly, or refused at their path and the answer kept", async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(anyText(200), anyText(200), async (name, service) => {
        const before = await answerRow("subprocessors");
        const value = [{ name, service, country: "DE" }];
        const r = await save("subprocessors", value);
        const after = await answerRow("subprocessors");
        seen.add(r.status);
        if (r.status === "saved") expect(after?.value).toEqual(value);
        else {
          expect(r.status).toBe("invalid");
          const paths = r.status === "invalid" ? r.errors.map((e) => e.path) : [];
          expect(paths.length).toBeGreaterThan(0);
          for (const p of paths) expect(p).toMatch(/^answers\.subprocessors\[0\]\.(name|service)$/);
          expect(after).toEqual(before);
        }
      }),
      RUNS,
    );
    expect([...seen].sort()).toEqual(["invalid", "saved"]);
  });

  it("sites: every text field stored exactly, or refused at its path and the answer kept", async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("name", "provider", "city", "region", "facility", "id"),
        anyText(200),
        async (field, text) => {
          const site = { ...SAMPLE_SITE, [field]: text };
          const before = await answerRow("sites");
          const r = await save("sites", [site]);
          const after = await answerRow("sites");
          seen.add(r.status);
          if (r.status === "saved") expect(after?.value).toEqual([site]);
          else {
            expect(r.status).toBe("invalid");
            if (r.status === "invalid")
              for (const e of r.errors) expect(e.path).toBe(`answers.sites[0].${field}`);
            expect(after).toEqual(before);
          }
        },
      ),
      RUNS,
    );
    expect([...seen].sort()).toEqual(["invalid", "saved"]);
  });

  it("crafted requests: any question id or resend key is refused or applied, never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(anyText(100), anyText(100), async (questionId, idempotencyKey) => {
        const count = await prisma.answerRevision.count();
        const r = await saveAnswer({
          invitationId,
          assessmentId,
          questionId,
          value: 5,
          baseVersion: 0,
          idempotencyKey,
        });
        // Only rto_minutes-like ids exist; a random string is not a question of bcdr-core.
        expect(r.status).toBe("invalid");
        if (r.status === "invalid")
          expect(r.errors[0]?.path).toMatch(/^(idempotencyKey|answers\.)/);
        expect(await prisma.answerRevision.count()).toBe(count);
      }),
      // Found once at random: a NUL in the id reached the resend look-up, which PostgreSQL refused.
      { ...RUNS, examples: [["before\u0000after", "x".repeat(100)]] },
    );
  });
});
