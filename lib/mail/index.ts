import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { getEnv } from "../env";

export type TMail = { to: string; subject: string; text: string; html?: string };

const FROM = "Resilience Ledger <no-reply@resilience-ledger.local>";

let transport: nodemailer.Transporter | undefined;
function smtpTransport(url: string) {
  transport ??= nodemailer.createTransport(url);
  return transport;
}

/**
 * Sends through SMTP_URL when set; otherwise writes an .eml file into DATA_DIR/outbox/ so a
 * demo or a test can read it, and logs where it went.
 */
export async function sendMail(mail: TMail): Promise<{ via: "smtp" | "outbox"; file?: string }> {
  const env = getEnv();
  if (env.SMTP_URL) {
    await smtpTransport(env.SMTP_URL).sendMail({ from: FROM, ...mail });
    return { via: "smtp" };
  }
  const built = await nodemailer
    .createTransport({ streamTransport: true, buffer: true, newline: "unix" })
    .sendMail({ from: FROM, ...mail });
  const dir = path.join(env.DATA_DIR, "outbox");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `${new Date().toISOString().replace(/[:.]/g, "-")}-${crypto.randomBytes(4).toString("hex")}.eml`,
  );
  fs.writeFileSync(file, built.message as Buffer, { mode: 0o600 });
  console.log(`[mail] no SMTP_URL: "${mail.subject}" to ${mail.to} written to ${file}`);
  return { via: "outbox", file };
}
