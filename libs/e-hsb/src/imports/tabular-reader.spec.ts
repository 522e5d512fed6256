import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { cellText, csvParseRecords, detectDelimiter, firstNonEmptyLine, headerKey, readCsv, readCsvRecords, readTable } from './tabular-reader';

const readTableSync = (text: string) => readCsv(Buffer.from(text));

describe('tabular reader', () => {
  it('gives each CSV record the line it starts on, also after quoted line breaks', async () => {
    const csv = 'code,name\r\nA,"two\r\nlines"\r\n\r\nB,plain\r\n';
    const t = await readTable(Buffer.from(csv), 'x.csv');
    expect(t.headers).toEqual(['code', 'name']);
    expect(t.rows).toEqual([{ row: 2, cells: ['A', 'two\r\nlines'] }, { row: 5, cells: ['B', 'plain'] }]);
  });

  it('detects semicolon CSV (Excel in Indonesian locale) and strips a BOM', async () => {
    expect(detectDelimiter('code;name;price\n')).toBe(';');
    expect(detectDelimiter('code,name;x\n')).toBe(',');
    const t = await readTable(Buffer.from('\uFEFFcode;price\nA;1,5\n'), 'x.csv');
    expect(t.headers).toEqual(['code', 'price']);
    expect(t.rows[0].cells).toEqual(['A', '1,5']);
  });

  it('reads the first XLSX sheet with sheet row numbers, the header being the first non-empty row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A3').value = 'Code';
    ws.getCell('B3').value = 'Price';
    ws.getCell('A4').value = 'K-1';
    ws.getCell('B4').value = 40800;
    ws.getCell('A6').value = { richText: [{ text: 'K-' }, { text: '2' }] };
    ws.getCell('B6').value = 0.1 + 0.2;
    const t = await readTable(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
    expect(t.headerRow).toBe(3);
    expect(t.rows).toEqual([{ row: 4, cells: ['K-1', '40800'] }, { row: 6, cells: ['K-2', '0.3'] }]);
  });

  it('normalises cells and header names', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(new Date('2026-01-31T00:00:00Z'))).toBe('2026-01-31');
    expect(headerKey('HARGA SATUAN')).toBe(headerKey('harga_satuan'));
  });

  it('refuses a file with no header', async () => {
    await expect(readTable(Buffer.from('\n\n'), 'x.csv')).rejects.toThrow('no header row');
  });
});

// issue 11: the one-pass CSV reader gives what csv-parse gives, or leaves the text to it
describe('one-pass CSV reader', () => {
  const pieces = ['a', 'b c', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', '\t', 'é'];
  const viaCsvParse = (text: string, d: string) => {
    try { return csvParseRecords(text, d); } catch (e) { return (e as Error).message; }
  };

  it('reads every text it accepts as csv-parse does, cells and line numbers', () => {
    let accepted = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.constantFrom(',', ';', '\t'), (parts, d) => {
      const text = parts.join('');
      const fast = readCsvRecords(text, d);
      if (fast) { accepted++; expect(fast).toEqual(viaCsvParse(text, d)); }
    }), { numRuns: 5000 });
    expect(accepted).toBeGreaterThan(500);
  });

  it('accepts the plain shapes of a catalogue file', () => {
    for (const text of ['code,name\nA,"x, ""y"""\n\nB,\n', 'code;name\r\nA;"two\r\nlines"\r\nB;c', 'a,b,\n', '']) {
      expect(readCsvRecords(text, text.includes(';') ? ';' : ',')).toEqual(csvParseRecords(text, text.includes(';') ? ';' : ','));
    }
  });

  it('leaves a malformed text to csv-parse and its message with the line', () => {
    expect(readCsvRecords('code,name\nA,B"x\n', ',')).toBeNull();
    expect(() => readTableSync('code,name\nA,"open\n')).toThrow(/cannot be read/);
  });
});

describe('header line of a CSV', () => {
  it('is the first line with more than spaces, as splitting the whole text into lines finds it', () => {
    const text = fc.array(fc.constantFrom('a', ' ', '\t', '\r', '\n', '\r\n', ',', ';'), { maxLength: 16 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (t) => expect(firstNonEmptyLine(t)).toBe(t.split(/\r?\n/).find((l) => l.trim() !== '') ?? '')), { numRuns: 5000 });
  });
});
