import { allot, evenPlan, freshLine, setPlan } from './support/penatausahaan-fixtures';
import { announcedPackage, expectOk } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// API.md registers a vendor with `{ name, npwp, bankName, bankAccount }`: no
// kind, no qualification. It is a COMPANY whose qualification is not declared
// (null); its contract's advance is held to the non-small limit (20%), and its
// termins are taxed by its certificates as any vendor's (decision 0115).
describe('e-delivery: a vendor registered with API.md\'s body', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('is a COMPANY of undeclared qualification, and its advance is held to the non-small limit', async () => {
    const v = await t.post('/delivery/vendors', { name: 'CV Tanpa Kualifikasi', npwp: '02.345.678.9-012.000', bankName: 'Bank Jateng', bankAccount: '7712345678' }, 'project-officer-a');
    expect(v.status).toBe(201);
    expect(v.body).toMatchObject({ kind: 'COMPANY', qualification: null, npwp: '023456789012000', bankAccounts: [{ bankName: 'Bank Jateng', bankAccount: '7712345678' }] });
    const bad = await t.post('/delivery/vendors', { name: 'CV Salah', npwp: '03.345.678.9-012.000', bankName: 'Bank Jateng', bankAccount: '7712345678', qualification: 'TINY' }, 'project-officer-a');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('qualification');

    const lineId = await freshLine(t, 'A', '200000000.00');
    await setPlan(t, lineId, 'A', evenPlan('200000000.00'));
    await allot(t, lineId, 'A', '200000000.00');
    const pkgId = await announcedPackage(t, lineId, '100000000.00', { type: 'CONSTRUCTION', method: 'DIRECT_PROCUREMENT' });
    const body = {
      packageId: pkgId, vendorId: v.body.id, number: 'SPK/NOQUAL/2026', signedOn: '2026-03-01', value: '100000000', startDate: '2026-03-02', endDate: '2026-10-30',
      termins: [{ percent: '100', progressThreshold: '100' }],
    };
    const tooMuch = await t.post('/delivery/contracts', { ...body, advance: '25000000' }, 'project-officer-a');
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('ADVANCE_ABOVE_LIMIT');
    expect(tooMuch.body.detail).toContain('advance 25000000.00 > 20% of the value 100000000.00');
    expect(tooMuch.body.detail).toContain('vendor qualification not declared');
    const c = await t.post('/delivery/contracts', { ...body, advance: '20000000' }, 'project-officer-a');
    expectOk(c, 201, 'contract');
    expectOk(await t.post(`/delivery/contracts/${c.body.id}/sign`, {}, 'budget-user-a'), 200, 'sign');
    expect((await t.get(`/delivery/vendors/${v.body.id}`, 'project-officer-a')).body.qualification).toBeNull();
  });
});
