import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { decodeEml, type TMail } from "../helpers/eml";

/** Mails the SMTP sink received, oldest first. */
export function readMails(): (TMail & { file: string })[] {
  const dir = path.join(process.env.E2E_DATA_DIR!, "smtp-sink");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => ({ ...decodeEml(fs.readFileSync(path.join(dir, f), "utf8")), file: f }));
}

/**
 * Waits for a mail to `to` matching `subject`, and returns its link: the questionnaire's, or
 * the one under `route` (e.g. "invite", "reset-password").
 */
export async function waitForLink({
  to,
  subject,
  after = 0,
  route = "respond",
}: {
  to: string;
  subject: RegExp;
  after?: number;
  route?: string;
}) {
  let link = "";
  await expect
    .poll(
      () => {
        const mail = readMails()
          .filter((m) => Number(m.file.split("-")[0]) >= after)
          .reverse()
          .find((m) => m.to.includes(to) && subject.test(m.subject));
        const re = new RegExp(`https?://\\S+/${route}/[A-Za-z0-9_-]{43}`);
        link = re.exec(mail?.body ?? "")?.[0] ?? "";
        return link;
      },
      { timeout: 15_000 },
    )
    .not.toBe("");
  return link;
}
