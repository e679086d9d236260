import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

// Two-factor sign-in with time-based one-time passwords (RFC 6238, as every authenticator app
// reads them: SHA-1, 6 digits, 30 seconds), through the otpauth package. The secret must be
// read back to check codes, so it cannot be hashed: it is stored encrypted (AES-256-GCM) under
// a key derived from the app's auth secret (passed in: this module loads no app settings). Recovery codes are random and stored as hashes.

const ISSUER = "Resilience Ledger";
const PERIOD = 30;

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

const totpOf = ({ secret, label = "" }: { secret: string; label?: string }) =>
  new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
  });

/** The otpauth:// address an authenticator app reads from the QR code. */
export const totpUri = ({ secret, email }: { secret: string; email: string }) =>
  totpOf({ secret, label: email }).toString();

/** The QR code of the address, as SVG markup (drawn on the server; no script, no inline style). */
export const totpQrSvg = (uri: string) =>
  QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });

/** The current code for a secret, as an authenticator app shows it (tests compute codes so). */
export const totpCode = ({ secret, timestamp }: { secret: string; timestamp?: number }) =>
  totpOf({ secret }).generate({ timestamp });

/**
 * The time step a code belongs to (this one or the one either side, for clock drift), or null
 * when it matches none. A step at or before `lastStep` was used already: null, so a code
 * seen over someone's shoulder cannot sign in a second time.
 */
export function matchTotpStep({
  secret,
  code,
  lastStep,
  now = Date.now(),
}: {
  secret: string;
  code: string;
  lastStep: number | null;
  now?: number;
}): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf({ secret }).validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

// --- the secret at rest -------------------------------------------------------------------

const key = (authSecret: string) =>
  Buffer.from(crypto.hkdfSync("sha256", authSecret, "", "totp-secret-v1", 32));

/** Encrypts a secret for the database under a key derived from the app's auth secret. */
export function sealTotpSecret(secret: string, authSecret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(authSecret), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function openTotpSecret(sealed: string, authSecret: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("Unreadable TOTP secret");
  const decipher = crypto.createDecipheriv(
    "aes-256-gcm",
    key(authSecret),
    Buffer.from(iv, "base64url"),
  );
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(body, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}

// --- recovery codes -----------------------------------------------------------------------

export const RECOVERY_CODE_COUNT = 10;
// No 0/O or 1/I/L: read off paper and typed back.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** Ten codes like "K7QM2-XW4PD" (50 random bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
    return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
  });
}

/** Case, spaces and dashes do not matter when a recovery code is typed back. */
export const normalizeRecoveryCode = (code: string) => code.toUpperCase().replace(/[\s-]+/g, "");

export const hashRecoveryCode = (code: string) =>
  crypto.createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");
