import { Money } from '@grms/core';
import { evenPlan, freshLine, ledgerClean, line, setPlan } from './support/penatausahaan-fixtures';
import { announcedPackage, expectOk, siblingLine, vendor } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// A contract funded by two DPA lines of one sub kegiatan changes value by
// addendum: a raise split pro rata is refused when one line cannot carry its
// share (the arithmetic names that line, nothing is written); a raise with
// per-line amounts commits each line's change; a cut split pro rata releases
// each line's share to the sen.
describe('e-delivery: a value addendum over several funding lines', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('splits the change per line, each within its line', async () => {
    const l1 = await freshLine(t, 'A', '1000000000.00');
    const l2 = await siblingLine(t, l1, '105000000.00');
    await setPlan(t, l1, 'A', evenPlan('1000000000.00'));
    await setPlan(t, l2, 'A', evenPlan('105000000.00'));
    const funding = [{ budgetLineId: l1, amount: '200000000.00' }, { budgetLineId: l2, amount: '100000000.00' }];
    const pkgId = await announcedPackage(t, l1, '300000000.00', { fundingLines: funding });
    const v = await vendor(t, 'MEDIUM');
    const c = await t.post('/delivery/contracts', {
      packageId: pkgId, vendorId: v.id, number: 'KTR/ADD/2LINES/2026', signedOn: '2026-04-01', value: '300000000.00', startDate: '2026-04-05', endDate: '2026-12-15',
      maintenanceDays: 30, advance: '0.00', termins: [{ percent: '100', progressThreshold: '100' }], fundingLines: funding,
    }, 'project-officer-a');
    expectOk(c, 201, 'contract');
    const id = c.body.id;
    expectOk(await t.post(`/delivery/contracts/${id}/sign`, {}, 'budget-user-a'), 200, 'sign');
    expect((await line(t, l2)).committed).toBe('100000000.00');

    // +30,000,000 pro rata: line 2's share 10,000,000 > its 5,000,000 left
    const proRata = await t.post(`/delivery/contracts/${id}/addenda`, { value: '330000000.00', reason: 'pekerjaan tambah' }, 'project-officer-a');
    expect([proRata.status, proRata.body.code]).toEqual([422, 'INSUFFICIENT_BUDGET']);
    expect(proRata.body.detail).toContain(`requested 10000000.00 > appropriated 105000000.00 - committed 100000000.00 - disbursed 0.00 = 5000000.00 on budget line ${l2}`);
    expect((await t.sql(`SELECT 1 FROM contract_addenda WHERE contract_id = $1`, [id])).length).toBe(0);

    // per-line amounts that do not sum to the new value, or leave a line out
    const wrongSum = await t.post(`/delivery/contracts/${id}/addenda`, { value: '330000000.00', reason: 'tambah', fundingLines: [{ budgetLineId: l1, amount: '225000000.00' }, { budgetLineId: l2, amount: '104000000.00' }] }, 'project-officer-a');
    expect([wrongSum.status, wrongSum.body.code]).toEqual([422, 'FUNDING_NOT_VALUE']);
    expect(wrongSum.body.detail).toContain('225000000.00 + 104000000.00 = 329000000.00; the new value is 330000000.00');
    const partial = await t.post(`/delivery/contracts/${id}/addenda`, { value: '330000000.00', reason: 'tambah', fundingLines: [{ budgetLineId: l1, amount: '330000000.00' }] }, 'project-officer-a');
    expect([partial.status, partial.body.code]).toEqual([422, 'FUNDING_LINES_INCOMPLETE']);

    // the raise named per line: +25,000,000 on line 1, +5,000,000 on line 2
    expectOk(await t.post(`/delivery/contracts/${id}/addenda`, { value: '330000000.00', reason: 'tambah', fundingLines: [{ budgetLineId: l1, amount: '225000000.00' }, { budgetLineId: l2, amount: '105000000.00' }] }, 'project-officer-a'), 201, 'addendum');
    expectOk(await t.post(`/delivery/contracts/${id}/addenda/approve`, {}, 'budget-user-a'), 200, 'approve');
    expect(await line(t, l1)).toMatchObject({ committed: '225000000.00' });
    expect(await line(t, l2)).toMatchObject({ committed: '105000000.00' });
    const card = (await t.get(`/delivery/contracts/${id}`, 'project-officer-a')).body;
    expect(card.value).toBe('330000000.00');
    expect(new Map(card.fundingLines.map((f: { budgetLineId: string; amount: string; committed: string }) => [f.budgetLineId, [f.amount, f.committed]])))
      .toEqual(new Map([[l1, ['225000000.00', '225000000.00']], [l2, ['105000000.00', '105000000.00']]]));

    // -33,000,000.01 pro rata to 225 : 105 = -22,500,000.01 and -10,500,000.00 (the odd sen to the larger fraction)
    expectOk(await t.post(`/delivery/contracts/${id}/addenda`, { value: '296999999.99', reason: 'pekerjaan kurang' }, 'project-officer-a'), 201, 'cut');
    expectOk(await t.post(`/delivery/contracts/${id}/addenda/approve`, {}, 'budget-user-a'), 200, 'approve cut');
    const [a, b] = [await line(t, l1), await line(t, l2)];
    expect(Money.of(a.committed).plus(Money.of(b.committed)).toString()).toBe('296999999.99');
    expect([a.committed, b.committed]).toEqual(['202499999.99', '94500000.00']);
    const audit = await t.get(`/audit/events?entityType=Contract&entityId=${id}`, 'auditor');
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['CONTRACT.ADDENDUM_PROPOSE', 'CONTRACT.ADDENDUM_APPROVE']));
    await ledgerClean(t);
  });
});
