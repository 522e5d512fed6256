import { allottedLine, approvedSpm, ledgerClean, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// SP2Ds racing for the last of the regional treasury's cash: none of them fits
// a stripe of escrowed cash, so each takes every stripe of the year before it
// checks and books the outflow against the days (decision 0024), and of three
// SP2Ds that each fit the cash alone but not two together, exactly one is
// issued and the treasury never goes negative.
describe('SP2D issuance: racing for the treasury\'s last cash', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ DB_POOL_SIZE: '4' }); });
  afterAll(async () => { await t.close(); });

  it('three SP2Ds of more than half the cash each, issued at once: one 201, two 422 with the arithmetic', async () => {
    const orgA = await t.orgId('A');
    const pos = await t.get('/treasury/cash-position', 'cash-authority');
    const cash = BigInt(pos.body.position.replace('.', ''));
    expect(cash > 0n).toBe(true);
    const each = cash / 2n + 100n; // one fits, two do not
    const amount = money(each);
    const spmIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const line = await allottedLine(t, amount, amount);
      spmIds.push((await approvedSpm(t, { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: line, amount }], payee: SUPPLIER, taxes: [] })).spmId);
    }
    await t.token('cash-authority');
    const res = await Promise.all(spmIds.map((spmId) => t.post('/penatausahaan/sp2d', { spmId }, 'cash-authority')));
    expect(res.map((r) => r.status).sort()).toEqual([201, 422, 422]);
    for (const r of res.filter((x) => x.status === 422)) {
      expect(r.body.code).toBe('INSUFFICIENT_TREASURY_CASH');
      expect(r.body.detail).toContain(`asks ${amount} but the regional treasury holds `);
      expect(r.body.detail).toContain('short by ');
    }
    const after = await t.get('/treasury/cash-position', 'auditor');
    // exactly one outflow booked: the position is the cash less one SP2D, never negative
    expect(after.body.position).toBe(money(cash - each));
    expect(after.body.position.startsWith('-')).toBe(false);
    expect(after.body.sp2dIssued).toBe(money(BigInt(pos.body.sp2dIssued.replace('.', '')) + each));
    await ledgerClean(t);
  });
});

/** Sen (hundredths) as a decimal string. */
function money(sen: bigint): string {
  return `${sen / 100n}.${String(sen % 100n).padStart(2, '0')}`;
}
