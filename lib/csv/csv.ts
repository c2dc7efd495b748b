/**
 * CSV as spreadsheets read it (RFC 4180: CRLF lines, quoted cells doubling their quotes), safe
 * against formula injection: a cell a spreadsheet would run as a formula (starting with = + - @,
 * or a tab or carriage return before one) is written with a leading apostrophe, so it stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
