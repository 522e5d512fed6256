import { NumberLocale } from '@grms/core';
import { SaxesParser } from 'saxes';
import { StringDecoder } from 'node:string_decoder';
import { partChunks, SPREADSHEET_LIMITS, SpreadsheetLimits, spreadsheetTooLarge, spreadsheetUnreadable, ZipPart, zipParts } from './spreadsheet-limits';
import { cellText, TableRow } from './tabular-reader';

// The first sheet of an XLSX read row by row (decision 0056): the parts are
// inflated 64 KB at a time and their XML parsed as it comes, so what is held
// is the shared-strings table, the rows read so far as plain strings and one
// chunk of XML, never a workbook model (ExcelJS's costs a few hundred bytes
// per cell). Values are those ExcelJS's model gave (cellText): numbers
// without float noise, dates of a date format as YYYY-MM-DD, a formula's
// cached result, rich text joined.

/** Deeper XML than any spreadsheet part has (a sheet's cell text is 7 levels down). */
const MAX_DEPTH = 64;
/** Attributes of one element (a cell has 3-5). */
const MAX_ATTRIBUTES = 64;
/** Excel's own limit of characters in a cell. */
export const MAX_CELL_CHARS = 32_767;
const CHUNK = 64 * 1024;

/** Excel's built-in number formats that are dates or times (ids 14-22, 45-47). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A number format that shows a date or time: a date letter outside quotes and brackets (as ExcelJS decides). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

type Open = (name: string, attributes: Record<string, string>) => void;

/** An XML parser over local names (`x:row` is `row`) that refuses nesting, attribute counts and text beyond the bounds above. */
function xmlParser(part: string, on: { open?: Open; text?: (t: string) => void; close?: (name: string) => void }): SaxesParser {
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  let attributes = 0;
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  parser.on('error', (e) => { throw spreadsheetUnreadable(`${part} is not well-formed XML (${e.message.split('\n')[0]})`); });
  parser.on('opentagstart', () => { attributes = 0; });
  parser.on('attribute', () => {
    if (++attributes > MAX_ATTRIBUTES) throw spreadsheetUnreadable(`${part} has an element with more than ${MAX_ATTRIBUTES} attributes`);
  });
  parser.on('opentag', (tag) => {
    if (++depth > MAX_DEPTH) throw spreadsheetUnreadable(`${part} nests its XML deeper than ${MAX_DEPTH} levels`);
    on.open?.(local(tag.name), tag.attributes as Record<string, string>);
    if (tag.isSelfClosing) { depth--; on.close?.(local(tag.name)); }
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    depth--;
    on.close?.(local(tag.name));
  });
  if (on.text) {
    const text = on.text;
    parser.on('text', text);
    parser.on('cdata', text);
  }
  return parser;
}

/** The text of a part, inflated `CHUNK` bytes at a time. */
async function* partText(buffer: Buffer, part: ZipPart): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of partChunks(buffer, part, SPREADSHEET_LIMITS.maxUncompressedBytes, CHUNK)) yield decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Parses a whole part; `after` runs after each chunk (the sheet hands its rows on there). */
async function* parse(buffer: Buffer, part: ZipPart, parser: SaxesParser): AsyncGenerator<void> {
  let first = true;
  for await (const chunk of partText(buffer, part)) {
    parser.write(first ? chunk.replace(/^\uFEFF/, '') : chunk);
    first = false;
    yield;
  }
  parser.close();
}

async function parseAll(buffer: Buffer, part: ZipPart | undefined, on: Parameters<typeof xmlParser>[1]): Promise<void> {
  if (!part) return;
  for await (const _ of parse(buffer, part, xmlParser(part.name, on))) { /* each chunk */ }
}

/** A part's path as a zip name: `Target` of a relationship is relative to xl/ or absolute. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** The column of a cell reference (`AB12` -> 28); Infinity past Excel's 16,384 columns. */
export function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
    if (col > 16_384) return Infinity;
  }
  return col;
}

