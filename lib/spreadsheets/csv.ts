// The one formula-injection guard of every file we export (the vendor CSV, the assessment's
// CSV and XLSX exports): text a spreadsheet program would run as a formula is made inert.

/**
 * Text that starts with = + - @ (or a tab/CR) would run as a formula when a spreadsheet opens
 * the file (CSV/formula injection), so it gets a leading apostrophe.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV cell: guarded, and quoted where it holds a quote, comma or line break. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = guardFormula(
    value instanceof Date ? value.toISOString().slice(0, 10) : String(value),
  );
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with the CRLF line ending RFC 4180 asks for. */
export const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(",")}\r\n`;
