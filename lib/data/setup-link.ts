import { createPrismaClient } from "../db";
import { createToken } from "../tokens";

// An external database starts empty and without demo accounts: the first start logs a link
// (256 random bits, only its SHA-256 stored, expiring, single use) where the first admin
// names the organisation and sets a password (lib/data/setup.ts uses it). Each start on a still
// empty database logs a new one (the old ones stay valid until they expire): the log is the
// only copy of a token. Kept apart from setup.ts so that start-up loads no auth code.

export const SETUP_LINK_HOURS = 24;

export type TIssueSetupLink = { url: string; appUrl: string; now?: Date };

/** A new setup link when the database at `url` has no organisation yet; otherwise null. */
export async function issueSetupLink({ url, appUrl, now = new Date() }: TIssueSetupLink) {
  const prisma = createPrismaClient({ url });
  try {
    if ((await prisma.organization.count()) > 0) return null;
    const { token, hash } = createToken();
    const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000);
    await prisma.setupLink.create({ data: { tokenHash: hash, expiresAt, createdAt: now } });
    return { url: `${appUrl}/setup/${token}`, expiresAt };
  } finally {
    await prisma.$disconnect();
  }
}
