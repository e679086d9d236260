import crypto from "node:crypto";

// Invitation links carry 256 random bits; only their SHA-256 is stored.
export function createToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, hash: hashToken({ token }) };
}

export function hashToken({ token }: { token: string }): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Shape check before any database look-up: 43 base64url characters. */
export const isWellFormedToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
