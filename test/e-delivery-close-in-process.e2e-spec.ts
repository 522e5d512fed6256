import { allot, evenPlan, freshLine, issueSp2d, ledgerClean, line, setPlan } from './support/penatausahaan-fixtures';
import { announcedPackage, expectOk, vendor } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// A terminated contract is not closed while an SPP of it is on its way:
// submitted, verified with a live SPM not yet paid; the refusal names the
// SPP. Once the SP2D is issued the contract closes and releases the rest.
describe('e-delivery: closing waits for the payments in process', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('refuses 409 naming the SPP until its SP2D is issued', async () => {
    const orgA = await t.orgId('A');
    const lineId = await freshLine(t, 'A', '500000000.00');
    await setPlan(t, lineId, 'A', evenPlan('500000000.00'));
    await allot(t, lineId, 'A', '500000000.00');
    const pkgId = await announcedPackage(t, lineId, '200000000.00');
    const v = await vendor(t, 'SMALL');
    const c = await t.post('/delivery/contracts', {
      packageId: pkgId, vendorId: v.id, number: 'KTR/CLOSE/2026', signedOn: '2026-04-01', value: '200000000.00', startDate: '2026-04-05', endDate: '2026-12-15',
      maintenanceDays: 30, advance: '40000000.00', termins: [{ percent: '100', progressThreshold: '100' }],
    }, 'project-officer-a');
    expectOk(c, 201, 'contract');
    const id = c.body.id;
    expectOk(await t.post(`/delivery/contracts/${id}/sign`, {}, 'budget-user-a'), 200, 'sign');

    const spp = await t.post('/penatausahaan/spp', {
      type: 'LS', organizationId: orgA, lines: [{ budgetLineId: lineId, amount: '40000000.00' }], contractId: id, terminNo: 1,
      payee: { name: v.name, npwp: v.npwp, bankName: 'Bank Jateng', bankAccount: v.bankAccount },
    }, 'treasurer-a');
    expectOk(spp, 201, 'SPP');
    expectOk(await t.post(`/penatausahaan/spp/${spp.body.id}/submit`, {}, 'treasurer-a'), 200, 'submit');
    expectOk(await t.post(`/delivery/contracts/${id}/addenda`, { terminate: true, reason: 'wanprestasi' }, 'project-officer-a'), 201, 'termination');
    expectOk(await t.post(`/delivery/contracts/${id}/addenda/approve`, {}, 'budget-user-a'), 200, 'approve termination');

    const close = () => t.post(`/delivery/contracts/${id}/close`, {}, 'budget-user-a');
    const submitted = await close();
    expect([submitted.status, submitted.body.code]).toEqual([409, 'CONTRACT_PAYMENT_IN_PROCESS']);
    expect(submitted.body.detail).toContain(`SPP ${spp.body.number} (termin 1, SUBMITTED)`);

    const spm = await t.post('/penatausahaan/spm', { sppId: spp.body.id }, 'finance-officer-a');
    expectOk(spm, 201, 'SPM');
    expectOk(await t.post(`/penatausahaan/spm/${spm.body.id}/approve`, {}, 'budget-user-a'), 200, 'SPM approve');
    const withSpm = await close();
    expect([withSpm.status, withSpm.body.code]).toEqual([409, 'CONTRACT_PAYMENT_IN_PROCESS']);
    expect(withSpm.body.detail).toContain(`SPP ${spp.body.number} (termin 1, VERIFIED)`);
    expect((await t.get(`/delivery/contracts/${id}`, 'project-officer-a')).body.status).toBe('TERMINATED');
    expect(await line(t, lineId)).toMatchObject({ committed: '200000000.00', disbursed: '0.00' });

    await issueSp2d(t, spm.body.id);
    const closed = await close();
    expectOk(closed, 200, 'close');
    expect(closed.body.status).toBe('CLOSED');
    expect(await line(t, lineId)).toMatchObject({ committed: '0.00', disbursed: '40000000.00' });
    await ledgerClean(t);
  });
});
