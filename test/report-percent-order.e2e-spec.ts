import ExcelJS from 'exceljs';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

// The percentages of the LRA and of the realisation per funding source reach
// a spreadsheet as numbers: as text, sorting or filtering the column orders
// "100.00" before "24.50" before "9.50". Each % cell equals the JSON's
// percentage, and the column sorts as the numbers do.
describe('reports: percentages in XLSX are numbers', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  const xlsx = async (path: string): Promise<unknown[][]> => {
    const res = await request(t.app.getHttpServer()).get(`/api/v1${path}`).set('Authorization', `Bearer ${await t.token('auditor')}`)
      .buffer(true).parse((r, cb) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks))); });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    return rows;
  };
  /** The column sorted as a spreadsheet sorts it, beside the JSON's percentages sorted as numbers. */
  const sortedBoth = (cells: unknown[], json: string[]) => [
    [...cells].sort((a, b) => (a as number) - (b as number)),
    json.map(Number).sort((a, b) => a - b),
  ];

  it('LRA: the % column holds the JSON percentages as numbers', async () => {
    const json = (await t.get('/reports/lra?fiscalYear=2026&asOf=2026-12-31&level=6', 'auditor')).body as { rows: { code: string; percent: string | null }[] };
    const withPercent = json.rows.filter((r) => r.percent !== null);
    expect(new Set(withPercent.map((r) => r.percent)).size).toBeGreaterThan(2);
    const rows = await xlsx('/reports/lra?fiscalYear=2026&asOf=2026-12-31&level=6&format=xlsx');
    expect(rows[0][7]).toBe('%');
    const cells = withPercent.map((r) => rows.slice(1).find((x) => x[0] === r.code && x[7] !== undefined && x[7] !== null)![7]);
    cells.forEach((c, i) => expect([withPercent[i].code, typeof c, c]).toEqual([withPercent[i].code, 'number', Number(withPercent[i].percent)]));
    const [sheet, want] = sortedBoth(cells, withPercent.map((r) => r.percent!));
    expect(sheet).toEqual(want);
  });

  it('realisation per funding source: the Persen column holds the JSON percentages as numbers', async () => {
    const json = (await t.get('/reports/realization-by-source?fiscalYear=2026&asOf=2026-12-31', 'auditor')).body as { rows: { code: string; percent: string }[] };
    const rows = await xlsx('/reports/realization-by-source?fiscalYear=2026&asOf=2026-12-31&format=xlsx');
    expect(rows[0][7]).toBe('Persen');
    const cells = json.rows.map((r) => rows.find((x) => x[0] === r.code)![7]);
    cells.forEach((c, i) => expect([json.rows[i].code, typeof c, c]).toEqual([json.rows[i].code, 'number', Number(json.rows[i].percent)]));
    const [sheet, want] = sortedBoth(cells, json.rows.map((r) => r.percent));
    expect(sheet).toEqual(want);
  });
});
