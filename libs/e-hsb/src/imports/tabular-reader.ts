import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { NumberLocale } from '@grms/core';
import { assertCsvWithinLimits, assertXlsxWithinLimits } from './spreadsheet-limits';
import { xlsxRows } from './xlsx-rows';

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

/** The first line with more than spaces, as `text.split(/\r?\n/).find((l) => l.trim() !== '') ?? ''` answers it, without splitting the whole text. */
export function firstNonEmptyLine(text: string): string {
  for (let start = 0; start <= text.length;) {
    const end = text.indexOf('\n', start);
    const raw = end < 0 ? text.slice(start) : text.slice(start, end);
    const line = raw.endsWith('\r') && end >= 0 ? raw.slice(0, -1) : raw;
    if (line.trim() !== '') return line;
    if (end < 0) break;
    start = end + 1;
  }
  return '';
}

/** The delimiter of a CSV header line: `;` when it has more of them than commas. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const line = firstNonEmptyLine(text);
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
  const delimiter = detectDelimiter(text);
  // issue 11: the plain case read in one pass; anything else through csv-parse (its rules and messages)
  return { format: 'csv', rows: readCsvRecords(text, delimiter) ?? csvParseRecords(text, delimiter) };
}

/** The records of a CSV text through csv-parse, each with the line it starts on; TableReadError with the line when malformed. */
export function csvParseRecords(text: string, delimiter: string): TableRow[] {
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, raw: true, relax_quotes: false }) as never;
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
  return rows;
}

/**
 * The records of a well-formed CSV text in one pass, each with the line it
 * starts on, as csv-parse gives them with the options of readCsv (quotes
 * doubled inside quoted cells, one line ending throughout: the first one
 * outside quotes, `\n` or `\r\n`; an empty line is a record of one empty
 * cell; no record after a final line ending). Null for anything else (a
 * quote inside an unquoted cell, text after a closing quote, an unclosed
 * quote, a bare `\r` or a second kind of line ending), which readCsv leaves
 * to csv-parse: the same rows, or its error with its line. csv-parse reads
 * 20,000 rows in about ten times the time (issue 11); the property test in
 * tabular-reader.spec.ts holds both to the same result.
 */
export function readCsvRecords(text: string, delimiter: string): TableRow[] | null {
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  const QUOTE = 34, LF = 10, CR = 13;
  let eol = '';
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let line = 1;
  let start = 1;
  let i = 0;
  // after a cell: a delimiter (next cell), a line ending (next record) or the end; false when malformed
  const endCell = (): boolean | 'record' => {
    if (i >= n) return 'record';
    const c = text.charCodeAt(i);
    if (c === d) { i++; return true; }
    const ending = c === LF ? '\n' : c === CR && text.charCodeAt(i + 1) === LF ? '\r\n' : '';
    if (!ending || (eol && ending !== eol)) return false;
    eol = ending;
    i += ending.length;
    line++;
    return 'record';
  };
  while (i < n) {
    let cell: string;
    if (text.charCodeAt(i) === QUOTE) {
      let out = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return null;
        out += text.slice(from, q);
        if (text.charCodeAt(q + 1) === QUOTE) { out += '"'; from = q + 2; continue; }
        i = q + 1;
        break;
      }
      for (let k = out.indexOf('\n'); k >= 0; k = out.indexOf('\n', k + 1)) line++;
      if (out.includes('\r') && !/^(?:[^\r]|\r\n)*$/.test(out)) return null;
      cell = out;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        if (c === QUOTE) return null;
        j++;
      }
      cell = text.slice(i, j);
      i = j;
    }
    cells.push(cell);
    const next = endCell();
    if (next === false) return null;
    if (next === 'record') {
      rows.push({ row: start, cells });
      cells = [];
      start = line;
    } else if (i >= n) {
      cells.push('');
      rows.push({ row: start, cells });
    }
  }
  return rows;
}

// A number cell of an XLSX file has no locale: it is written out with the
// decimal mark of the import's locale, so it reads as the number it is. The
// sheet is read row by row, never loaded whole (decision 0056).
async function readXlsx(buffer: Buffer, locale: NumberLocale): Promise<{ format: 'xlsx'; rows: TableRow[] }> {
  await assertXlsxWithinLimits(buffer);
  const rows: TableRow[] = [];
  for await (const batch of xlsxRows(buffer, { numberLocale: locale })) rows.push(...batch);
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
