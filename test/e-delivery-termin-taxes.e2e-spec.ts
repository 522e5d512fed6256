import { evenPlan, freshLine, setPlan } from './support/penatausahaan-fixtures';
import { announcedPackage, expectOk } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// A construction termin is taxed as the contract's vendor is: PPh 4(2) at 4%
// of the DPP when the vendor's certificate has expired by the SPP date, at
// 1.75% with a valid small-qualification certificate; the treasurer cannot
// say otherwise in the SPP body.
describe('e-delivery: termin SPP takes the payee tax attributes from the vendor', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  let n = 0;
  async function signedContract(lineId: string, certificate: { qualification: string; validFrom: string; validUntil: string }) {
    n++;
    const npwp = `0${String(Date.now() % 1e8).padStart(8, '0')}7700${String(n).padStart(2, '0')}`;
    const v = await t.post('/delivery/vendors', {
      kind: 'COMPANY', name: `CV Tax Test ${n}`, npwp, vatRegistered: false, qualification: certificate.qualification, bankName: 'Bank Jateng', bankAccount: `77${npwp.slice(-8)}`,
      certificates: [{ code: `SBU-BG00${n}`, ...certificate }],
    }, 'project-officer-a');
    expectOk(v, 201, 'vendor');
    const pkgId = await announcedPackage(t, lineId, '200000000.00');
    const c = await t.post('/delivery/contracts', {
      packageId: pkgId, vendorId: v.body.id, number: `KTR/TAX/${n}/2026`, signedOn: '2026-04-01', value: '200000000.00', startDate: '2026-04-05', endDate: '2026-12-15',
      maintenanceDays: 30, advance: '40000000.00', termins: [{ percent: '100', progressThreshold: '100' }],
    }, 'project-officer-a');
    expectOk(c, 201, 'contract');
    expectOk(await t.post(`/delivery/contracts/${c.body.id}/sign`, {}, 'budget-user-a'), 200, 'sign');
    const payee = { name: v.body.name, npwp, bankName: 'Bank Jateng', bankAccount: `77${npwp.slice(-8)}` };
    return (extra: Record<string, unknown> = {}) => t.post('/penatausahaan/spp', {
      type: 'LS', organizationId: orgA, lines: [{ budgetLineId: lineId, amount: '40000000.00' }], payee: { ...payee, ...extra }, contractId: c.body.id, terminNo: 1,
      taxes: [{ code: 'PPH4_2' }],
    }, 'treasurer-a');
  }
  const pick = (b: { taxes: { code: string; baseAmount: string; rate: string; amount: string }[] }) => b.taxes.map((x) => [x.code, x.baseAmount, x.rate, x.amount]);

  it('expired certificate: 4% of the DPP; valid small certificate: 1.75%; no override', async () => {
    const lineId = await freshLine(t, 'A', '1000000000.00');
    await setPlan(t, lineId, 'A', evenPlan('1000000000.00'));

    const expired = await signedContract(lineId, { qualification: 'MEDIUM', validFrom: '2020-01-01', validUntil: '2025-12-31' });
    // the treasurer calls the payee small: the vendor's certificate says otherwise
    const claimed = await expired({ qualification: 'SMALL' });
    expect([claimed.status, claimed.body.code, claimed.body.errors?.[0]?.field]).toEqual([422, 'PAYEE_TAXES_OF_VENDOR', 'payee.qualification']);
    expect(claimed.body.detail).toMatch(/is UNCERTIFIED on \d{4}-\d{2}-\d{2} by its construction certificates; the SPP says qualification SMALL/);
    const pkp = await expired({ vatRegistered: true });
    expect([pkp.status, pkp.body.code, pkp.body.errors?.[0]?.message]).toEqual([422, 'PAYEE_TAXES_OF_VENDOR', "the vendor's value is false"]);
    expect((await t.sql(`SELECT 1 FROM spp WHERE contract_id IS NOT NULL AND payee_name LIKE 'CV Tax Test%'`)).length).toBe(0);

    const four = await expired();
    expectOk(four, 201, 'SPP, expired certificate');
    expect(pick(four.body)).toEqual([['PPH4_2_UNCERTIFIED', '40000000.00', '4.0000', '1600000.00']]);
    expect(four.body).toMatchObject({ dpp: '40000000.00', taxesTotal: '1600000.00', net: '38400000.00' });
    expect(four.body.payee).toMatchObject({ qualification: 'UNCERTIFIED', vatRegistered: false });

    const valid = await signedContract(lineId, { qualification: 'SMALL', validFrom: '2020-01-01', validUntil: '2099-12-31' });
    const small = await valid({ qualification: 'SMALL', vatRegistered: false });
    expectOk(small, 201, 'SPP, valid small certificate');
    expect(pick(small.body)).toEqual([['PPH4_2_SMALL', '40000000.00', '1.7500', '700000.00']]);
    expect(small.body).toMatchObject({ taxesTotal: '700000.00', net: '39300000.00' });
    expect(small.body.payee).toMatchObject({ qualification: 'SMALL', vatRegistered: false });
  });
});
