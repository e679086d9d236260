import crypto from "node:crypto";
import { afterAll, inject } from "vitest";
import { createPrismaClient, setDb } from "@/lib/db";
import { createDatabase, dropDatabase } from "@/lib/db/scratch-db";

/** A fresh, migrated database for this test file; the app's `db` points at it. */
export async function setupFreshDatabase() {
  const server = inject("pgUrl");
  // Named after the run's template, so the run's teardown finds any a test file left behind.
  const name = `${inject("pgTemplate")}_t_${crypto.randomBytes(6).toString("hex")}`;
  const url = await createDatabase({ url: server, name, template: inject("pgTemplate") });
  const prisma = createPrismaClient({ url });
  setDb(prisma);
  afterAll(async () => {
    await prisma.$disconnect();
    setDb(undefined);
    await dropDatabase({ url: server, name });
  });
  return { url, prisma };
}

export async function createOrgWithUsers(
  prisma: ReturnType<typeof createPrismaClient>,
  slug: string,
) {
  const org = await prisma.organization.create({ data: { name: `Org ${slug}`, slug } });
  const mk = (role: "admin" | "procurement" | "manager") =>
    prisma.user.create({
      data: {
        orgId: org.id,
        email: `${role}@${slug}.test`,
        name: `${role} ${slug}`,
        role,
        passwordHash: "x",
      },
    });
  return {
    org,
    admin: await mk("admin"),
    procurement: await mk("procurement"),
    manager: await mk("manager"),
  };
}

type TOrgWithUsers = Awaited<ReturnType<typeof createOrgWithUsers>>;

/**
 * A new vendor of the organisation and an assessment sent to it by procurement through the
 * app's own data function (mail goes to DATA_DIR/outbox unless SMTP_URL is set).
 */
export async function sendTestAssessment(
  prisma: ReturnType<typeof createPrismaClient>,
  org: TOrgWithUsers,
  {
    vendorName,
    email,
    tier = "high",
    dueInDays = 3,
  }: {
    vendorName: string;
    email: string;
    tier?: "critical" | "high" | "moderate" | "low";
    dueInDays?: number;
  },
) {
  const { createAndSendAssessment } = await import("@/lib/data/assessments");
  const vendor = await prisma.vendor.create({
    data: { orgId: org.org.id, name: vendorName, tier },
  });
  const assessment = await createAndSendAssessment({
    orgId: org.org.id,
    actorId: org.procurement.id,
    input: {
      vendorId: vendor.id,
      questionnaire: "bcdr-core",
      requirements: { tier, allowed_countries: [] },
      dueDate: new Date(Date.now() + dueInDays * 86_400_000).toISOString().slice(0, 10),
      contactEmail: email,
      contactName: undefined,
      message: undefined,
      previousAssessmentId: undefined,
    },
  });
  const invitation = await prisma.invitation.findFirstOrThrow({
    where: { assessmentId: assessment.id },
  });
  return { vendor, assessment, invitationId: invitation.id };
}

/**
 * An assessment sent as above, then answered (a weak vendor's complete answers) and submitted
 * through the portal's own functions.
 */
export async function submitTestAssessment(
  prisma: ReturnType<typeof createPrismaClient>,
  org: TOrgWithUsers,
  input: { vendorName: string; email: string },
) {
  const { WEAK_VENDOR_ANSWERS } = await import("../helpers/weak-vendor-answers");
  const { saveAnswer } = await import("@/lib/portal/save-answer");
  const { submitAssessment } = await import("@/lib/portal/submit");
  const sent = await sendTestAssessment(prisma, org, input);
  const link = { assessmentId: sent.assessment.id, invitationId: sent.invitationId };
  for (const [questionId, value] of WEAK_VENDOR_ANSWERS) {
    const r = await saveAnswer({
      ...link,
      questionId,
      value,
      baseVersion: 0,
      idempotencyKey: `${questionId}-${crypto.randomBytes(6).toString("hex")}`,
    });
    if (r.status !== "saved") throw new Error(`${questionId}: ${JSON.stringify(r)}`);
  }
  const r = await submitAssessment(link);
  if (r.status !== "submitted") throw new Error(`submit: ${JSON.stringify(r)}`);
  return sent;
}
