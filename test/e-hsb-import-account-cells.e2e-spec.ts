import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const HEADER = 'code,name,specification,unit,price,category,accountCodes,ceiling';

// A row's account codes are staged with the row itself, as arrays in the same
// COPY (decision 0113): whatever a cell holds (quotes, backslashes, braces,
// commas) the report names each code as written, on its line, in the order
// written, and the good rows keep every code they list.
describe('e-HSB import: account codes as the cells wrote them', () => {
  let t: TestApp;
  const upload = async (lines: string[]) => request(t.app.getHttpServer()).post('/api/v1/hsb/imports')
    .set('Authorization', `Bearer ${await t.token('price-admin')}`).field('fiscalYear', '2027').field('mode', 'partial')
    .attach('file', Buffer.from([HEADER, ...lines].join('\n')), 'accounts.csv');

  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('reports each unknown code as written and keeps every code of a good row', async () => {
    const res = await upload([
      'AC-001,Kertas HVS,A4 80 gr,Rim,52000,SSH,5.1.02.01.01.0031;5.1.02.01.01.0024,ESTIMATE',
      'AC-002,Tinta,Hitam,Botol,95000,SSH,"5.1.02.01.01.0024;5.1""X;C:\\kode",ESTIMATE',
      'AC-003,Map,Folio,Buah,4500,SSH,"{5.1.02},NULL;5.1.02.01.01.0024",ESTIMATE',
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, imported: 1, skipped: 2 });
    const leaf = (code: string) => `account ${code} is not an expenditure account leaf of code list version`;
    const bad = (row: number, code: string) => ({ row, field: 'accountCodes', column: 'G', apiField: 'accountCodes', message: expect.stringContaining(leaf(code)) });
    expect(res.body.errors).toEqual([bad(3, '5.1"X'), bad(3, 'C:\\kode'), bad(4, '{5.1.02},NULL')]);
    const [item] = await t.sql<{ account_codes: string[] }>(`SELECT account_codes FROM hsb_items WHERE fiscal_year = 2027 AND code = 'AC-001'`);
    expect(item.account_codes).toEqual(['5.1.02.01.01.0024', '5.1.02.01.01.0031']);
  });
});
