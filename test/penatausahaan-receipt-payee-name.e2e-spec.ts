import { allottedLine, approvedSpm, issueSp2d, TREASURER_ACCOUNT } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// API.md records a receipt (bukti) with `payee` as the payee's name. A string
// is the payee `{ name }`: no NPWP (PPh 23 at twice the rate), not
// VAT-registered; the object form stays as it was (decision 0115).
describe('e-penatausahaan: a receipt whose payee is a plain name', () => {
  let t: TestApp;
  let orgA: string;
  let today: string;
  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
    today = (await t.sql<{ d: string }>(`SELECT to_char(current_date, 'YYYY-MM-DD') AS d`))[0].d;
  });
  afterAll(async () => { await t.close(); });

  it('is recorded, taxed as a payee without NPWP, and gathered by an SPJ', async () => {
    const id = await allottedLine(t, '6000000.00', '3000000.00');
    const { spmId } = await approvedSpm(t, { type: 'TU', organizationId: orgA, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: id, amount: '2000000.00' }] });
    const tu = await issueSp2d(t, spmId);
    const body = { organizationId: orgA, advanceSp2dId: tu, receiptDate: today, budgetLineId: id, medium: 'BANK', description: 'jasa kebersihan' };

    const r = await t.post('/penatausahaan/receipts', { ...body, number: 'BKT-N01', payee: 'CV Jasa Kebersihan', gross: '1000000', taxes: [{ code: 'PPH23' }] }, 'treasurer-a');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ payeeName: 'CV Jasa Kebersihan', payeeNpwp: null, gross: '1000000.00', taxesTotal: '40000.00' });
    const blank = await t.post('/penatausahaan/receipts', { ...body, number: 'BKT-N02', payee: '  ', gross: '1000' }, 'treasurer-a');
    expect(blank.status).toBe(400);
    expect(blank.body.errors[0].field).toMatch(/^payee/);
    const number = await t.post('/penatausahaan/receipts', { ...body, number: 'BKT-N03', payee: 42, gross: '1000' }, 'treasurer-a');
    expect(number.status).toBe(400);

    const spj = await t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: tu, receiptIds: [r.body.id] }, 'treasurer-a');
    expect(spj.status).toBe(201);
    expect(spj.body.total).toBe('1000000.00');
    expect((await t.post(`/penatausahaan/spj/${spj.body.id}/approve`, {}, 'budget-user-a')).status).toBe(200);
  });
});
