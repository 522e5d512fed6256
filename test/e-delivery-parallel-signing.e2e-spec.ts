import { LedgerKind, LedgerService } from '@grms/budget';
import { Money, TransactionService } from '@grms/core';
import { freshLine, ledgerClean, line } from './support/penatausahaan-fixtures';
import { announcedPackage, expectOk, vendor } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// 20 contracts signed at once against one line never over-commit: each
// signing locks the line and checks appropriated - committed - disbursed.
describe('e-delivery: parallel signings on one line', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('signs exactly as many contracts as the line can hold; the others are refused with the arithmetic', async () => {
    const lineId = await freshLine(t, 'A', '1000000.00');
    const pkgId = await announcedPackage(t, lineId, '1000000.00', { type: 'GOODS', method: 'DIRECT_PROCUREMENT' });
    // another commitment (e.g. an SPM in process) already holds 400,000.00 of the line
    await t.app.get(TransactionService).run((m) => t.app.get(LedgerService).post(m, [
      { budgetLineId: lineId, kind: LedgerKind.COMMITMENT, amount: Money.of('400000.00'), sourceType: 'TestFixture', sourceId: 'e2e' }]));
    const v = await vendor(t, 'MEDIUM');
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const c = await t.post('/delivery/contracts', {
        packageId: pkgId, vendorId: v.id, number: `SPK/${i + 1}/2026`, signedOn: '2026-05-01', value: '60000.00', startDate: '2026-05-02', endDate: '2026-06-30',
        documentType: 'SPK', maintenanceBond: true, termins: [{ percent: '100', progressThreshold: '100' }],
      }, 'project-officer-a');
      expectOk(c, 201, `contract ${i}`);
      ids.push(c.body.id);
    }
    const results = await Promise.all(ids.map((id) => t.post(`/delivery/contracts/${id}/sign`, {}, 'budget-user-a')));
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 422);
    expect(ok.length).toBe(10);
    expect(refused.length).toBe(10);
    for (const r of refused) {
      expect(r.body.code).toBe('INSUFFICIENT_BUDGET');
      expect(r.body.detail).toContain(`requested 60000.00 > appropriated 1000000.00 - committed 1000000.00 - disbursed 0.00 = 0.00 on budget line ${lineId}`);
    }
    expect((await line(t, lineId)).committed).toBe('1000000.00');
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM contracts WHERE package_id = $1 AND status = 'SIGNED'`, [pkgId]);
    expect(n).toBe(10);
    await ledgerClean(t);
  });
});
