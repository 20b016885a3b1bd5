// CSV writing (RFC 4180): quote a field when it holds a comma, quote or line break.

type Cell = string | number | boolean | null | undefined;

function field(value: Cell): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows to CSV text with a header, CRLF line ends (the RFC's, and what Excel expects) and a UTF-8
 * byte-order mark so Excel reads non-ASCII characters correctly.
 */
export function toCsv<T extends Record<string, Cell>>(
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
): string {
  const lines = [columns.map(field).join(","), ...rows.map((row) => columns.map((c) => field(row[c])).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
