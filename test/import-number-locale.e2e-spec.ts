import ExcelJS from 'exceljs';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

// A price list and a document's items typed in an Indonesian spreadsheet
// (1.250.000,50; semicolons): read with locale=id; the same file read with
// the default locale (en) is refused, each bad cell named by the sheet's
// header and column letter with the API field beside, and the Indonesian
// reading in the message; XLSX number cells are numbers whatever the locale.
describe('spreadsheet imports: number formatting by locale, errors named by the sheet\'s columns', () => {
  let t: TestApp;
  let orgA: string;
  const upload = async (user: string, path: string, file: Buffer, name: string, fields: Record<string, string>) => {
    let r = request(t.app.getHttpServer()).post(`/api/v1${path}`).set('Authorization', `Bearer ${await t.token(user as never)}`);
    for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
    return r.attach('file', file, name);
  };
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('reads a price list in Indonesian formatting with locale=id and refuses it under en, naming header, column and field', async () => {
    const csv = ['code;name;specification;unit;price;category;accountCodes;ceiling',
      'LOC-001;Meja rapat kayu jati;200 x 100 cm;Unit;1.250.000,50;SSH;5.1.02.01.01.0024;ESTIMATE',
      'LOC-002;Pulpen tinta gel;0,5 mm;Buah;3.500;SSH;5.1.02.01.01.0024;ESTIMATE'].join('\r\n');
    const en = await upload('price-admin', '/hsb/imports', Buffer.from(csv), 'harga.csv', { fiscalYear: '2027' });
    expect([en.status, en.body.code]).toEqual([422, 'IMPORT_INVALID_ROWS']);
    expect(en.body.errors).toEqual([
      { row: 2, field: 'price', column: 'E', apiField: 'price', message: expect.stringContaining('"1.250.000,50" is written as locale=id would write 1250000.50') },
      { row: 3, field: 'price', column: 'E', apiField: 'price', message: expect.stringContaining('"3.500" is written as locale=id would write 3500') },
    ]);
    expect(en.body.detail).toContain('first: line 2, price (column E)');
    expect((await t.sql(`SELECT 1 FROM hsb_items WHERE code LIKE 'LOC-%'`)).length).toBe(0);

    const id = await upload('price-admin', '/hsb/imports', Buffer.from(csv), 'harga.csv', { fiscalYear: '2027', locale: 'id' });
    expect(id.status).toBe(200);
    expect(id.body).toMatchObject({ imported: 2, errors: [] });
    const prices = await t.sql<{ code: string; price: string }>(`SELECT code, price::text AS price FROM hsb_items WHERE code LIKE 'LOC-%' ORDER BY code`);
    expect(prices).toEqual([{ code: 'LOC-001', price: '1250000.50' }, { code: 'LOC-002', price: '3500.00' }]);
    // a cell in English formatting in a file read as Indonesian: refused, not read a hundred times too high
    const mixed = await upload('price-admin', '/hsb/imports', Buffer.from(csv.replace('3.500', '3500.75')), 'harga.csv', { fiscalYear: '2027', locale: 'id' });
    expect(mixed.body.errors).toEqual([{ row: 3, field: 'price', column: 'E', apiField: 'price', message: expect.stringContaining('"3500.75" is written as locale=en would write 3500.75') }]);
    const unknown = await upload('price-admin', '/hsb/imports', Buffer.from(csv), 'harga.csv', { fiscalYear: '2027', locale: 'fr' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['locale']);
  });

  it('reads budget items by locale; XLSX numbers stay numbers; a rule\'s refusal names the sheet\'s column', async () => {
    const doc = (await t.post('/budgeting/documents', { fiscalYear: 2027, organizationId: orgA, subActivityCode: '1.01.02.1.01.0010', stage: 'MURNI' }, 'planner-a')).body;
    const header = ['Kode Rekening', 'Sumber Dana', 'Kode HSB', 'Uraian', 'Koefisien', 'Harga Satuan', 'PPN', 'Justifikasi'];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('rincian');
    ws.addRow(header);
    ws.addRow(['5.1.02.01.01.0024', '1.1.1.01', '', 'Kertas HVS A4', '10 sekolah x 20 rim', '55.000,00', 'tidak', '']);
    ws.addRow(['5.1.02.01.01.0024', '1.1.1.01', '', 'Map plastik', '100 buah', 2500.5, 'tidak', '']);
    ws.addRow(['9.9.99.99', '1.1.1.01', '', 'Spidol', '2 lusin', '90.000.00', 'tidak', '']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const path = `/budgeting/documents/${doc.id}/items/imports`;
    const bad = await upload('planner-a', path, file, 'rincian.xlsx', { locale: 'id' });
    expect([bad.status, bad.body.code]).toEqual([422, 'IMPORT_INVALID_ROWS']);
    expect(bad.body.errors).toEqual([
      { row: 4, field: 'Harga Satuan', column: 'F', apiField: 'unitPrice', message: expect.stringContaining('"90.000.00" is not a non-negative amount with at most two decimals under locale=id') },
    ]);

    ws.getRow(4).getCell(6).value = '90.000';
    const rule = await upload('planner-a', path, Buffer.from(await wb.xlsx.writeBuffer()), 'rincian.xlsx', { locale: 'id' });
    expect(rule.status).toBe(422);
    expect(rule.body.errors).toEqual([expect.objectContaining({ row: 4, field: 'Kode Rekening', column: 'A', apiField: 'accountCode' })]);

    ws.getRow(4).getCell(1).value = '5.1.02.01.01.0024';
    const ok = await upload('planner-a', path, Buffer.from(await wb.xlsx.writeBuffer()), 'rincian.xlsx', { locale: 'id' });
    expect(ok.status).toBe(200);
    // 200 x 55,000.00 + 100 x 2,500.50 (a number cell) + 2 x 90,000.00
    expect(ok.body).toMatchObject({ imported: 3, total: '11430050.00' });
  });
});
