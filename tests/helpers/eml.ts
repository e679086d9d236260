import libmime from "libmime";

export type TMail = { to: string; subject: string; body: string };

/** A raw .eml message → its To, Subject and plain-text body (quoted-printable decoded). */
export function decodeEml(raw: string): TMail {
  const [folded = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const head = folded.replace(/\r?\n[ \t]+/g, " "); // long headers continue on indented lines
  const header = (name: string) =>
    new RegExp(`^${name}: (.*)$`, "im").exec(head)?.[1]?.trim() ?? "";
  let body = rest.join("\n\n");
  // Encoded bodies are UTF-8 bytes: decode the bytes, then the text (so "é" is not "Ã©").
  if (/quoted-printable/i.test(head)) {
    const latin1 = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));
    body = Buffer.from(latin1, "latin1").toString("utf8");
  } else if (/content-transfer-encoding: base64/i.test(head)) {
    body = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  }
  // Long or non-ASCII headers come as encoded words (=?UTF-8?Q?...?=): decode them.
  return {
    to: libmime.decodeWords(header("To")),
    subject: libmime.decodeWords(header("Subject")),
    body,
  };
}

export const findRespondToken = (text: string) => /\/respond\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
