import { ContractYearEndService } from '@grms/e-delivery';
import { RequestContext } from '@grms/core';
import { freshLine, ledgerClean, line } from './support/penatausahaan-fixtures';
import { announcedPackage, expectOk, vendor } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// `grms contracts:year-end --fiscal-year 2026 --carry` (the command runs this
// service): an open contract commitment leaves the 2026 line and is carried
// to the same line key in 2027 (DPAL: appropriation and commitment), audited.
describe('e-delivery: year-end carry-over of contract commitments', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('carries the open commitment to the next year to the sen', async () => {
    const lineId = await freshLine(t, 'A', '50000000.00');
    const pkgId = await announcedPackage(t, lineId, '45000000.55', { type: 'GOODS', method: 'DIRECT_PROCUREMENT' });
    const v = await vendor(t, 'SMALL');
    const c = await t.post('/delivery/contracts', {
      packageId: pkgId, vendorId: v.id, number: 'SPK/DPAL/2026', documentType: 'SPK', signedOn: '2026-11-01', value: '45000000.55',
      startDate: '2026-11-02', endDate: '2027-02-28', maintenanceBond: true, termins: [{ percent: '100', progressThreshold: '100' }],
    }, 'project-officer-a');
    expectOk(c, 201, 'contract');
    expectOk(await t.post(`/delivery/contracts/${c.body.id}/sign`, {}, 'budget-user-a'), 200, 'sign');
    expect((await line(t, lineId)).committed).toBe('45000000.55');

    const r = await RequestContext.run({ requestId: 'e2e-year-end' }, () => t.app.get(ContractYearEndService).run(2026, 'carry'));
    expect(r.contracts).toBeGreaterThanOrEqual(1);
    expect((await line(t, lineId)).committed).toBe('0.00');
    const card = (await t.get(`/delivery/contracts/${c.body.id}`, 'project-officer-a')).body;
    const carried = card.fundingLines.find((f: { budgetLineId: string }) => f.budgetLineId !== lineId);
    expect(carried).toMatchObject({ amount: '45000000.55', committed: '45000000.55' });
    const [next] = await t.sql<{ fiscal_year: number; appropriated: string; committed: string }>(
      `SELECT fiscal_year, appropriated::text, committed::text FROM budget_lines WHERE id = $1`, [carried.budgetLineId]);
    expect(next).toMatchObject({ fiscal_year: 2027, appropriated: '45000000.55', committed: '45000000.55' });
    const audit = await t.get(`/audit/events?entityType=Contract&entityId=${c.body.id}`, 'auditor');
    expect(audit.body.data.map((e: { action: string }) => e.action)).toContain('CONTRACT.CARRY_OVER');
    await ledgerClean(t);
  });
});
