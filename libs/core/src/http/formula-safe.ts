/** Characters that make a spreadsheet read a cell as a formula (or a DDE command) when they lead it. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, e.g. a negative amount: never a formula, left as it is so it stays a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Neutralises a text cell for CSV: a value that starts with = + - @, a tab or
 * a carriage return gets a leading apostrophe, so Excel, LibreOffice and
 * Google Sheets show it as text instead of running it (OWASP "CSV
 * injection"). Plain numbers such as "-1500.00" are left alone. The one rule
 * for every CSV export.
 */
export function formulaSafe(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** One CSV cell: formula-safe, then quoted when it holds a quote, comma, semicolon or line break (RFC 4180). */
export function csvCell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : formulaSafe(String(value));
  return /[",;\r\n\t]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}
