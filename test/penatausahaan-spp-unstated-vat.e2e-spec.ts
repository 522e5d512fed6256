import { allottedLine, approvedSpm, issueSp2d, TREASURER_ACCOUNT } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// API.md's payee is `{ name, npwp, bankName, bankAccount }`: no VAT
// registration. An SPP (or a receipt) that withholds PPN from such a payee
// takes it as a PKP, since only a PKP's invoice carries VAT: the taxes are on
// the DPP (gross x 100/111). A stated `vatRegistered: false` with PPN is still
// refused, and without PPN the payee is not a PKP (decision 0115).
describe('e-penatausahaan: PPN withheld from a payee whose VAT registration is not stated', () => {
  let t: TestApp;
  let orgA: string;
  let today: string;
  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
    today = (await t.sql<{ d: string }>(`SELECT to_char(current_date, 'YYYY-MM-DD') AS d`))[0].d;
  });
  afterAll(async () => { await t.close(); });

  const payee = { name: 'CV Maju Jaya', npwp: '01.234.567.8-901.000', bankName: 'Bank Jateng', bankAccount: '1234567890' };

  it('taxes an LS SPP on the DPP, as API.md\'s body asks', async () => {
    const id = await allottedLine(t, '30000000.00', '30000000.00');
    const spp = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: id, amount: '10000000' }], payee, taxes: [{ code: 'PPN' }, { code: 'PPH22' }] }, 'treasurer-a');
    expect(spp.status).toBe(201);
    expect(spp.body).toMatchObject({ gross: '10000000.00', dpp: '9009009.00', taxesTotal: '1126125.00', net: '8873875.00', payee: { vatRegistered: true } });
    expect(spp.body.taxes.map((x: Record<string, string>) => [x.code, x.base, x.baseAmount, x.rate, x.amount])).toEqual([
      ['PPH22', 'DPP', '9009009.00', '1.5000', '135135.00'], ['PPN', 'DPP', '9009009.00', '11.0000', '990990.00']]);
    for (const x of spp.body.taxes) expect(Object.keys(x)).toEqual(expect.arrayContaining(['code', 'name', 'base', 'baseAmount', 'rate', 'amount']));

    const stated = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: id, amount: '1000000' }], payee: { ...payee, vatRegistered: false }, taxes: [{ code: 'PPN' }] }, 'treasurer-a');
    expect([stated.status, stated.body.code]).toEqual([422, 'TAX_NOT_APPLICABLE']);
    const noPpn = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: id, amount: '1000000' }], payee, taxes: [{ code: 'PPH23' }] }, 'treasurer-a');
    expect(noPpn.body).toMatchObject({ dpp: '1000000.00', taxesTotal: '20000.00', payee: { vatRegistered: false } });
  });

  it('takes a receipt\'s named payee with PPN as a PKP too', async () => {
    const id = await allottedLine(t, '8000000.00', '4000000.00');
    const { spmId } = await approvedSpm(t, { type: 'TU', organizationId: orgA, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: id, amount: '3000000.00' }] });
    const tu = await issueSp2d(t, spmId);
    const r = await t.post('/penatausahaan/receipts', {
      organizationId: orgA, advanceSp2dId: tu, receiptDate: today, number: 'BKT-V01', payee: 'CV Sinar Abadi', budgetLineId: id, gross: '2220000',
      taxes: [{ code: 'PPN' }], medium: 'BANK', description: 'printer' }, 'treasurer-a');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ dpp: '2000000.00', taxesTotal: '220000.00', net: '2000000.00' });
  });
});
