import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { NumberLocale } from '@grms/core';
import { assertCsvWithinLimits, assertXlsxWithinLimits } from './spreadsheet-limits';

export interface TableRow {
  /** the line number in the file (CSV: the line the record starts on; XLSX: the sheet row) */
  row: number;
  cells: string[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  headerRow: number;
  headers: string[];
  rows: TableRow[];
}

export class TableReadError extends Error {}

/** True for an XLSX (zip) buffer or an .xlsx file name. */
export function isXlsx(buffer: Buffer, fileName = ''): boolean {
  return /\.xlsx$/i.test(fileName) || (buffer.length > 3 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04);
}

/**
 * Reads the first sheet of an XLSX file or a CSV file; the first non-empty row
 * is the header. The size and row count are checked first (413
 * SPREADSHEET_TOO_LARGE), before any parsing.
 */
export async function readTable(buffer: Buffer, fileName = '', o: { numberLocale?: NumberLocale } = {}): Promise<Table> {
  const raw = isXlsx(buffer, fileName) ? await readXlsx(buffer, o.numberLocale ?? 'en') : readCsv(buffer);
  const first = raw.rows.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (first < 0) throw new TableReadError('the file has no header row');
  const header = raw.rows[first];
  return {
    format: raw.format, headerRow: header.row, headers: header.cells.map((c) => c.replace(/\s+/g, ' ').trim()),
    rows: raw.rows.slice(first + 1).filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}

/** The delimiter of a CSV header line: `;` when it has more of them than commas. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const count = (ch: string) => line.split(ch).length - 1;
  const tabs = count('\t');
  const semis = count(';');
  const commas = count(',');
  if (tabs > commas && tabs > semis) return '\t';
  return semis > commas ? ';' : ',';
}

export function readCsv(buffer: Buffer): { format: 'csv'; rows: TableRow[] } {
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new TableReadError('the file is neither CSV text nor XLSX');
  assertCsvWithinLimits(text);
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false, raw: true, relax_quotes: false }) as never;
  } catch (e) {
    const m = e as { message?: string; lines?: number };
    throw new TableReadError(`the CSV cannot be read${m.lines ? ` at line ${m.lines}` : ''}: ${m.message ?? String(e)}`);
  }
  // Line numbers are counted from the raw text of each record (quoted cells
  // may hold line breaks), so a report names the line an editor shows.
  const rows: TableRow[] = [];
  let line = 1;
  for (const r of records) {
    rows.push({ row: line, cells: r.record.map((c) => c ?? '') });
    const inner = r.raw.replace(/(\r\n|\r|\n)$/, '').match(/\r\n|\r|\n/g);
    line += (inner?.length ?? 0) + 1;
  }
  return { format: 'csv', rows };
}

// A number cell of an XLSX file has no locale: it is written out with the
// decimal mark of the import's locale, so it reads as the number it is.
async function readXlsx(buffer: Buffer, locale: NumberLocale): Promise<{ format: 'xlsx'; rows: TableRow[] }> {
  assertXlsxWithinLimits(buffer);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw new TableReadError(`the XLSX file cannot be read: ${(e as Error).message}`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new TableReadError('the XLSX file has no worksheet');
  const rows: TableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const text = cellText(row.getCell(c).value);
      cells.push(locale === 'id' && isNumberCell(row.getCell(c).value) ? text.replace('.', ',') : text);
    }
    rows.push({ row: rowNumber, cells });
  });
  return { format: 'xlsx', rows };
}

/** The text of an XLSX cell: numbers as written without float noise, rich text joined. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

function isNumberCell(v: ExcelJS.CellValue): boolean {
  return typeof v === 'number' || (v !== null && typeof v === 'object' && 'result' in v && typeof v.result === 'number');
}

/** The column's letter as a spreadsheet shows it: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Header names compared without case, spaces or punctuation. */
export function headerKey(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, '');
}
