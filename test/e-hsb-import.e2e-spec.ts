import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import ExcelJS from 'exceljs';
import { startTestApp, TestApp } from './support/test-app';

const HEADER = 'code,name,specification,unit,price,category,accountCodes,ceiling';

// Catalogue import over HTTP: strict by default, every bad row named, the
// real city price list through its profile, re-imports change nothing.
describe('e-HSB import', () => {
  let t: TestApp;
  const upload = async (file: Buffer, name: string, fields: Record<string, string>) => {
    let r = request(t.app.getHttpServer()).post('/api/v1/hsb/imports').set('Authorization', `Bearer ${await t.token('price-admin')}`);
    for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
    return r.attach('file', file, name);
  };
  const count = async (year: number) => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM hsb_items WHERE fiscal_year = $1`, [year]))[0].n);

  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('writes nothing when one row is bad and names that row (file line, column, reason)', async () => {
    const before = await count(2027);
    const csv = [HEADER,
      'T-001,Kertas HVS A4,80 gram,Rim,55000,SSH,5.1.02.01.01.0024,ESTIMATE',
      '"T-002","Honorarium narasumber","eselon II\nper jam",OJ,1400000,SBU,5.1.02.02.01.0003,HARD',
      'T-003,Map plastik,-,Buah,abc,SSH,5.1.02.01.01.0024,ESTIMATE',
      'T-004,Pulpen,,Buah,3500,SSH,9.9.99,ESTIMATE'].join('\r\n');
    const res = await upload(Buffer.from(csv), 'bad.csv', { fiscalYear: '2027' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IMPORT_INVALID_ROWS');
    // the record on line 3 spans two lines, so T-003 is on line 5
    expect(res.body.errors).toEqual([
      { row: 5, field: 'price', column: 'E', apiField: 'price', message: expect.stringContaining('"abc"') },
      { row: 6, field: 'accountCodes', column: 'G', apiField: 'accountCodes', message: expect.stringContaining('9.9.99') },
    ]);
    expect(await count(2027)).toBe(before);
  });

  it('imports good rows in partial mode, reports the rest, and a re-import changes nothing', async () => {
    const csv = [HEADER, 'P-001,Kertas HVS A4,80 gram,Rim,55000,SSH,5.1.02.01.01.0024,ESTIMATE', 'P-002,Spidol,,Buah,-5,SSH,5.1.02.01.01.0024,ESTIMATE'].join('\n');
    const dry = await upload(Buffer.from(csv), 'p.csv', { fiscalYear: '2027', mode: 'partial', dryRun: 'true' });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, imported: 1, skipped: 1, errors: [{ row: 3, field: 'price' }] });
    expect((await t.sql(`SELECT 1 FROM hsb_items WHERE code = 'P-001'`)).length).toBe(0);
    const first = await upload(Buffer.from(csv), 'p.csv', { fiscalYear: '2027', mode: 'partial' });
    expect(first.body).toMatchObject({ imported: 1, updated: 0, unchanged: 0, skipped: 1 });
    const again = await upload(Buffer.from(csv), 'p.csv', { fiscalYear: '2027', mode: 'partial' });
    expect(again.body).toMatchObject({ imported: 0, updated: 0, unchanged: 1 });
    const changed = await upload(Buffer.from(csv.replace('55000', '56500')), 'p.csv', { fiscalYear: '2027', mode: 'partial' });
    expect(changed.body).toMatchObject({ imported: 0, updated: 1, unchanged: 0 });
    const [item] = (await t.get('/hsb/items?fiscalYear=2027&q=P-001', 'planner-a')).body.data;
    expect(item).toMatchObject({ code: 'P-001', price: '56500.00', version: 2 });
    const detail = await t.get(`/hsb/items/${item.id}`, 'planner-a');
    expect(detail.body.versions.map((v: { price: string }) => v.price)).toEqual(['56500.00', '55000.00']);
  });

  it('reads XLSX with the columns in any order, found by header name', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('SSH');
    ws.addRow(['Price', 'Code', 'Name', 'Unit', 'Category', 'Ceiling', 'AccountCodes', 'Specification']);
    ws.addRow([125000, 'X-001', 'Paket rapat', 'OK', 'SBU', 'HARD', '5.1.02.02.01.0003', 'rapat di kantor']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(buf, 'items.xlsx', { fiscalYear: '2027' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 1 });
    const [item] = (await t.get('/hsb/items?fiscalYear=2027&q=paket rapat', 'price-admin')).body.data;
    expect(item).toMatchObject({ code: 'X-001', price: '125000.00', ceiling: 'HARD', category: 'SBU', accountCodes: ['5.1.02.02.01.0003'] });
  });

  it('imports the real city price list through the kota-malang-ssh profile and says what it left out', async () => {
    const file = readFileSync(join(__dirname, '..', 'data', 'reference', 'ssh_items_sample.csv'));
    const strict = await upload(file, 'ssh_items_sample.csv', { fiscalYear: '2027', profile: 'kota-malang-ssh' });
    expect(strict.status).toBe(422);
    expect(strict.body.errors.length).toBeGreaterThan(0);
    expect(await count(2027)).toBeLessThan(100);
    const res = await upload(file, 'ssh_items_sample.csv', { fiscalYear: '2027', profile: 'kota-malang-ssh', mode: 'partial' });
    expect(res.status).toBe(200);
    expect(res.body.rows).toBe(2814);
    expect(res.body.imported + res.body.skipped).toBe(2814);
    expect(res.body.imported).toBeGreaterThan(2700);
    // the ten rows without an account code are named
    const empty = res.body.errors.filter((e: { message: string }) => e.message.startsWith('no account code'));
    expect(empty.length).toBe(10);
    expect(empty.every((e: { field: string }) => e.field === 'KODE REKENING')).toBe(true);
    // the city format maps to the chart: 5.1.02.01.001.00001 (building materials) -> 5.1.02.01.01.0001
    const [atk] = await t.sql<{ account_codes: string[]; name: string }>(
      `SELECT account_codes, name FROM hsb_items WHERE fiscal_year = 2027 AND code = '1.1.12.01.01.0001.17114'`);
    expect(atk.account_codes).toEqual(['5.1.02.01.01.0001']);
    const again = await upload(file, 'ssh_items_sample.csv', { fiscalYear: '2027', profile: 'kota-malang-ssh', mode: 'partial' });
    expect(again.body).toMatchObject({ imported: 0, updated: 0, unchanged: res.body.imported });
  });
});
