// Guards against a vendor link outliving its revocation through colleagues, and against any link
// sending the app's mail to any address without end: revoking the primary link used to leave
// the colleague links it had invited working, and a link could invite colleagues by the
// thousand (1,000 per 10 minutes, the link's rate limit).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeEml, findRespondToken } from "../helpers/eml";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-colleagues-"));
process.env.DATA_DIR = dataDir;
process.env.APP_URL = "http://localhost:3000";
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("./db");
const { revokeInvitation } = await import("@/lib/data/invitations");
const { COLLEAGUE_LIMITS } = await import("@/lib/data/colleagues");
const { getLinkState } = await import("@/lib/portal/access");
const { POST } = await import("@/app/api/respond/[token]/colleagues/route");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "colleagues");

const newestLink = () => {
  const dir = path.join(dataDir, "outbox");
  const last = fs.readdirSync(dir).sort().at(-1)!;
  return findRespondToken(decodeEml(fs.readFileSync(path.join(dir, last), "utf8")).body)!;
};

/** The portal's "Invite a colleague" call, as the browser sends it. */
async function invite(token: string, email: string) {
  const req = new Request(`http://localhost:3000/api/respond/${token}/colleagues`, {
    method: "POST",
    headers: { Origin: "http://localhost:3000", "Content-Type": "application/json" },
    body: JSON.stringify({ email }),
  });
  const res = await POST(req, { params: Promise.resolve({ token }) });
  return { status: res.status, body: (await res.json()) as { error?: string }, res };
}

async function sendOne(vendorName: string) {
  const sent = await sendTestAssessment(prisma, org, { vendorName, email: "dr@vendor.example" });
  return { ...sent, token: newestLink() };
}

describe("revoking a vendor link", () => {
  it("ends the colleague links invited through it, and theirs", async () => {
    const primary = await sendOne("Revoke Co");
    expect((await invite(primary.token, "first@vendor.example")).status).toBe(200);
    const first = newestLink();
    expect((await invite(first, "second@vendor.example")).status).toBe(200);
    const second = newestLink();

    const result = await revokeInvitation({
      orgId: org.org.id,
      actor: { kind: "user", userId: org.procurement.id },
      invitationId: primary.invitationId,
    });
    expect(result).toEqual({ colleagues: 2 });
    for (const t of [primary.token, first, second]) {
      expect((await getLinkState({ token: t })).state).toBe("revoked");
    }
    const audit = await prisma.auditEvent.count({
      where: { action: "invitation.revoked", orgId: org.org.id },
    });
    expect(audit).toBe(3);
  });

  it("of a colleague ends only that colleague's branch", async () => {
    const primary = await sendOne("Branch Co");
    await invite(primary.token, "a@vendor.example");
    const a = await prisma.invitation.findFirstOrThrow({
      where: { assessmentId: primary.assessment.id, email: "a@vendor.example" },
    });
    const result = await revokeInvitation({
      orgId: org.org.id,
      actor: { kind: "system" },
      invitationId: a.id,
    });
    expect(result).toEqual({ colleagues: 0 });
    expect((await getLinkState({ token: primary.token })).state).toBe("valid");
  });
});

describe("colleague invitations are capped", () => {
  let primary: Awaited<ReturnType<typeof sendOne>>;
  beforeAll(async () => {
    primary = await sendOne("Cap Co");
  });

  it(`per hour (${COLLEAGUE_LIMITS.perHour}), even when sent at once, with the time to wait`, async () => {
    const results = await Promise.all(
      Array.from({ length: COLLEAGUE_LIMITS.perHour + 5 }, (_, i) =>
        invite(primary.token, `burst${i}@elsewhere.example`),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(COLLEAGUE_LIMITS.perHour);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused.every((r) => r.status === 429)).toBe(true);
    expect(refused[0]!.body.error).toMatch(
      /^10 colleagues were invited to this questionnaire in the last hour\. Wait \d+ minutes? before inviting more\.$/,
    );
    expect(Number(refused[0]!.res.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it(`per questionnaire (${COLLEAGUE_LIMITS.perAssessment} links alive at once)`, async () => {
    const sent = () =>
      prisma.invitation.count({
        where: { assessmentId: primary.assessment.id, kind: "colleague" },
      });
    for (let round = 0; (await sent()) < COLLEAGUE_LIMITS.perAssessment; round++) {
      // An hour later for the hourly cap: move the earlier invitations back in time.
      await prisma.invitation.updateMany({
        where: { assessmentId: primary.assessment.id },
        data: { createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000) },
      });
      const room = COLLEAGUE_LIMITS.perAssessment - (await sent());
      for (let i = 0; i < Math.min(room, COLLEAGUE_LIMITS.perHour); i++) {
        expect((await invite(primary.token, `r${round}-${i}@vendor.example`)).status).toBe(200);
      }
    }
    await prisma.invitation.updateMany({
      where: { assessmentId: primary.assessment.id },
      data: { createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000) },
    });
    const over = await invite(primary.token, "one-more@vendor.example");
    expect(over.status).toBe(409);
    expect(over.body.error).toBe(
      "This questionnaire already has 20 colleague links, the most it can have. Ask the organisation that sent it to revoke links no longer needed.",
    );
    expect(await sent()).toBe(COLLEAGUE_LIMITS.perAssessment);
  });
});
