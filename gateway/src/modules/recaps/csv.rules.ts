/**
 * CSV as RFC 4180 writes it: CRLF line ends, a field quoted when it holds a comma, a quote, CR or
 * LF, quotes doubled inside. Exports start with a UTF-8 byte-order mark so spreadsheet programs
 * read Indonesian text as UTF-8.
 */

/** The UTF-8 byte-order mark an export starts with. */
export const BOM = "\uFEFF";

/** One field, quoted when it must be; null and undefined are empty. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its CRLF. */
export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
