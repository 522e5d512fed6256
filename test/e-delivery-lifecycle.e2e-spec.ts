import { allot, evenPlan, freshLine, ledgerClean, line, setPlan } from './support/penatausahaan-fixtures';
import { announcedPackage, expectOk, payTermin, vendor } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// A contract finished late: the penalty is deducted from the termin, PHO at
// 100%, FHO after the maintenance period releases the retention, closing
// releases what is left: disbursed = value - penalty, commitment back to zero.
describe('e-delivery: a contract from signing to closing', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('pays the late termin less its penalty, the retention after FHO, and closes to zero commitment', async () => {
    const lineId = await freshLine(t, 'A', '300000000.00');
    await setPlan(t, lineId, 'A', evenPlan('300000000.00'));
    await allot(t, lineId, 'A', '300000000.00');
    const pkgId = await announcedPackage(t, lineId, '100000000.00', { type: 'CONSTRUCTION', method: 'DIRECT_PROCUREMENT' });
    const v = await vendor(t, 'SMALL');
    const c = await t.post('/delivery/contracts', {
      packageId: pkgId, vendorId: v.id, number: 'SPK/LATE/2026', documentType: 'SPK', signedOn: '2026-03-01', value: '100000000.00',
      startDate: '2026-03-02', endDate: '2026-06-30', maintenanceDays: 10, termins: [{ percent: '100', progressThreshold: '100' }],
    }, 'project-officer-a');
    expectOk(c, 201, 'contract');
    const id = c.body.id;
    expectOk(await t.post(`/delivery/contracts/${id}/sign`, {}, 'budget-user-a'), 200, 'sign');
    const early = await t.post(`/delivery/contracts/${id}/handovers`, { kind: 'PHO', date: '2026-07-10' }, 'project-officer-a');
    expect(early.body.code).toBe('PROGRESS_NOT_COMPLETE');
    const r = await t.post(`/delivery/contracts/${id}/progress`, { reportedOn: '2026-07-10', cumulativePercent: '100' }, 'project-officer-a');
    expectOk(await t.post(`/delivery/progress/${r.body.id}/verify`, {}, 'supervisor-a'), 200, 'verify');
    const payee = { name: v.name, npwp: v.npwp, bankName: 'Bank Jateng', bankAccount: v.bankAccount };
    // 10 days late x 1 per mille x 100,000,000.00 = 1,000,000.00 deducted
    const full = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: await t.orgId('A'), lines: [{ budgetLineId: lineId, amount: '95000000.00' }], payee, contractId: id, terminNo: 1 }, 'treasurer-a');
    expect(full.body.code).toBe('TERMIN_GROSS_MISMATCH');
    expect(full.body.detail).toContain('termin 1 pays 100000000.00 - advance recovered 0.00 - retention held 5000000.00 - penalty 1000000.00 = 94000000.00');
    // a line that does not fund the contract is named by its codes beside its id
    const other = await freshLine(t, 'A', '300000000.00');
    await setPlan(t, other, 'A', evenPlan('300000000.00'));
    await allot(t, other, 'A', '300000000.00');
    const stray = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: await t.orgId('A'), lines: [{ budgetLineId: other, amount: '94000000.00' }], payee, contractId: id, terminNo: 1 }, 'treasurer-a');
    expect(stray.body.code).toBe('LINE_NOT_OF_CONTRACT');
    const otherLine = (await t.get(`/budget-lines/${other}`, 'auditor')).body;
    expect(stray.body.detail).toContain(`budget line ${other} (sub kegiatan ${otherLine.subActivityCode} / account ${otherLine.accountCode} / funding source ${otherLine.fundingSourceCode}) does not fund contract SPK/LATE/2026`);
    await payTermin(t, { contractId: id, terminNo: 1, lineId, amount: '94000000.00', payee });
    // the retention waits for FHO
    const ret = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: await t.orgId('A'), lines: [{ budgetLineId: lineId, amount: '5000000.00' }], payee, contractId: id, terminNo: 2 }, 'treasurer-a');
    expect(ret.body.code).toBe('TERMIN_NOT_DUE');
    expectOk(await t.post(`/delivery/contracts/${id}/handovers`, { kind: 'PHO', date: '2026-07-10', number: 'BAST/PHO/1' }, 'project-officer-a'), 201, 'PHO');
    const soon = await t.post(`/delivery/contracts/${id}/handovers`, { kind: 'FHO', date: '2026-07-19' }, 'project-officer-a');
    expect(soon.body.code).toBe('MAINTENANCE_NOT_OVER');
    expectOk(await t.post(`/delivery/contracts/${id}/handovers`, { kind: 'FHO', date: '2026-07-20', number: 'BAST/FHO/1' }, 'project-officer-a'), 201, 'FHO');
    await payTermin(t, { contractId: id, terminNo: 2, lineId, amount: '5000000.00', payee });
    expect(await line(t, lineId)).toMatchObject({ committed: '1000000.00', disbursed: '99000000.00' });
    const closed = await t.post(`/delivery/contracts/${id}/close`, {}, 'budget-user-a');
    expectOk(closed, 200, 'close');
    expect(closed.body).toMatchObject({ status: 'CLOSED', paid: '99000000.00', penaltyTotal: '1000000.00', remaining: '0.00' });
    expect(await line(t, lineId)).toMatchObject({ committed: '0.00', disbursed: '99000000.00' });
    expect((await t.get(`/project-planning/packages/${pkgId}`, 'planner-a')).body.status).toBe('COMPLETED');

    const register = await t.get('/delivery/contracts?fiscalYear=2026&format=csv', 'auditor');
    expect(register.status).toBe(200);
    expect(register.headers['content-type']).toContain('text/csv');
    expect(register.text).toContain('SPK/LATE/2026');
    expect(register.text).not.toContain(id);
    const handovers = await t.get('/delivery/handovers?fiscalYear=2026', 'supervisor-a');
    expect(handovers.body.filter((h: { contractNumber: string }) => h.contractNumber === 'SPK/LATE/2026').map((h: { kind: string; maintenanceUntil: string | null }) => [h.kind, h.maintenanceUntil]))
      .toEqual([['PHO', '2026-07-20'], ['FHO', null]]);
    const xlsx = await t.req('get', '/delivery/handovers?fiscalYear=2026&format=xlsx', { user: 'auditor' });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    // a blacklisted vendor gets no new contract
    expectOk(await t.post(`/delivery/vendors/${v.id}/blacklist`, { reference: 'SK 027/123/2026' }, 'project-officer-a'), 200, 'blacklist');
    const pkg2 = await announcedPackage(t, lineId, '10000000.00', { type: 'GOODS', method: 'DIRECT_PROCUREMENT' });
    const refused = await t.post('/delivery/contracts', {
      packageId: pkg2, vendorId: v.id, number: 'SPK/BL/2026', signedOn: '2026-08-01', value: '10000000.00', startDate: '2026-08-02', endDate: '2026-09-30',
      termins: [{ percent: '100', progressThreshold: '100' }],
    }, 'project-officer-a');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('VENDOR_BLACKLISTED');
    await ledgerClean(t);
  });
});
