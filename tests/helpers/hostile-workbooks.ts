import ExcelJS from "exceljs";
import JSZip from "jszip";

// Hostile workbooks made from a good one (an offline workbook as downloaded), for the reader's
// unit test, the import's integration test and the e2e: each is what a careless or malicious
// upload could be. Only exceljs and JSZip here, so the e2e runner can load it too.

/** Inflated size the guard refuses outright (lib/spreadsheets/zip-guard.ts: 60 MB). */
const BOMB_BYTES = 61 * 1024 * 1024;

const zipped = (zip: JSZip) => zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });

/** Opens the workbook, lets `edit` change it as a spreadsheet program would, saves it. */
export async function editWorkbook(good: Buffer, edit: (book: ExcelJS.Workbook) => void) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(good as unknown as ArrayBuffer);
  edit(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The answer cell of a question on its section's sheet (column D). */
export function answerCell(book: ExcelJS.Workbook, questionId: string) {
  for (const sheet of book.worksheets.filter((s) => /^\d+\. /.test(s.name)))
    for (let r = 2; r <= sheet.rowCount; r++)
      if (sheet.getCell(r, 1).value === questionId) return sheet.getCell(r, 4);
  throw new Error(`no row for ${questionId}`);
}

/** A few kilobytes that inflate past the guard's limit: a part of zeros, deflated. */
export async function zipBomb(good: Buffer) {
  const zip = await JSZip.loadAsync(good);
  zip.file("xl/media/padding.bin", Buffer.alloc(BOMB_BYTES));
  return zipped(zip);
}

/** 100,000 rows on the Third parties sheet. */
export function hugeSheet(good: Buffer, rows = 100_000) {
  return editWorkbook(good, (book) => {
    const sheet = book.getWorksheet("Third parties")!;
    for (let i = 0; i < rows; i++) sheet.addRow(["Acme", "hosting", "DE"]);
  });
}

/** A formula in a question's answer cell, with a cached result a careless reader would take. */
export function withFormula(good: Buffer, questionId: string, formula = "60*4", result = 240) {
  return editWorkbook(good, (book) => {
    answerCell(book, questionId).value = { formula, result };
  });
}

/** A macro-enabled workbook (.xlsm: a VBA project, its content type) renamed .xlsx. */
export async function macroEnabled(good: Buffer) {
  const zip = await JSZip.loadAsync(good);
  zip.file("xl/vbaProject.bin", Buffer.from("macro code"));
  const types = (await zip.file("[Content_Types].xml")!.async("string")).replace(
    "spreadsheetml.sheet.main+xml",
    "sheet.macroEnabled.main+xml",
  );
  zip.file("[Content_Types].xml", types);
  return zipped(zip);
}

/** A link to another workbook (xl/externalLinks), as Excel writes one for ='[other.xlsx]A'!B2. */
export async function externalLink(good: Buffer) {
  const zip = await JSZip.loadAsync(good);
  zip.file(
    "xl/externalLinks/externalLink1.xml",
    '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></externalLink>',
  );
  zip.file(
    "xl/externalLinks/_rels/externalLink1.xml.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/secret/other.xlsx" TargetMode="External"/></Relationships>',
  );
  return zipped(zip);
}
