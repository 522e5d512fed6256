import { LedgerKind, LedgerService } from '@grms/budget';
import { Money, TransactionService } from '@grms/core';
import { announcedPackage, expectOk, packageBody, vendor } from './support/delivery-fixtures';
import { allottedLine, evenPlan, freshLine, setPlan, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// A refusal about money says the arithmetic AND the line as the DPA names it
// (sub kegiatan / account / funding source), beside the line's id (decision
// 0117): the SPD above the cash plan, the SPP above the allotment left, the
// contract above the uncommitted budget, the package above the appropriation.
describe('money refusals name the budget line by its codes', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  const labelOf = async (id: string) => {
    const l = (await t.get(`/budget-lines/${id}`, 'auditor')).body;
    return `sub kegiatan ${l.subActivityCode} / account ${l.accountCode} / funding source ${l.fundingSourceCode}`;
  };

  it('SPD above the cash plan to the month', async () => {
    const id = await freshLine(t, 'A', '1200000.00');
    await setPlan(t, id, 'A', evenPlan('1200000.00'));
    const r = await t.post('/penatausahaan/spd', { fiscalYear: 2026, organizationId: orgA, month: 2, lines: [{ budgetLineId: id, amount: '200000.01' }] }, 'cash-authority');
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('EXCEEDS_CASH_PLAN');
    expect(r.body.detail).toContain(`budget line ${id}: requested 200000.01 > cash plan to date 200000.00 - earlier SPDs 0.00 = 200000.00 (${await labelOf(id)})`);
    expect(r.body.errors).toEqual([{ field: 'lines.0.amount', message: expect.stringContaining(`(${await labelOf(id)})`) }]);
  });

  it('SPP above allotted - disbursed - in process, on submission', async () => {
    const id = await allottedLine(t, '500000.00', '100000.00');
    const spp = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: id, amount: '100000.01' }], payee: SUPPLIER, taxes: [] }, 'treasurer-a');
    expectOk(spp, 201, 'spp');
    const r = await t.post(`/penatausahaan/spp/${spp.body.id}/submit`, {}, 'treasurer-a');
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('INSUFFICIENT_ALLOTMENT');
    expect(r.body.detail).toContain(`budget line ${id}: requested 100000.01 > allotted 100000.00 - disbursed 0.00 - in process 0.00 = 100000.00 (${await labelOf(id)})`);
  });

  it('contract signing above appropriated - committed - disbursed', async () => {
    const lineId = await freshLine(t, 'A', '1000000.00');
    const pkgId = await announcedPackage(t, lineId, '1000000.00', { type: 'GOODS', method: 'DIRECT_PROCUREMENT' });
    await t.app.get(TransactionService).run((m) => t.app.get(LedgerService).post(m, [
      { budgetLineId: lineId, kind: LedgerKind.COMMITMENT, amount: Money.of('950000.00'), sourceType: 'TestFixture', sourceId: 'e2e' }]));
    const v = await vendor(t, 'MEDIUM');
    const c = await t.post('/delivery/contracts', {
      packageId: pkgId, vendorId: v.id, number: 'SPK/LABEL/2026', signedOn: '2026-05-01', value: '60000.00', startDate: '2026-05-02', endDate: '2026-06-30',
      documentType: 'SPK', maintenanceBond: true, termins: [{ percent: '100', progressThreshold: '100' }],
    }, 'project-officer-a');
    expectOk(c, 201, 'contract');
    const r = await t.post(`/delivery/contracts/${c.body.id}/sign`, {}, 'budget-user-a');
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('INSUFFICIENT_BUDGET');
    expect(r.body.detail).toContain(`requested 60000.00 > appropriated 1000000.00 - committed 950000.00 - disbursed 0.00 = 50000.00 on budget line ${lineId} (${await labelOf(lineId)})`);
  });

  it('package above appropriated - other packages', async () => {
    const lineId = await freshLine(t, 'A', '300000.00');
    const l = (await t.get(`/budget-lines/${lineId}`, 'auditor')).body;
    const r = await t.post('/project-planning/packages', packageBody(orgA, l.subActivityCode, lineId, '300000.01'), 'planner-a');
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('PACKAGE_EXCEEDS_APPROPRIATION');
    expect(r.body.detail).toContain(`requested 300000.01 > appropriated 300000.00 - other packages 0.00 = 300000.00 on budget line ${lineId} (${await labelOf(lineId)})`);
  });
});
