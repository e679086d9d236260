import fs from "node:fs";
import path from "node:path";
import { newTotpSecret, sealTotpSecret, totpCode } from "@/lib/identity/totp";
import type { TDb } from "./fixtures";

// Two-factor sign-in as an authenticator app does it: codes computed from the secret. For
// tests that need a user already enrolled (the authz matrix), the secret is written the way
// the app writes it, encrypted under the e2e server's own auth secret (generated in DATA_DIR).

const serverAuthSecret = () =>
  fs.readFileSync(path.join(process.env.E2E_DATA_DIR!, "auth-secret"), "utf8").trim();

/** Gives the user a TOTP secret (on, or waiting for its confirming code); returns the secret. */
export async function giveTotpSecret({
  db,
  userId,
  enabled,
}: {
  db: TDb;
  userId: string;
  enabled: boolean;
}) {
  const secret = newTotpSecret();
  await db.user.update({
    where: { id: userId },
    data: {
      totpSecret: sealTotpSecret(secret, serverAuthSecret()),
      totpEnabledAt: enabled ? new Date() : null,
      totpLastStep: null,
    },
  });
  return secret;
}

/** The code an authenticator app shows now, or for the next 30-second step. */
export const appCode = (secret: string, { next = false } = {}) =>
  totpCode({ secret, timestamp: Date.now() + (next ? 30_000 : 0) });
