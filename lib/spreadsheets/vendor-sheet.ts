import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { csvLine } from "./csv";
import { checkWorkbookFile } from "./zip-guard";

// The bulk vendor file (issue 22): CSV or XLSX, a header row naming the columns below (in any
// order, any case), one vendor per row. Both are read through exceljs, values only (a formula
// is refused, never evaluated); the XLSX first through the same guard as the offline workbook.

export const VENDOR_COLUMNS = ["Name", "Tier", "Services", "Owner email", "Contacts"] as const;
export type TVendorColumn = (typeof VENDOR_COLUMNS)[number];
/** Rows of one file: a portfolio is hundreds of vendors, not tens of thousands. */
export const MAX_VENDOR_ROWS = 1000;

export type TVendorSheetRow = {
  row: number;
  cells: Record<TVendorColumn, string>;
  formula?: string;
};
export type TVendorSheet = { ok: true; rows: TVendorSheetRow[] } | { ok: false; error: string };

const cellText = (value: ExcelJS.CellValue): { text: string; formula?: true } => {
  if (value === null || value === undefined) return { text: "" };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) return { text: "", formula: true };
    if ("richText" in value) return { text: value.richText.map((r) => r.text).join("") };
    if ("text" in value) return { text: String(value.text) };
    return { text: "" };
  }
  return { text: String(value) };
};

async function loadSheet(bytes: Buffer): Promise<ExcelJS.Worksheet | string> {
  const book = new ExcelJS.Workbook();
  if (bytes.subarray(0, 4).toString("binary") === "PK\x03\x04") {
    const guard = await checkWorkbookFile(bytes);
    if (!guard.ok) return `The file is ${guard.errors[0]?.found}.`;
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      return "The file is not a workbook a spreadsheet program can open.";
    }
    return book.worksheets[0] ?? "The workbook has no sheet.";
  }
  const text = bytes.toString("utf8");
  if (text.includes("\u0000") || text.includes("\uFFFD"))
    return "The file is neither a CSV file (UTF-8 text) nor an Excel workbook (.xlsx).";
  // Every value kept as typed: exceljs would otherwise turn "0012" into 12 and dates into Dates.
  return book.csv.read(Readable.from([text.replace(/^\uFEFF/, "")]), {
    map: (value: unknown) => value,
  } as unknown as ExcelJS.CsvReadOptions);
}

/** The file's vendor rows as text, or why the file as a whole cannot be read. */
export async function readVendorSheet(bytes: Buffer): Promise<TVendorSheet> {
  const sheet = await loadSheet(bytes);
  if (typeof sheet === "string") return { ok: false, error: sheet };
  const header = new Map<TVendorColumn, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const name = cellText(cell.value).text.trim().toLowerCase();
    const column = VENDOR_COLUMNS.find((c) => c.toLowerCase() === name);
    if (column) header.set(column, col);
  });
  if (!header.has("Name") || !header.has("Tier"))
    return {
      ok: false,
      error: `The first row must name the columns: ${VENDOR_COLUMNS.join(", ")} (Name and Tier at least). Download the template to start from.`,
    };
  if (sheet.rowCount - 1 > MAX_VENDOR_ROWS)
    return {
      ok: false,
      error: `The file has ${(sheet.rowCount - 1).toLocaleString("en")} rows; import at most ${MAX_VENDOR_ROWS.toLocaleString("en")} at a time.`,
    };
  const rows: TVendorSheetRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = {} as Record<TVendorColumn, string>;
    let formula: string | undefined;
    for (const column of VENDOR_COLUMNS) {
      const col = header.get(column);
      const cell = col ? sheet.getCell(r, col) : undefined;
      const read = cell ? cellText(cell.value) : { text: "" };
      if (read.formula)
        formula = `${column} (${cell?.address}) holds a formula: type the value instead`;
      cells[column] = read.text.trim();
    }
    if (!formula && VENDOR_COLUMNS.every((c) => cells[c] === "")) continue;
    rows.push({ row: r, cells, ...(formula ? { formula } : {}) });
  }
  return { ok: true, rows };
}

/** The template: the header and one example row, as CSV (any spreadsheet program opens it). */
export const VENDOR_TEMPLATE_CSV =
  csvLine([...VENDOR_COLUMNS]) +
  csvLine([
    "Example Hosting Ltd",
    "high",
    "Hosting; Backup",
    "",
    "Jane Doe <jane.doe@example.com>; Service desk <desk@example.com>",
  ]);
