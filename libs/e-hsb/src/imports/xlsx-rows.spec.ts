import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { NumberLocale } from '@grms/core';
import { deflateRawSync } from 'node:zlib';
import { SPREADSHEET_LIMITS } from './spreadsheet-limits';
import { cellText, readTable, TableRow } from './tabular-reader';
import { xlsxRows } from './xlsx-rows';

// What the reader gave before decision 0056: the first sheet loaded whole into
// ExcelJS's model; the cells of each row up to the last non-empty one (and
// within the header's columns), numbers in the import's locale.
async function viaExcelJsModel(buffer: Buffer, locale: NumberLocale): Promise<TableRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: TableRow[] = [];
  let width = 0;
  wb.worksheets[0].eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      const number = typeof v === 'number' || (v !== null && typeof v === 'object' && 'result' in v && typeof v.result === 'number');
      const text = cellText(v);
      cells.push(locale === 'id' && number ? text.replace('.', ',') : text);
    }
    if (width) cells = cells.slice(0, width);
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (!cells.length) return;
    if (!width && cells.some((c) => c.trim() !== '')) width = cells.length;
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

async function streamed(buffer: Buffer, locale: NumberLocale = 'en'): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const batch of xlsxRows(buffer, { numberLocale: locale })) rows.push(...batch);
  return rows;
}

const value = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('Kertas HVS A4', 'Rim', ' ', 'a & b <c>', 'é ü 漢'),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((d) => new Date(Math.round(d.getTime() / 86_400_000) * 86_400_000)),
  // (a cached result of 0 is left out: ExcelJS's model lost it and gave "[object Object]"; see the test below)
  fc.integer({ min: 1, max: 10_000 }).map((n) => ({ formula: 'A1*2', result: n / 4 })),
  fc.string({ maxLength: 6 }).map((s) => ({ formula: 'CONCAT("x")', result: `x${s}` })),
  fc.constantFrom({ richText: [{ text: 'K-' }, { font: { bold: true }, text: '2' }] }),
);

describe('streaming XLSX reader', () => {
  it('reads every sheet as ExcelJS\'s workbook model did: values, dates, formulas, rich text, row numbers, both locales', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.array(value, { maxLength: 8 })), { minLength: 1, maxLength: 12 }),
      fc.constantFrom<NumberLocale>('en', 'id'), fc.boolean(),
      async (rows, locale, sharedStrings) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('s');
        let r = 0;
        for (const [gap, cells] of rows) {
          r += gap;
          cells.forEach((v, c) => {
            const cell = ws.getCell(r, c + 1);
            cell.value = v as ExcelJS.CellValue;
            if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
          });
        }
        wb.addWorksheet('second').getCell('A1').value = 'not read';
        const buffer = Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: sharedStrings } as never));
        expect(await streamed(buffer, locale)).toEqual(await viaExcelJsModel(buffer, locale));
      }), { numRuns: 60 });
  });

  it('reads a formula whose cached result is 0 as 0', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['code', 'price']);
    ws.addRow(['K-1', { formula: 'B3*0', result: 0 }]);
    expect(await streamed(Buffer.from(await wb.xlsx.writeBuffer()))).toEqual([{ row: 1, cells: ['code', 'price'] }, { row: 2, cells: ['K-1', '0'] }]);
  });

  it('hands rows on as the sheet is inflated: a 50,000-row sheet comes in batches of at most a few hundred rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('catalogue');
    ws.addRow(['code', 'name', 'specification', 'unit', 'price']);
    for (let i = 0; i < 49_999; i++) ws.addRow([`T-${i}`, `Barang ${i}`, 'spesifikasi', 'Buah', 1000 + i / 4]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    let rows = 0;
    let batches = 0;
    let largest = 0;
    for await (const batch of xlsxRows(buffer)) {
      rows += batch.length;
      batches++;
      largest = Math.max(largest, batch.length);
    }
    expect(rows).toBe(50_000);
    expect(batches).toBeGreaterThan(50);
    expect(largest).toBeLessThanOrEqual(1_000);
  });

  it('answers hostile sheets with a 4xx before they cost memory', async () => {
    const zip = (sheet: string, extra: Record<string, string> = {}) => xlsxOf({ 'xl/worksheets/sheet1.xml': sheet, ...extra });
    const sheet = (data: string) => `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
    const refused = async (buffer: Buffer) => readTable(buffer, 'x.xlsx').then(() => null, (e: { code?: string; detail?: string }) => `${e.code}: ${e.detail}`);

    // a header cell in a column far past any catalogue's (a million columns declared)
    expect(await refused(zip(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="BDWGN1" t="inlineStr"><is><t>x</t></is></c></row>'))))
      .toMatch(/^SPREADSHEET_TOO_LARGE: .*column beyond XFD; at most 100 columns are read/);
    // cells of later rows far to the right of the header are not kept
    const wide = Array.from({ length: 2_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>1</v></c><c r="XFD${i + 2}"><v>2</v></c></row>`).join('');
    const t = await readTable(zip(sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row>${wide}`)), 'x.xlsx');
    expect(t.rows).toHaveLength(2_000);
    expect(Math.max(...t.rows.map((r) => r.cells.length))).toBe(1);
    // XML nested 10,000 levels deep
    expect(await refused(zip(sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row>${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}`))))
      .toMatch(/^UNREADABLE_FILE: .*nests its XML deeper than 64 levels/);
    // a shared-strings table of more entries than the limit, and a cell longer than Excel allows
    const many = `<sst>${'<si><t>a</t></si>'.repeat(SPREADSHEET_LIMITS.maxSharedStrings + 1)}</sst>`;
    expect(await refused(zip(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { 'xl/sharedStrings.xml': many })))
      .toMatch(/^SPREADSHEET_TOO_LARGE: .*more than 1000000 shared strings/);
    expect(await refused(zip(sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(40_000)}</t></is></c></row>`))))
      .toMatch(/^SPREADSHEET_TOO_LARGE: .*more than 32767 characters/);
    // an entity defined in a DOCTYPE is not expanded (no "billion laughs")
    expect(await refused(zip(`<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>`)))
      .toMatch(/^UNREADABLE_FILE: /);
    // broken XML and a workbook without its sheet
    expect(await refused(zip('<worksheet><sheetData><row></sheetData>'))).toMatch(/^UNREADABLE_FILE: .*not well-formed XML/);
    expect(await refused(xlsxOf({}))).toMatch(/^UNREADABLE_FILE: .*no worksheet/);
  });
});

/** A minimal XLSX (workbook, its relationships, the given parts) packed with deflate. */
function xlsxOf(parts: Record<string, string>): Buffer {
  const all: Record<string, string> = {
    'xl/workbook.xml': '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ...parts,
  };
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(all)) {
    const raw = Buffer.from(text);
    const data = deflateRawSync(raw);
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(8, 8); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(raw.length, 22); local.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(8, 10); dir.writeUInt32LE(data.length, 20); dir.writeUInt32LE(raw.length, 24); dir.writeUInt16LE(n.length, 28); dir.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    central.push(dir, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(central.length / 2, 8); end.writeUInt16LE(central.length / 2, 10); end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