interface Workbook { sheet: ZipPart; sharedStrings?: ZipPart; styles?: ZipPart; date1904: boolean }

/** The first sheet in the workbook's order, with the parts it needs. */
async function workbookOf(buffer: Buffer, parts: Map<string, ZipPart>): Promise<Workbook> {
  let firstSheet: string | undefined;
  let date1904 = false;
  await parseAll(buffer, parts.get('xl/workbook.xml'), {
    open(name, a) {
      if (name === 'sheet' && firstSheet === undefined) firstSheet = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  const targets = new Map<string, string>();
  let sharedStrings: string | undefined;
  let styles: string | undefined;
  await parseAll(buffer, parts.get('xl/_rels/workbook.xml.rels'), {
    open(name, a) {
      if (name !== 'Relationship') return;
      targets.set(a.Id, partName(a.Target ?? ''));
      if (a.Type?.endsWith('/sharedStrings')) sharedStrings = partName(a.Target);
      if (a.Type?.endsWith('/styles')) styles = partName(a.Target);
    },
  });
  const sheet = parts.get(targets.get(firstSheet ?? '') ?? '');
  if (!sheet) throw spreadsheetUnreadable('it has no worksheet');
  return { sheet, sharedStrings: parts.get(sharedStrings ?? 'xl/sharedStrings.xml'), styles: parts.get(styles ?? 'xl/styles.xml'), date1904 };
}

/** The cell styles (their index in cellXfs) whose number format is a date. */
async function dateStyles(buffer: Buffer, part: ZipPart | undefined): Promise<Set<number>> {
  const formats = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await parseAll(buffer, part, {
    open(name, a) {
      if (name === 'numFmt') formats.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    },
    close(name) { if (name === 'cellXfs') inCellXfs = false; },
  });
  const dates = new Set<number>();
  xfs.forEach((id, i) => {
    const code = formats.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id)) dates.add(i);
  });
  return dates;
}

/** Text of `<t>` elements of a shared string or inline string, phonetic runs left out; bounded by Excel's cell limit. */
class StringText {
  private depthInT = 0;
  private inPhonetic = false;
  text = '';
  open(name: string): void {
    if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && !this.inPhonetic) this.depthInT++;
  }
  close(name: string): void {
    if (name === 'rPh') this.inPhonetic = false;
    else if (name === 't' && this.depthInT > 0) this.depthInT--;
  }
  add(t: string, where: string): void {
    if (this.depthInT === 0) return;
    this.text += t;
    if (this.text.length > MAX_CELL_CHARS) throw spreadsheetTooLarge(`${where} holds more than ${MAX_CELL_CHARS} characters (Excel's own limit of a cell)`);
  }
  take(): string { const t = this.text; this.text = ''; return t; }
}

async function sharedStringsOf(buffer: Buffer, part: ZipPart | undefined, limits: SpreadsheetLimits): Promise<string[]> {
  const strings: string[] = [];
  const text = new StringText();
  await parseAll(buffer, part, {
    open(name) { text.open(name); },
    text(t) { text.add(t, `shared string ${strings.length}`); },
    close(name) {
      text.close(name);
      if (name !== 'si') return;
      if (strings.length >= limits.maxSharedStrings) throw spreadsheetTooLarge(`it has more than ${limits.maxSharedStrings} shared strings`);
      strings.push(text.take());
    },
  });
  return strings;
}

export interface XlsxRowsOptions { numberLocale?: NumberLocale; limits?: SpreadsheetLimits }

/**
 * The non-empty rows of the first sheet, in batches as the sheet is
 * inflated (one batch per 64 KB of XML). Cells past the header row's last
 * column (the first non-empty row) are not kept: no caller reads a cell
 * without a header; a header cell beyond `maxColumns` is refused (413).
 * Expects a file that passed assertXlsxWithinLimits.
 */
