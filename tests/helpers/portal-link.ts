import type { createPrismaClient } from "@/lib/db";
import { createToken } from "@/lib/tokens";

type TDb = ReturnType<typeof createPrismaClient>;

export type TInsertPortalLinkInput = {
  /** A vendor of the demo data. */
  vendorName?: string;
  email: string;
  questionnaireVersionId: string;
  dueDate?: Date;
  expiresAt?: Date;
  revokedAt?: Date;
};

/**
 * A sent assessment and its vendor link, written straight to the database as
 * lib/data/invitations.ts issues one (that module pulls in next-auth, which does not load
 * outside Next.js): only the token's SHA-256 is stored; the token is returned.
 */
export async function insertPortalLink(
  db: TDb,
  {
    vendorName = "HR Orbit",
    email,
    questionnaireVersionId,
    dueDate,
    expiresAt,
    revokedAt,
  }: TInsertPortalLinkInput,
) {
  const vendor = await db.vendor.findFirstOrThrow({
    where: { name: vendorName },
    select: { id: true, orgId: true, ownerId: true },
  });
  const assessment = await db.assessment.create({
    data: {
      orgId: vendor.orgId,
      vendorId: vendor.id,
      questionnaireVersionId,
      requirements: { tier: "moderate" },
      status: "sent",
      ...(dueDate ? { sentAt: new Date(), dueDate } : {}),
    },
  });
  const { token, hash } = createToken();
  const invitation = await db.invitation.create({
    data: {
      orgId: vendor.orgId,
      assessmentId: assessment.id,
      kind: "primary",
      email,
      tokenHash: hash,
      expiresAt: expiresAt ?? new Date(Date.now() + 86_400_000),
      revokedAt: revokedAt ?? null,
      ...(dueDate ? { lastSentAt: new Date() } : {}),
    },
  });
  return {
    token,
    assessmentId: assessment.id,
    invitationId: invitation.id,
    orgId: vendor.orgId,
    vendorId: vendor.id,
    ownerId: vendor.ownerId,
  };
}
