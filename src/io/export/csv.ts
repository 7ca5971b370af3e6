/** CSV as RFC 4180 writes it: comma-separated fields, CRLF line ends, quoted when needed. */

/** One field's value: text, or a number written in full precision. */
export type CsvValue = string | number | null;

/** The line end RFC 4180 prescribes (spreadsheets and pandas read it either way). */
export const CSV_EOL = '\r\n';

/**
 * One field: a number as `String(x)` (the shortest text that reads back as exactly the
 * same float64: `Number(field) === x`), null as an empty field, text quoted when it holds
 * a comma, a double quote, CR or LF, with each `"` doubled.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole document from its header and rows, every line (the last too) ended by CRLF. */
export function csvDocument(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join(CSV_EOL) + CSV_EOL;
}
