/**
 * One CSV cell. A cell that starts with = + - @ (or a tab/CR) would run as a formula in a
 * spreadsheet (CSV injection), so it gets a leading apostrophe; quotes are doubled.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with the CRLF line ending RFC 4180 asks for. */
export const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(",")}\r\n`;
