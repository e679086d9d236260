import yauzl from "yauzl";
import type { TParseResult } from "@/lib/questionnaires/errors";

// An .xlsx file is a ZIP package. Before a spreadsheet library inflates it, its directory is
// read (yauzl, which also checks every entry's real size against the one declared) and refused
// when it could hurt the server or the reader: a zip bomb, a huge sheet, macros, links to
// other files. Nothing of a refused file is read further.

export const WORKBOOK_LIMITS = {
  /** The file as uploaded. */
  fileBytes: 10 * 1024 * 1024,
  /** All entries inflated. */
  inflatedBytes: 60 * 1024 * 1024,
  /** An entry that inflates more than this many times its compressed size is a bomb. */
  ratio: 200,
  entries: 500,
  /** Rows per sheet: a questionnaire has ~60 questions, 200 sites, 500 third parties. */
  rows: 5000,
} as const;

type TRefusal = { ok: false; errors: { path: string; expected: string; found: string }[] };
const refuse = (expected: string, found: string): TRefusal => ({
  ok: false,
  errors: [{ path: "FILE", expected, found }],
});

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(err ?? new Error("unreadable")) : resolve(zip),
    ),
  );
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error("unreadable entry"));
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", reject);
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    }),
  );
}

/** Whether `bytes` may be handed to the spreadsheet reader; if not, why, in a user's words. */
export async function checkWorkbookFile(bytes: Buffer): Promise<TParseResult<true> | TRefusal> {
  const expected = "an Excel workbook (.xlsx) without macros";
  if (bytes.length > WORKBOOK_LIMITS.fileBytes)
    return refuse(
      expected,
      `a file of ${MB(bytes.length)} (at most ${MB(WORKBOOK_LIMITS.fileBytes)})`,
    );
  if (bytes.subarray(0, 4).toString("binary") !== "PK\x03\x04") {
    const ole = bytes.subarray(0, 4).toString("hex") === "d0cf11e0";
    return refuse(
      expected,
      ole
        ? "an old-format (.xls) or encrypted workbook: save it as .xlsx"
        : "a file that is not a workbook",
    );
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (error) {
    return refuse(expected, `a damaged file (${(error as Error).message})`);
  }
  try {
    if (zip.entryCount > WORKBOOK_LIMITS.entries)
      return refuse(
        expected,
        `a package of ${zip.entryCount} parts (at most ${WORKBOOK_LIMITS.entries})`,
      );
    let inflated = 0;
    const entries: yauzl.Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: yauzl.Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.on("end", resolve);
      zip.on("error", reject);
      zip.readEntry();
    });
    for (const entry of entries) {
      const name = entry.fileName;
      inflated += entry.uncompressedSize;
      if (/vbaProject\.bin$/i.test(name) || (/\.bin$/i.test(name) && /macro/i.test(name)))
        return refuse(expected, "a workbook with macros (save it as .xlsx, without macros)");
      if (/^xl\/externalLinks\//i.test(name))
        return refuse(expected, "a workbook that links to other files (paste the values instead)");
      if (
        entry.uncompressedSize > 1024 * 1024 &&
        entry.uncompressedSize > WORKBOOK_LIMITS.ratio * Math.max(1, entry.compressedSize)
      )
        return refuse(
          expected,
          `a part that inflates ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times (${name}): a zip bomb`,
        );
    }
    if (inflated > WORKBOOK_LIMITS.inflatedBytes)
      return refuse(
        expected,
        `a workbook of ${MB(inflated)} once unpacked (at most ${MB(WORKBOOK_LIMITS.inflatedBytes)})`,
      );
    for (const entry of entries) {
      const name = entry.fileName;
      if (name === "[Content_Types].xml") {
        const types = (await readEntry(zip, entry)).toString("utf8");
        if (/macroEnabled/i.test(types))
          return refuse(
            expected,
            "a macro-enabled workbook (.xlsm): save it as .xlsx, without macros",
          );
      }
      if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
        const xml = (await readEntry(zip, entry)).toString("utf8");
        const rows = xml.match(/<row[\s>]/g)?.length ?? 0;
        if (rows > WORKBOOK_LIMITS.rows)
          return refuse(
            expected,
            `a sheet of ${rows.toLocaleString("en")} rows (at most ${WORKBOOK_LIMITS.rows.toLocaleString("en")})`,
          );
      }
    }
    return { ok: true, value: true };
  } catch (error) {
    return refuse(expected, `a damaged file (${(error as Error).message})`);
  } finally {
    zip.close();
  }
}
