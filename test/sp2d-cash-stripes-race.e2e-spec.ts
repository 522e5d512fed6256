import { verifyTreasuryCashDays } from '@grms/e-penatausahaan';
import { allottedLine, approvedSpm, ledgerClean, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Many SP2Ds at once against a treasury whose cash covers only some of them
// (decision 0024). Each stripe of escrowed cash covers one SP2D and a quarter
// of another, so most SP2Ds spend from a stripe without waiting, and the last
// ones that fit find every stripe short and take them all to spend what is
// left across them. Exactly as many are issued as the cash covers, the rest
// are refused with the arithmetic, and the cash, the stripes and the days all
// stay right.
jest.setTimeout(300_000);

const SP2DS = 24;

describe('SP2D issuance: many at once against stripes of escrowed cash', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ DB_POOL_SIZE: '8' }); });
  afterAll(async () => { await t.close(); });

  it(`${SP2DS} SP2Ds of 1/18.5 of the cash each: 18 issued, 6 refused, never negative`, async () => {
    const orgA = await t.orgId('A');
    const pos = await t.get('/treasury/cash-position', 'cash-authority');
    const cash = sen(pos.body.position);
    const each = (cash * 10n) / 185n; // 18 fit (18.5 x), a stripe (1/16 of the cash) covers 1.16 of them
    const fit = Number(cash / each);
    expect(fit).toBe(18);
    const amount = money(each);
    const spmIds: string[] = [];
    for (let i = 0; i < SP2DS; i++) {
      const line = await allottedLine(t, amount, amount);
      spmIds.push((await approvedSpm(t, { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: line, amount }], payee: SUPPLIER, taxes: [] })).spmId);
    }
    // the check turned on again empties every stripe: the first SP2D, alone, hands the headroom out again
    expect((await t.put('/treasury/settings/2026', { cashCheck: true }, 'admin')).status).toBe(200);
    await t.token('cash-authority');
    const first = await t.post('/penatausahaan/sp2d', { spmId: spmIds[0] }, 'cash-authority');
    expect(first.status).toBe(201);
    const [granted] = await t.superSql<{ total: string }>(`SELECT sum(balance)::text AS total FROM treasury_cash_stripes WHERE fiscal_year = 2026`);
    expect(granted.total).toBe(money(cash - each));

    const res = [first, ...await Promise.all(spmIds.slice(1).map((spmId) => t.post('/penatausahaan/sp2d', { spmId }, 'cash-authority')))];
    const statuses = res.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(fit);
    expect(statuses.filter((s) => s === 422)).toHaveLength(SP2DS - fit);
    for (const r of res.filter((x) => x.status === 422)) {
      expect(r.body.code).toBe('INSUFFICIENT_TREASURY_CASH');
      expect(r.body.detail).toContain(`asks ${amount} but the regional treasury holds `);
      expect(r.body.detail).toMatch(/\(revenue deposited [\d.]+ \+ financing receipts [\d.]+ - SP2Ds [\d.]+ - financing expenditures [\d.]+\); short by [\d.]+$/);
    }

    // the position is the cash less exactly the SP2Ds issued, never negative
    const after = await t.get('/treasury/cash-position', 'auditor');
    expect(after.body.position).toBe(money(cash - BigInt(fit) * each));
    expect(after.body.position.startsWith('-')).toBe(false);
    expect(after.body.sp2dIssued).toBe(money(sen(pos.body.sp2dIssued) + BigInt(fit) * each));
    // the stripes hold no more than the cash left; the days (summed over their stripes) equal their documents
    const [stripes] = await t.superSql<{ total: string; lowest: string; n: number }>(
      `SELECT sum(balance)::text AS total, min(balance)::text AS lowest, count(*)::int AS n FROM treasury_cash_stripes WHERE fiscal_year = 2026`);
    expect(stripes.n).toBe(16);
    expect(sen(stripes.lowest) >= 0n).toBe(true);
    expect(sen(stripes.total) <= cash - BigInt(fit) * each).toBe(true);
    const [{ spread }] = await t.superSql<{ spread: number }>(`SELECT count(DISTINCT stripe)::int AS spread FROM treasury_cash_days WHERE fiscal_year = 2026 AND day = current_date`);
    expect(spread).toBeGreaterThan(1);
    const days = await verifyTreasuryCashDays(t.db);
    expect(days.problems).toEqual([]);
    await ledgerClean(t);
  });
});

function sen(s: string): bigint {
  const [i, f = ''] = s.split('.');
  return BigInt(i + f.padEnd(2, '0'));
}

/** Sen (hundredths) as a decimal string. */
function money(x: bigint): string {
  return `${x / 100n}.${String(x % 100n).padStart(2, '0')}`;
}
