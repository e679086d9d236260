export type TMail = { to: string; subject: string; body: string };

/** A raw .eml message → its To, Subject and plain-text body (quoted-printable decoded). */
export function decodeEml(raw: string): TMail {
  const [folded = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const head = folded.replace(/\r?\n[ \t]+/g, " "); // long headers continue on indented lines
  const header = (name: string) =>
    new RegExp(`^${name}: (.*)$`, "im").exec(head)?.[1]?.trim() ?? "";
  let body = rest.join("\n\n");
  if (/quoted-printable/i.test(head)) {
    body = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));
  }
  return { to: header("To"), subject: header("Subject"), body };
}

export const findRespondToken = (text: string) => /\/respond\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
