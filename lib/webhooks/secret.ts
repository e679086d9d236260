import crypto from "node:crypto";
import { getAuthSecret } from "../env";

// A webhook's signing secret must be read back to sign each delivery, so unlike tokens and
// passwords it cannot be hashed. It is stored encrypted (AES-256-GCM) under a key derived from
// AUTH_SECRET with HKDF: a copy of the database alone does not give it away. Changing
// AUTH_SECRET makes stored secrets unreadable: rotate each endpoint's secret afterwards.

const PREFIX = "whsec_";
const FORMAT = "v1";

/** A new secret in the Standard Webhooks form: "whsec_" + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return PREFIX + crypto.randomBytes(32).toString("base64");
}

function key(): Buffer {
  return Buffer.from(
    crypto.hkdfSync("sha256", getAuthSecret(), "", "resilience-ledger webhook secret v1", 32),
  );
}

export function encryptWebhookSecret({ secret }: { secret: string }): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), sealed]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The secret in clear; throws when the stored value was sealed under another AUTH_SECRET. */
export function decryptWebhookSecret({ sealed }: { sealed: string }): string {
  const [format, iv, tag, data] = sealed.split(".");
  if (format !== FORMAT || !iv || !tag || !data) throw new Error("unknown secret format");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(data, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}
