import { hashToken, isWellFormedToken } from "../tokens";

// The rules every mailed account link follows (invitations, password resets), as the setup
// link does (lib/data/setup.ts): 256 random bits, only the SHA-256 stored, expiring, used once.

export type TLinkState = "valid" | "unknown" | "used" | "expired" | "revoked";

type TLinkRow = { expiresAt: Date; usedAt: Date | null; revokedAt?: Date | null };

/** The hash to look a link up by, or null for a token that cannot be one (no query then). */
export const linkHashOf = (token: string) =>
  isWellFormedToken(token) ? hashToken({ token }) : null;

export function linkStateOf(row: TLinkRow | null, now: Date): TLinkState {
  if (!row) return "unknown";
  if (row.usedAt) return "used";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "valid";
}
