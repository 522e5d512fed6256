import ExcelJS from 'exceljs';
import request from 'supertest';
import { allottedLine, issueSp2d, TREASURER_ACCOUNT } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// The treasurer's cash book: derived from the documents plus manual entries,
// a running balance that never goes negative, CSV/XLSX exports; the SP2D register.
describe('e-penatausahaan: BKU and the SP2D register', () => {
  let t: TestApp;
  let orgB: string;
  let today: string;
  beforeAll(async () => {
    t = await startTestApp();
    orgB = await t.orgId('B');
    today = (await t.sql<{ d: string }>(`SELECT to_char(current_date, 'YYYY-MM-DD') AS d`))[0].d;
    expect((await t.post('/users', { username: 'treasurer-b', password: 'kas-daerah-b-2026', fullName: 'Bendahara B', roles: ['TREASURER'], organizationId: orgB }, 'admin')).status).toBe(201);
    expect((await t.post('/users', { username: 'finance-officer-b', password: 'kas-daerah-b-2026', fullName: 'PPK B', roles: ['FINANCE_OFFICER'], organizationId: orgB }, 'admin')).status).toBe(201);
    expect((await t.post('/users', { username: 'budget-user-b', password: 'kas-daerah-b-2026', fullName: 'KPA B', roles: ['BUDGET_USER'], organizationId: orgB }, 'admin')).status).toBe(201);
  });
  afterAll(async () => { await t.close(); });

  const book = (q = '') => t.req('get', `/penatausahaan/bku?organizationId=${orgB}&fiscalYear=2026${q}`, { user: 'auditor' });
  const entry = (body: Record<string, unknown>) => t.req('post', '/penatausahaan/bku/entries', {
    body: { organizationId: orgB, entryDate: today, ...body }, headers: { Authorization: `Bearer ${tokenB}` } });
  let tokenB = '';

  it('follows the documents and manual entries, and never goes negative', async () => {
    tokenB = (await t.req('post', '/auth/login', { body: { username: 'treasurer-b', password: 'kas-daerah-b-2026' } })).body.accessToken;
    expect((await book()).body.closing).toEqual({ cash: '0.00', bank: '0.00', tax: '0.00', panjar: '0.00', total: '0.00' });
    // nothing in the book: any expenditure is refused
    const neg = await entry({ subLedger: 'CASH', direction: 'OUT', amount: '0.01', description: 'x' });
    expect(neg.status).toBe(422);
    expect(neg.body.code).toBe('BKU_NEGATIVE_BALANCE');
    expect(neg.body.detail).toContain('would become -0.01');

    const line = await allottedLine(t, '12000000.00', '1000000.00', 'B');
    // OPD B's users are not demo users: drive the UP by hand with their tokens
    const login = async (u: string) => (await t.req('post', '/auth/login', { body: { username: u, password: 'kas-daerah-b-2026' } })).body.accessToken as string;
    const h = async (u: string) => ({ Authorization: `Bearer ${await login(u)}` });
    const spp = await t.req('post', '/penatausahaan/spp', { body: { type: 'UP', organizationId: orgB, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: line, amount: '300000.00' }] }, headers: await h('treasurer-b') });
    expect(spp.status).toBe(201);
    expect((await t.req('post', `/penatausahaan/spp/${spp.body.id}/submit`, { headers: await h('treasurer-b') })).status).toBe(200);
    const spm = await t.req('post', '/penatausahaan/spm', { body: { sppId: spp.body.id }, headers: await h('finance-officer-b') });
    expect((await t.req('post', `/penatausahaan/spm/${spm.body.id}/approve`, { headers: await h('budget-user-b') })).status).toBe(200);
    const sp2d = await issueSp2d(t, spm.body.id);
    expect((await book()).body.closing).toEqual({ cash: '0.00', bank: '300000.00', tax: '0.00', panjar: '0.00', total: '300000.00' });

    const move = await entry({ subLedger: 'BANK', direction: 'OUT', toSubLedger: 'CASH', amount: '100000.00', description: 'penarikan tunai' });
    expect(move.status).toBe(201);
    expect(move.body.map((e: { subLedger: string; subBalance: string; balance: string }) => [e.subLedger, e.subBalance, e.balance])).toEqual([['BANK', '200000.00', '200000.00'], ['CASH', '100000.00', '300000.00']]);
    expect((await entry({ subLedger: 'CASH', direction: 'OUT', amount: '100000.01', description: 'too much' })).body.code).toBe('BKU_NEGATIVE_BALANCE');
    expect((await entry({ subLedger: 'CASH', direction: 'OUT', amount: '100000.00', description: 'belanja tunai' })).status).toBe(201);
    expect((await entry({ subLedger: 'TAX', direction: 'IN', amount: '1000.00', description: 'PPh 23 dipungut' })).status).toBe(201);
    // dates: not before the fiscal year, not in a year that is not open, not in the future
    expect((await entry({ entryDate: '2025-12-31', subLedger: 'TAX', direction: 'IN', amount: '1.00', description: 'x' })).body.code).toBe('DATE_OUTSIDE_OPEN_YEAR');
    expect((await entry({ entryDate: '2027-01-01', subLedger: 'TAX', direction: 'IN', amount: '1.00', description: 'x' })).body.code).toBe('DATE_OUTSIDE_OPEN_YEAR');
    expect((await entry({ entryDate: '2026-01-01', subLedger: 'TAX', direction: 'IN', amount: '1.00', description: 'x' })).body.code).toBe('BKU_DATE_BEFORE_LAST');
    expect((await entry({ subLedger: 'TAX', direction: 'IN', amount: '1.001', description: 'x' })).status).toBe(400);

    const b = (await book()).body;
    expect(b.closing).toEqual({ cash: '0.00', bank: '200000.00', tax: '1000.00', panjar: '0.00', total: '201000.00' });
    expect(b.entries.map((e: { balance: string }) => e.balance)).toEqual(['300000.00', '200000.00', '300000.00', '200000.00', '201000.00']);
    // the database itself refuses a negative balance, whoever writes
    await expect(t.sql(`INSERT INTO bku_entries (organization_id, fiscal_year, sub_ledger, amount, description, source_type, sub_balance_after, balance_after) VALUES ($1, 2026, 'CASH', -1, 'x', 'Manual', 0, 0)`, [orgB]))
      .rejects.toThrow(/bku_balance_nonnegative|bku_running_balance_nonnegative/);
    await expect(t.sql(`DELETE FROM bku_entries WHERE organization_id = $1`, [orgB])).rejects.toThrow();

    // cancelling the UP SP2D would take the bank below zero (the cash was spent): refused, nothing written
    const cancel = await t.post(`/penatausahaan/sp2d/${sp2d}/cancel`, { reason: 'x' }, 'cash-authority');
    expect(cancel.status).toBe(422);
    expect(cancel.body.code).toBe('BKU_NEGATIVE_BALANCE');
    expect((await t.get(`/penatausahaan/sp2d/${sp2d}`, 'auditor')).body.status).toBe('ISSUED');
  });

  it('filters by period with opening and closing balances, and exports CSV and XLSX', async () => {
    const none = (await book(`&from=2026-01-01&to=2026-01-01`)).body;
    expect(none.entries).toEqual([]);
    expect(none.closing.total).toBe('0.00');
    const csv = await book('&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="bku-1.02.0.00.0.00.01.0000-2026.csv"');
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toBe('No,Tanggal,Sub-ledger,Uraian,Sumber,Nomor dokumen,Penerimaan,Pengeluaran,Saldo sub-ledger,Saldo');
    expect(rows).toHaveLength(6);
    expect(rows[1]).toMatch(/,Sp2d,SP2D-UP\/[0-9.]+\/2026\/\d{6},300000\.00,/); // the document number, not its id
    expect(rows[5]).toMatch(/,TAX,PPh 23 dipungut,Manual,,1000\.00,0\.00,1000\.00,201000\.00$/);
    const xlsx = await request(t.app.getHttpServer()).get(`/api/v1/penatausahaan/bku?organizationId=${orgB}&fiscalYear=2026&format=xlsx`)
      .set('Authorization', `Bearer ${await t.token('auditor')}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const ws = wb.getWorksheet('BKU')!;
    expect(ws.rowCount).toBe(6);
    // a summable number cell that reads back as exactly the amount, shown with two decimals
    expect(ws.getRow(6).getCell(10).value).toBe(201000);
    expect(ws.getRow(6).getCell(10).numFmt).toBe('#,##0.00');
  });

  it('answers API.md\'s list shape: the page of entries in data, with meta, beside opening and closing', async () => {
    const page = (await book('&page=1&limit=2')).body;
    expect(page.meta).toMatchObject({ page: 1, limit: 2, total: 5 });
    expect(page.data.map((e: { no: number }) => e.no)).toEqual([1, 2]);
    expect(page.entries).toEqual(page.data);
    const next = (await book('&page=3&limit=2')).body;
    expect(next.data.map((e: { no: number }) => e.no)).toEqual([5]);
    expect(next.closing).toEqual(page.closing);
  });

  it('exports the SP2D register', async () => {
    const json = await t.get('/penatausahaan/sp2d/register?fiscalYear=2026', 'auditor');
    expect(json.status).toBe(200);
    expect(json.body.data.length).toBeGreaterThanOrEqual(1);
    expect(json.body.meta.total).toBe(json.body.data.length);
    const csv = await t.get(`/penatausahaan/sp2d/register?fiscalYear=2026&organizationId=${orgB}&format=csv`, 'auditor');
    expect(csv.headers['content-disposition']).toMatch(/register-sp2d-2026\.csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^SP2D-UP\/[0-9.]+\/2026\/000001,\d{4}-\d{2}-\d{2},UP,.*,300000\.00,0\.00,0\.00,0\.00,0\.00,0\.00,0\.00,300000\.00,ISSUED,,.+$/);
    // the OPD by code and name, never its id
    expect(lines[0]).toContain(',Kode OPD,OPD,');
    expect(lines[1]).toContain(',1.02.0.00.0.00.01.0000,Dinas Kesehatan,');
    expect(csv.text).not.toContain(orgB);
  });
});
