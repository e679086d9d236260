import ExcelJS from "exceljs";
import type { TExportTable } from "@/lib/reports/export-tables";
import { csvLine, guardFormula } from "./csv";

// The assessment exports' two formats. Text cells go through the one formula guard
// (./csv.ts) in both: a vendor's answer "=HYPERLINK(…)" is shown as text, never run.

const cell = (v: string | number) => (typeof v === "string" ? guardFormula(v) : v);

/** One sheet per table, a bold frozen header row. */
export async function writeExportWorkbook({ tables }: { tables: TExportTable[] }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "BC/DR due diligence";
  for (const table of tables) {
    const sheet = book.addWorksheet(table.name);
    sheet.addRow(table.columns).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    for (const row of table.rows) sheet.addRow(row.map(cell));
    table.columns.forEach((_, i) => {
      sheet.getColumn(i + 1).width = i === 0 ? 24 : 40;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One part as a CSV file (the route's ?part= picks which): a header row, then the rows. */
export function writeExportCsv({ table }: { table: TExportTable }): string {
  return `\uFEFF${csvLine(table.columns)}${table.rows.map(csvLine).join("")}`;
}