export async function* xlsxRows(buffer: Buffer, o: XlsxRowsOptions = {}): AsyncGenerator<TableRow[]> {
  const limits = o.limits ?? SPREADSHEET_LIMITS;
  const locale = o.numberLocale ?? 'en';
  const parts = new Map(zipParts(buffer, limits).map((p) => [p.name, p]));
  const book = await workbookOf(buffer, parts);
  const dates = await dateStyles(buffer, book.styles);
  const strings = await sharedStringsOf(buffer, book.sharedStrings, limits);

  const number = (v: string, style: number): string => {
    const n = Number(v); // the float the file holds, turned back into the text Excel shows (cellText)
    if (dates.has(style)) return cellText(new Date(Math.round((n - 25569 + (book.date1904 ? 1462 : 0)) * 86_400_000)));
    const t = cellText(n);
    return locale === 'id' ? t.replace('.', ',') : t;
  };
  // a cell's value as the text ExcelJS's model gave
  const valueOf = (type: string, v: string, inline: string, formula: boolean, style: number): string => {
    if (formula && v === '') return '';
    switch (type) {
      case 's': return formula ? v : v === '' ? '' : strings[parseInt(v, 10)] ?? '';
      case 'str': return v;
      case 'inlineStr': return inline;
      case 'b': return v === '' ? '' : parseInt(v, 10) !== 0 ? 'true' : 'false';
      case 'e': return v;
      case 'd': return v.slice(0, 10);
      default: return v === '' ? '' : number(v, style);
    }
  };

  let batch: TableRow[] = [];
  let width = 0; // the header row's columns, once it is read
  let rowNumber = 0;
  let cells: string[] = [];
  let col = 0;
  let cell: { col: number; type: string; style: number; v: string; formula: boolean } | null = null;
  let inValue = false;
  const inline = new StringText();
  const parser = xmlParser(book.sheet.name, {
    open(name, a) {
      switch (name) {
        case 'row': rowNumber = a.r ? parseInt(a.r, 10) : rowNumber + 1; cells = []; col = 0; break;
        case 'c': col = a.r ? columnOf(a.r) : col + 1; cell = { col, type: a.t ?? 'n', style: Number(a.s ?? 0), v: '', formula: false }; break;
        case 'v': inValue = cell !== null; break;
        case 'f': if (cell) cell.formula = true; break;
        default: inline.open(name);
      }
    },
    text(t) {
      if (inValue) {
        cell!.v += t;
        if (cell!.v.length > MAX_CELL_CHARS) throw spreadsheetTooLarge(`a cell of row ${rowNumber} holds more than ${MAX_CELL_CHARS} characters (Excel's own limit of a cell)`);
      } else if (cell) inline.add(t, `a cell of row ${rowNumber}`);
    },
    close(name) {
      switch (name) {
        case 'v': inValue = false; break;
        case 'c': {
          const c = cell!;
          cell = null;
          const text = valueOf(c.type, c.v, inline.take(), c.formula, c.style);
          if (text === '') break;
          if (width === 0 && c.col > limits.maxColumns && text.trim() !== '') {
            throw spreadsheetTooLarge(`the header row (row ${rowNumber}) has a cell in column ${c.col === Infinity ? 'beyond XFD' : c.col}; at most ${limits.maxColumns} columns are read`);
          }
          if ((width === 0 && c.col <= limits.maxColumns) || c.col <= width) {
            while (cells.length < c.col - 1) cells.push('');
            cells[c.col - 1] = text;
          }
          break;
        }
        case 'row':
          if (cells.length === 0) break;
          if (width === 0 && cells.some((t) => t.trim() !== '')) width = cells.length;
          batch.push({ row: rowNumber, cells });
          cells = [];
          break;
        default: inline.close(name);
      }
    },
  });
  for await (const _ of parse(buffer, book.sheet, parser)) {
    if (batch.length) { yield batch; batch = []; }
  }
  if (batch.length) yield batch;
}
