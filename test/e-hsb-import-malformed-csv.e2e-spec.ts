import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const HEADER = 'code,name,specification,unit,price,category,accountCodes,ceiling';

// A catalogue CSV the one-pass reader does not accept (decision 0107) is still
// read by csv-parse: a malformed file is refused with the line where it
// breaks, and nothing is written; a well-formed one with quotes, doubled
// quotes and a line break inside a cell is read with the lines an editor shows.
describe('e-HSB import of a malformed CSV', () => {
  let t: TestApp;
  const upload = async (csv: string, fields: Record<string, string>) => {
    let r = request(t.app.getHttpServer()).post('/api/v1/hsb/imports').set('Authorization', `Bearer ${await t.token('price-admin')}`);
    for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
    return r.attach('file', Buffer.from(csv), 'catalogue.csv');
  };
  const count = async () => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM hsb_items WHERE fiscal_year = 2027`))[0].n);

  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('refuses a stray quote with its line, writes nothing, and reads quoted cells with the lines an editor shows', async () => {
    const before = await count();
    const bad = await upload([HEADER,
      'M-001,Kertas HVS A4,80 gram,Rim,55000,SSH,5.1.02.01.01.0024,ESTIMATE',
      'M-002,Map "plastik",-,Buah,4000,SSH,5.1.02.01.01.0024,ESTIMATE'].join('\n'), { fiscalYear: '2027' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('UNREADABLE_FILE');
    expect(bad.body.detail).toContain('at line 3');
    expect(await count()).toBe(before);

    const good = await upload([HEADER,
      'M-001,"Kertas ""HVS"" A4","80 gram,\nputih",Rim,55000,SSH,5.1.02.01.01.0024,ESTIMATE',
      'M-002,Map plastik,-,Buah,abc,SSH,5.1.02.01.01.0024,ESTIMATE'].join('\n'), { fiscalYear: '2027', dryRun: 'true', mode: 'partial' });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ imported: 1, skipped: 1, errors: [{ row: 4, field: 'price' }] });
  });
});
