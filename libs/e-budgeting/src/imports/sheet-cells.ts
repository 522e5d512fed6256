import { columnLetter, headerKey } from '@grms/e-hsb';
import { FieldError, NumberLocale, parseAmountCell } from '@grms/core';
import { Coefficient, QUANTITY_PATTERN } from '../pricing/item-amounts';

/** Column index per field, by any of its header names; the missing required ones are listed. */
export function columnsOf<F extends string>(headers: string[], names: Record<F, string[]>, required: F[]): { index: Partial<Record<F, number>>; missing: string[] } {
  const keys = headers.map(headerKey);
  const index: Partial<Record<F, number>> = {};
  for (const [f, ns] of Object.entries(names) as [F, string[]][]) {
    const i = keys.findIndex((k) => ns.some((n) => headerKey(n) === k));
    if (i >= 0) index[f] = i;
  }
  return { index, missing: required.filter((f) => index[f] === undefined).map((f) => names[f][0]) };
}

/** "10 orang x 2 hari" (also "×" or "*", decimal comma allowed) to coefficients; null when unreadable. */
export function parseCoefficients(cell: string): Coefficient[] | null {
  const parts = cell.trim().split(/\s+[x×*]\s+|\s*[×*]\s*/i).filter((p) => p.trim() !== '');
  if (parts.length === 0 || parts.length > 6) return null;
  const out: Coefficient[] = [];
  for (const p of parts) {
    const m = /^(\d+(?:[.,]\d+)?)\s*(.+)$/.exec(p.trim());
    if (!m) return null;
    const quantity = m[1].replace(',', '.');
    if (!QUANTITY_PATTERN.test(quantity) || /^0+(\.0+)?$/.test(quantity)) return null;
    out.push({ quantity, unit: m[2].trim() });
  }
  return out;
}

/** A money cell under the file's number locale: the plain decimal, or why not. */
export function moneyCell(cell: string, locale: NumberLocale = 'en'): { amount: string } | { error: string } {
  return parseAmountCell(cell, locale);
}

/**
 * An issue of an imported row, naming the column as the sheet shows it (its
 * header text and letter) with the API field beside; a field the file has no
 * column for is named as the API names it.
 */
export function sheetIssue(headers: string[], index: Partial<Record<string, number>>, apiField: string, row: number, message: string): FieldError {
  const i = index[apiField];
  return i === undefined ? { row, field: apiField, apiField, message } : { row, field: headers[i], column: columnLetter(i), apiField, message };
}

/** ya/tidak, true/false, 1/0, y/n; null when none of them. */
export function boolCell(cell: string): boolean | null {
  const v = cell.trim().toLowerCase();
  if (['ya', 'y', 'true', '1', 'yes'].includes(v)) return true;
  if (['tidak', 't', 'false', '0', 'no', 'n', ''].includes(v)) return false;
  return null;
}
