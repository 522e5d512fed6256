import { allottedLine, TREASURER_ACCOUNT } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// The cash book follows the documents' own dates: an advance paid on 2 March
// is in the book on 2 March, a receipt dated 5 March appears on 5 March, and
// the entries are numbered 1..N in date order with a running balance.
describe('e-penatausahaan: the cash book on the documents\' dates', () => {
  let t: TestApp;
  let orgB: string;
  const PASSWORD = 'kas-daerah-b-2026';
  beforeAll(async () => {
    t = await startTestApp();
    orgB = await t.orgId('B');
    for (const [username, roles] of [['treasurer-b', ['TREASURER']], ['finance-officer-b', ['FINANCE_OFFICER']], ['budget-user-b', ['BUDGET_USER']]] as const) {
      expect((await t.post('/users', { username, password: PASSWORD, fullName: username, roles, organizationId: orgB }, 'admin')).status).toBe(201);
    }
  });
  afterAll(async () => { await t.close(); });

  const as = async (username: string) => ({ Authorization: `Bearer ${(await t.req('post', '/auth/login', { body: { username, password: PASSWORD } })).body.accessToken}` });

  it('books an advance on its SP2D date and a receipt of 5 March on 5 March', async () => {
    const line = await allottedLine(t, '12000000.00', '2000000.00', 'B');
    const spp = await t.req('post', '/penatausahaan/spp', { body: { type: 'UP', organizationId: orgB, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: line, amount: '1000000.00' }] }, headers: await as('treasurer-b') });
    expect(spp.status).toBe(201);
    expect((await t.req('post', `/penatausahaan/spp/${spp.body.id}/submit`, { body: {}, headers: await as('treasurer-b') })).status).toBe(200);
    const spm = await t.req('post', '/penatausahaan/spm', { body: { sppId: spp.body.id }, headers: await as('finance-officer-b') });
    expect(spm.status).toBe(201);
    expect((await t.req('post', `/penatausahaan/spm/${spm.body.id}/approve`, { body: {}, headers: await as('budget-user-b') })).status).toBe(200);
    const sp2d = await t.post('/penatausahaan/sp2d', { spmId: spm.body.id, issuedOn: '2026-03-02' }, 'cash-authority');
    expect(sp2d.status).toBe(201);
    expect(sp2d.body.issuedOn).toBe('2026-03-02');

    const receipt = await t.req('post', '/penatausahaan/receipts', { body: { organizationId: orgB, advanceSp2dId: sp2d.body.id, receiptDate: '2026-03-05', number: 'BKT-0305',
      payee: { name: 'Toko Sumber Rejeki' }, budgetLineId: line, gross: '250000.00', taxes: [], medium: 'BANK', description: 'kertas dan map' }, headers: await as('treasurer-b') });
    expect(receipt.status).toBe(201);

    const bku = (await t.get(`/penatausahaan/bku?organizationId=${orgB}&fiscalYear=2026`, 'auditor')).body;
    const rows = bku.entries.map((e: { no: number; entryDate: string; receipt: string; expenditure: string; balance: string }) => [e.no, e.entryDate, e.receipt, e.expenditure, e.balance]);
    expect(rows).toEqual([
      [1, '2026-03-02', '1000000.00', '0.00', '1000000.00'],
      [2, '2026-03-05', '0.00', '250000.00', '750000.00'],
    ]);
    // the book is kept in date order: nothing can be booked before its last entry
    const late = await t.req('post', '/penatausahaan/receipts', { body: { organizationId: orgB, advanceSp2dId: sp2d.body.id, receiptDate: '2026-03-04', number: 'BKT-0304',
      payee: { name: 'Toko Sumber Rejeki' }, budgetLineId: line, gross: '1000.00', taxes: [], medium: 'BANK', description: 'materai' }, headers: await as('treasurer-b') });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('BKU_DATE_BEFORE_LAST');
  });
});
