import ExcelJS from 'exceljs';
import request from 'supertest';
import { allottedLine, approvedSpm, issueSp2d, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// A payee name or a BKU description that starts like a formula reaches the
// CSV exports as text (leading apostrophe) and the XLSX exports as a string
// cell, never as a formula.
describe('formula injection in exports', () => {
  let t: TestApp;
  let orgA: string;
  const HOSTILE = ['=HYPERLINK("http://evil.example","klik")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1+1)', '\tcmd', '\rcmd'];

  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
    const line = await allottedLine(t, '1000000.00', '1000000.00');
    const { spmId } = await approvedSpm(t, { type: 'LS', organizationId: orgA, payee: { ...SUPPLIER, name: HOSTILE[0] }, taxes: [], lines: [{ budgetLineId: line, amount: '1000.00' }] });
    await issueSp2d(t, spmId);
    for (const description of HOSTILE) {
      const res = await t.post('/penatausahaan/bku/entries', { organizationId: orgA, entryDate: new Date().toISOString().slice(0, 10), subLedger: 'TAX', direction: 'IN', amount: '1.00', description }, 'treasurer-a');
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => { await t.close(); });

  const download = async (path: string) => request(t.app.getHttpServer()).get(`/api/v1${path}`)
    .set('Authorization', `Bearer ${await t.token('auditor')}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks)));
    });

  it('neutralises every formula-leading cell of the BKU and SP2D register CSV, keeping negative numbers as numbers', async () => {
    const bku = (await download(`/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026&format=csv`)).body.toString('utf8') as string;
    const register = (await download(`/penatausahaan/sp2d/register?fiscalYear=2026&organizationId=${orgA}&format=csv`)).body.toString('utf8') as string;
    // every cell of every row: none starts with a formula character (quotes removed)
    const cells = (csv: string) => csv.split('\r\n').flatMap((row) => row.match(/("([^"]|"")*"|[^,]*)(?=,|$)/g) ?? []).map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"'));
    for (const c of [...cells(bku), ...cells(register)]) {
      if (/^-?\d+(\.\d+)?$/.test(c)) continue;
      expect(c).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(bku).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")`);
    expect(bku).toContain(`'@SUM(1+1)`);
    expect(bku).toContain(`"'\tcmd"`);
    expect(register).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
  });

  it('writes the same values to XLSX as text cells, never formulas', async () => {
    const res = await download(`/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const ws = wb.getWorksheet('BKU')!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      if (typeof cell.value === 'string') texts.push(cell.value);
    }));
    for (const h of HOSTILE) expect(texts.some((x) => x.includes(h.trim()))).toBe(true);
  });
});
