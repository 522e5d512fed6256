import { LedgerKind, LedgerService } from '@grms/budget';
import { Money, TransactionService } from '@grms/core';
import { allottedLine, approvedSpm, issueSp2d, ledgerClean, line, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// committed + disbursed <= appropriated: a line whose appropriation is fully
// committed or disbursed refuses one more sen, with the arithmetic, in the
// payment flow, in the ledger service, and in the database.
describe('ledger: committed + disbursed never exceed the appropriation', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('refuses one more sen of commitment on a fully used line', async () => {
    const id = await allottedLine(t, '1000000.00', '1000000.00');
    const ls = (amount: string) => ({ type: 'LS', organizationId: orgA, lines: [{ budgetLineId: id, amount }], payee: SUPPLIER, taxes: [] });
    await issueSp2d(t, (await approvedSpm(t, ls('400000.00'))).spmId);
    await approvedSpm(t, ls('600000.00'));
    expect(await line(t, id)).toMatchObject({ appropriated: '1000000.00', committed: '600000.00', disbursed: '400000.00' });

    const spp = await t.post('/penatausahaan/spp', ls('0.01'), 'treasurer-a');
    const refused = await t.post(`/penatausahaan/spp/${spp.body.id}/submit`, {}, 'treasurer-a');
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('0.01');

    // a module committing directly (e.g. a contract signature) gets the ledger's arithmetic
    const commit = t.app.get(TransactionService).run((m) => t.app.get(LedgerService).post(m, [
      { budgetLineId: id, kind: LedgerKind.COMMITMENT, amount: Money.of('0.01'), sourceType: 'TestContract', sourceId: 'c-1' }]));
    await expect(commit).rejects.toMatchObject({
      code: 'INSUFFICIENT_APPROPRIATION',
      detail: `budget line ${id}: committed 600000.01 + disbursed 400000.00 would become 1000000.01 but only 1000000.00 is appropriated (short by 0.01)`,
    });
    // and the database holds the line even against a direct write
    await expect(t.sql(`UPDATE budget_lines SET committed = committed + 0.01 WHERE id = $1`, [id])).rejects.toThrow(/budget_line_used_within_appropriated/);
    expect(await line(t, id)).toMatchObject({ committed: '600000.00', disbursed: '400000.00' });
    await ledgerClean(t);
  });
});
