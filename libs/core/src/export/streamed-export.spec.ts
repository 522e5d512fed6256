import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { Column } from './tabular-export';
import fc from 'fast-check';
import { sheetSink, streamDownload, streamJson, wholeGroups } from './streamed-export';
import { download, toXlsx } from './tabular-export';

interface Line { code: string; name: string; amount: string }

const COLUMNS: Column<Line>[] = [
  { header: 'Kode', value: (r) => r.code },
  { header: 'Nama', value: (r) => r.name },
  { header: 'Pagu', value: (r) => r.amount, money: true },
];

const PAGE = 500;

/** 40 letters that differ from one row to the next. */
const noise = (n: number) => Array.from({ length: 40 }, (_, i) => String.fromCharCode(97 + (((n + 1) * 2654435761 * (i + 7)) >>> 13) % 26)).join('');
const PAGES = 40;

/** 40 pages of 500 lines (names that compress badly, so the pipeline fills), counting how many pages the writer has asked for. */
function counted(): { pages: AsyncIterable<Line[]>; asked: () => number; closed: () => boolean } {
  let asked = 0;
  let closed = false;
  async function* gen(): AsyncGenerator<Line[]> {
    try {
      for (let p = 0; p < PAGES; p++) {
        asked++;
        yield Array.from({ length: PAGE }, (_, i) => {
          const n = p * PAGE + i;
          return { code: `5.1.02.${String(n).padStart(6, '0')}`, name: n % 7 === 0 ? `=HYPERLINK("x${n}")` : `Belanja ${n} ${noise(n)}`, amount: `${n}.${String(n % 100).padStart(2, '0')}` };
        });
      }
    } finally {
      closed = true;
    }
  }
  return { pages: gen(), asked: () => asked, closed: () => closed };
}

/** Waits until the writer stops asking for pages (the pipeline is full), without reading a byte. */
async function settled(asked: () => number): Promise<number> {
  let last = -1;
  let still = 0;
  while (still < 5) {
    await new Promise((r) => setTimeout(r, 40));
    if (asked() === last) still++;
    else { still = 0; last = asked(); }
  }
  return last;
}

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

describe('streamed downloads', () => {
  it('finds the stream a worksheet is zipped from (ExcelJS insides the backpressure relies on)', () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: false, useSharedStrings: false });
    expect(sheetSink(wb.addWorksheet('x'))).not.toBeNull();
  });

  it('XLSX: reads no page ahead of a client that does not read, and the file read to the end is whole', async () => {
    const src = counted();
    const stream = streamDownload('xlsx', 'lines', 'Lines', COLUMNS, src.pages).getStream();
    const before = await settled(src.asked);
    expect(before).toBeLessThan(PAGES / 2);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes(stream)) as never);
    const ws = wb.worksheets[0];
    expect(src.asked()).toBe(PAGES);
    expect(src.closed()).toBe(true);
    expect(ws.rowCount).toBe(1 + PAGE * PAGES);
    expect(ws.getRow(1).getCell(1).value).toBe('Kode');
    const last = ws.getRow(1 + PAGE * PAGES);
    expect(last.getCell(1).value).toBe('5.1.02.019999');
    expect(last.getCell(3).value).toBe(19999.99);
    // a text that looks like a formula stays text
    const f = ws.getRow(2 + 7 * 10);
    expect(f.getCell(2).value).toBe('=HYPERLINK("x70")');
    expect(f.getCell(2).type).toBe(ExcelJS.ValueType.String);
  });

  it('CSV: reads no page ahead of a client that does not read', async () => {
    const src = counted();
    const stream = streamDownload('csv', 'lines', 'Lines', COLUMNS, src.pages).getStream();
    stream.pause();
    const before = await settled(src.asked);
    expect(before).toBeLessThan(PAGES / 2);
    const text = (await bytes(stream)).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines.length).toBe(1 + PAGE * PAGES + 1);
    expect(lines[1 + 70]).toBe('5.1.02.000070,"\'=HYPERLINK(""x70"")",70.70');
  });

  it('a client that leaves ends the reading of pages', async () => {
    const src = counted();
    const stream = streamDownload('xlsx', 'lines', 'Lines', COLUMNS, src.pages).getStream();
    await settled(src.asked);
    stream.destroy();
    while (!src.closed()) await new Promise((r) => setTimeout(r, 20));
    expect(src.asked()).toBeLessThan(PAGES);
  });

  it('rows already read (reports) go through the same writer', async () => {
    const rows: Line[] = [{ code: '4.1', name: '+SUM(A1)', amount: '1234567.89' }];
    const viaDownload = await bytes((await download('xlsx', 'r', 'R', COLUMNS, rows)).getStream());
    for (const file of [viaDownload, await toXlsx('R', COLUMNS, rows)]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file as never);
      const row = wb.worksheets[0].getRow(2);
      expect(row.getCell(2).value).toBe('+SUM(A1)');
      expect(row.getCell(3).value).toBe(1234567.89);
      expect(wb.worksheets[0].getColumn(3).numFmt ?? row.getCell(3).numFmt).toBe('#,##0.00');
    }
  });

  it('JSON: the bytes JSON.stringify gives of the whole object, written page by page, none read ahead of a client that does not read', async () => {
    const head = { uri: 'urn:x', version: '1.1', note: undefined, publisher: { name: 'GRMS — Jawa Tengah' } };
    const item = (l: Line) => ({ id: l.code, title: l.name, optional: l.amount.endsWith('0') ? undefined : l.amount });
    const whole: Line[] = [];
    for await (const page of counted().pages) whole.push(...page);
    const src = counted();
    const stream = streamJson(head, 'releases', src.pages, item).getStream();
    stream.pause();
    expect(await settled(src.asked)).toBeLessThan(PAGES / 2);
    expect((await bytes(stream)).toString('utf8')).toBe(JSON.stringify({ ...head, releases: whole.map(item) }));
    async function* none(): AsyncGenerator<Line[]> { /* no page */ }
    expect((await bytes(streamJson(head, 'releases', none(), item).getStream())).toString('utf8')).toBe(JSON.stringify({ ...head, releases: [] }));
    expect((await bytes(streamJson({}, 'releases', none(), item).getStream())).toString('utf8')).toBe('{"releases":[]}');
  });

  it('wholeGroups: the same rows in the same order, every group whole in one page, however the pages cut them', async () => {
    async function* of<T>(pages: T[][]): AsyncGenerator<T[]> { for (const p of pages) yield p; }
    await fc.assert(fc.asyncProperty(
      fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 30 }),
      async (groupSizes, cuts) => {
        const rows = groupSizes.flatMap((n, g) => Array.from({ length: n }, (_, i) => ({ g, i })));
        const pages: { g: number; i: number }[][] = [];
        let at = 0;
        for (const c of cuts) { pages.push(rows.slice(at, at + c)); at += c; }
        pages.push(rows.slice(at));
        const out: { g: number; i: number }[][] = [];
        for await (const p of wholeGroups(of(pages), (r) => r.g)) out.push(p);
        expect(out.flat()).toEqual(rows);
        const pageOfGroup = new Map<number, number>();
        out.forEach((p, n) => p.forEach((r) => { expect(pageOfGroup.get(r.g) ?? n).toBe(n); pageOfGroup.set(r.g, n); }));
        expect(out.every((p) => p.length > 0)).toBe(true);
      }));
  });
});
