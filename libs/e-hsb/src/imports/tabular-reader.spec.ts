import ExcelJS from 'exceljs';
import { cellText, detectDelimiter, headerKey, readTable } from './tabular-reader';

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
