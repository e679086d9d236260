// File types are decided by content (magic bytes), never by the name or the browser's claim.
export const ALLOWED_TYPES = {
  pdf: { mime: "application/pdf", ext: [".pdf"] },
  png: { mime: "image/png", ext: [".png"] },
  jpeg: { mime: "image/jpeg", ext: [".jpg", ".jpeg"] },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ext: [".docx"],
  },
  xlsx: {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ext: [".xlsx"],
  },
  csv: { mime: "text/csv", ext: [".csv"] },
  txt: { mime: "text/plain", ext: [".txt"] },
} as const;
export type TFileKind = keyof typeof ALLOWED_TYPES;

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

function zipKind(buf: Buffer): TFileKind | undefined {
  // OOXML files are ZIP archives; the central directory names tell Word from Excel.
  const names = buf.toString("latin1");
  if (!names.includes("[Content_Types].xml")) return undefined;
  if (names.includes("word/")) return "docx";
  if (names.includes("xl/")) return "xlsx";
  return undefined;
}

function textKind(buf: Buffer, ext: string): TFileKind | undefined {
  if (buf.includes(0)) return undefined;
  const text = buf.toString("utf8");
  if (text.includes("\uFFFD")) return undefined; // not valid UTF-8
  // Markup (HTML, SVG, XML) renamed to .txt/.csv is refused: a browser could run it.
  if (/^\s*(<!doctype|<html|<svg|<\?xml|<script|<!--)/i.test(text.slice(0, 512))) return undefined;
  if (ext === ".csv") return "csv";
  if (ext === ".txt") return "txt";
  return undefined;
}

export function detectFileKind({
  bytes,
  fileName,
}: {
  bytes: Buffer;
  fileName: string;
}): TFileKind | undefined {
  const ext = (fileName.match(/\.[^.]+$/)?.[0] ?? "").toLowerCase();
  let kind: TFileKind | undefined;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) kind = "pdf";
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) kind = "png";
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) kind = "jpeg";
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) kind = zipKind(bytes);
  else kind = textKind(bytes, ext);
  if (!kind) return undefined;
  // The name must agree with the content, so a download opens in the right program.
  return (ALLOWED_TYPES[kind].ext as readonly string[]).includes(ext) ? kind : undefined;
}

/** A file name safe to show and to put in Content-Disposition. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const cleaned = base
    // Text-direction controls too: "invoice\u202Efdp.exe" would show as "invoiceexe.pdf".
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f"\u202a-\u202e\u2066-\u2069]/g, "")
    .trim()
    .slice(0, 200);
  return cleaned || "file";
}
