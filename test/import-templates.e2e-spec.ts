import ExcelJS from 'exceljs';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

// Every spreadsheet import offers a template (header row and one example
// row, CSV or XLSX); filled in as it comes, it imports.
describe('import templates', () => {
  let t: TestApp;
  const download = async (path: string, user: string) => request(t.app.getHttpServer()).get(`/api/v1${path}`).set('Authorization', `Bearer ${await t.token(user)}`)
    .buffer(true).parse((res, cb) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks))); });
  const rowsOf = async (xlsx: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as never);
    const out: string[][] = [];
    wb.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return out;
  };
  const upload = async (path: string, user: string, file: Buffer, name: string, fields: Record<string, string> = {}) => {
    let r = request(t.app.getHttpServer()).post(`/api/v1${path}`).set('Authorization', `Bearer ${await t.token(user)}`);
    for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
    return r.attach('file', file, name);
  };

  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('offers the price list template; its example row imports (dry run)', async () => {
    const csv = await download('/hsb/imports/template?format=csv', 'price-admin');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="hsb-import-template.csv"');
    const [header, example] = (csv.body as Buffer).toString('utf8').trim().split('\r\n');
    expect(header).toBe('code,name,specification,unit,price,category,accountCodes,ceiling');
    expect(example).toContain('SSH.ATK.0101');
    const dry = await upload('/hsb/imports', 'price-admin', csv.body as Buffer, 'template.csv', { fiscalYear: '2026', dryRun: 'true' });
    expect([dry.status, dry.body.imported, dry.body.errors]).toEqual([200, 1, []]);
    expect((await t.get('/hsb/imports/template?format=pdf', 'price-admin')).status).toBe(400);
  });

  it('offers the budget item template as XLSX; filled in as it comes, it imports into a draft', async () => {
    const xlsx = await download('/budgeting/documents/items/imports/template?format=xlsx', 'planner-a');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const [header, example] = await rowsOf(xlsx.body as Buffer);
    expect(header).toEqual(['accountCode', 'fundingSourceCode', 'hsbCode', 'description', 'coefficients', 'unitPrice', 'vat', 'justification']);
    expect(example.slice(0, 3)).toEqual(['5.1.02.01.01.0024', '1.1.1.01', 'SSH.ATK.0001']);
    const doc = (await t.post('/budgeting/documents', { fiscalYear: 2027, organizationId: await t.orgId('A'), subActivityCode: '1.01.02.1.01.0011', stage: 'MURNI' }, 'planner-a')).body;
    const res = await upload(`/budgeting/documents/${doc.id}/items/imports`, 'planner-a', xlsx.body as Buffer, 'template.xlsx');
    expect([res.status, res.body.imported]).toEqual([200, 1]);
  });

  it('offers the cash plan template with the twelve months', async () => {
    const csv = await download('/budgeting/cash-plans/imports/template?format=csv', 'planner-a');
    expect(csv.status).toBe(200);
    const [header] = (csv.body as Buffer).toString('utf8').split('\r\n');
    expect(header.split(',')).toEqual(['subActivityCode', 'accountCode', 'fundingSourceCode', 'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']);
    expect((await t.get('/budgeting/cash-plans/imports/template?format=xlsx', 'treasurer-a')).status).toBe(403);
  });
});
