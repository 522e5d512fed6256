import { Money } from '@grms/core';
import { evenPlan, freshLine, ledgerClean, line, setPlan } from './support/penatausahaan-fixtures';
import { announcedPackage, appropriate, expectOk, siblingLine, vendor } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// A value addendum adds a budget line the contract did not have: the line
// must be of the package's OPD, year and sub kegiatan; its share is checked
// against its uncommitted budget at proposal and again, under the lines'
// locks, at approval (a contract signed on it in between takes the room);
// once approved the line funds the contract and holds its commitment.
describe('e-delivery: an addendum adds a funding line', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('adds the line with the appropriation checks of the others, at proposal and at approval', async () => {
    const l1 = await freshLine(t, 'A', '1000000000.00');
    const l2 = await siblingLine(t, l1, '25000000.00');
    const otherSub = await freshLine(t, 'A', '100000000.00');
    const opdB = await freshLine(t, 'B', '100000000.00');
    for (const l of [l1, l2]) await setPlan(t, l, 'A', evenPlan((await line(t, l)).appropriated));
    const pkgId = await announcedPackage(t, l1, '300000000.00');
    const v = await vendor(t, 'MEDIUM');
    const c = await t.post('/delivery/contracts', {
      packageId: pkgId, vendorId: v.id, number: 'KTR/ADD/NEWLINE/2026', signedOn: '2026-04-01', value: '300000000.00', startDate: '2026-04-05', endDate: '2026-12-15',
      maintenanceDays: 30, advance: '0.00', termins: [{ percent: '100', progressThreshold: '100' }],
    }, 'project-officer-a');
    expectOk(c, 201, 'contract');
    const id = c.body.id;
    expectOk(await t.post(`/delivery/contracts/${id}/sign`, {}, 'budget-user-a'), 200, 'sign');
    // +30,000,000.00: the new line's amount, the rest on line 1
    const propose = (added: string, amount: string) => t.post(`/delivery/contracts/${id}/addenda`, {
      value: '330000000.00', reason: 'pekerjaan tambah: talud dari rekening belanja lain',
      fundingLines: [{ budgetLineId: l1, amount: Money.of('330000000.00').minus(Money.of(amount)).toString() }, { budgetLineId: added, amount }],
    }, 'project-officer-a');

    // a line of another sub kegiatan, or of another OPD, is not the package's
    const wrongSub = await propose(otherSub, '30000000.00');
    expect([wrongSub.status, wrongSub.body.code, wrongSub.body.errors?.[0]?.field]).toEqual([422, 'LINE_NOT_OF_PACKAGE', 'fundingLines.1.budgetLineId']);
    expect((await propose(opdB, '30000000.00')).status).toBe(404);
    // above what the new line has uncommitted: the arithmetic, nothing written
    const above = await propose(l2, '30000000.00');
    expect([above.status, above.body.code]).toEqual([422, 'INSUFFICIENT_BUDGET']);
    expect(above.body.detail).toContain(`requested 30000000.00 > appropriated 25000000.00 - committed 0.00 - disbursed 0.00 = 25000000.00 on budget line ${l2}`);
    expect((await t.sql(`SELECT 1 FROM contract_addenda WHERE contract_id = $1`, [id])).length).toBe(0);

    expectOk(await propose(l2, '25000000.00'), 201, 'addendum with a new line');
    // before the approval another contract takes 10,000,000.00 of the new line
    const pkg2 = await announcedPackage(t, l2, '10000000.00', { type: 'GOODS', method: 'E_PURCHASING' });
    const c2 = await t.post('/delivery/contracts', {
      packageId: pkg2, vendorId: v.id, number: 'KTR/ADD/NEWLINE-2/2026', signedOn: '2026-04-02', value: '10000000.00', startDate: '2026-04-05', endDate: '2026-06-30',
      maintenanceDays: 0, advance: '0.00', termins: [{ percent: '100', progressThreshold: '100' }],
    }, 'project-officer-a');
    expectOk(c2, 201, 'second contract');
    expectOk(await t.post(`/delivery/contracts/${c2.body.id}/sign`, {}, 'budget-user-a'), 200, 'sign second');
    const late = await t.post(`/delivery/contracts/${id}/addenda/approve`, {}, 'budget-user-a');
    expect([late.status, late.body.code]).toEqual([422, 'INSUFFICIENT_BUDGET']);
    expect(late.body.detail).toContain(`requested 25000000.00 > appropriated 25000000.00 - committed 10000000.00 - disbursed 0.00 = 15000000.00 on budget line ${l2}`);
    expect(await line(t, l2)).toMatchObject({ committed: '10000000.00' });
    expect((await t.get(`/delivery/contracts/${id}`, 'project-officer-a')).body.fundingLines.map((f: { budgetLineId: string }) => f.budgetLineId)).toEqual([l1]);

    // the line's budget is amended; the approval then commits the new line's share
    await appropriate(t, l2, '10000000.00');
    const ok = await t.post(`/delivery/contracts/${id}/addenda/approve`, {}, 'budget-user-a');
    expectOk(ok, 200, 'approve');
    expect(ok.body.value).toBe('330000000.00');
    expect(new Map(ok.body.fundingLines.map((f: { budgetLineId: string; amount: string; committed: string }) => [f.budgetLineId, [f.amount, f.committed]])))
      .toEqual(new Map([[l1, ['305000000.00', '305000000.00']], [l2, ['25000000.00', '25000000.00']]]));
    expect(await line(t, l1)).toMatchObject({ committed: '305000000.00' });
    expect(await line(t, l2)).toMatchObject({ committed: '35000000.00' });
    await ledgerClean(t);
  });
});
