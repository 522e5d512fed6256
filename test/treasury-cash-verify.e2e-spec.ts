import { verifyTreasuryCashDays } from '@grms/e-penatausahaan';
import { runCli } from './support/cli';
import { allottedLine, approvedSpm, issueSp2d, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// `grms ledger:verify` recomputes every day of the treasury's cash from its
// source documents (deposit slips and their cancellations, financing
// realisations, SP2Ds and their cancellations; decision 0141) and reports a
// day that differs with its date and both amounts: someone with full
// database access who edits a day, or removes one, is seen.
jest.setTimeout(180_000);

describe('ledger:verify: the treasury cash days against their documents', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('finds every day equal to its documents, then reports a tampered day and a removed one', async () => {
    // a deposit slip cancelled, one corrected, an SP2D cancelled: each mover books its day
    const sts = async (depositDate: string, amount: string) => (await t.post('/penatausahaan/sts',
      { organizationId: orgA, depositDate, accountCode: '4.1.02.02.01.004', amount, payer: 'SMA Negeri 9 Semarang', description: 'Retribusi' }, 'revenue-treasurer-a')).body.id as string;
    const cancelled = await sts('2026-06-10', '1500000.00');
    const corrected = await sts('2026-06-11', '250000.50');
    expect((await t.post(`/penatausahaan/sts/${cancelled}/cancel`, { reason: 'salah input' }, 'revenue-treasurer-a')).status).toBe(200);
    expect((await t.post(`/penatausahaan/sts/${corrected}/correct`, { reason: 'salah input' }, 'revenue-treasurer-a')).status).toBe(200);
    const line = await allottedLine(t, '3000000.00', '3000000.00');
    const { spmId } = await approvedSpm(t, { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: line, amount: '3000000.00' }], payee: SUPPLIER, taxes: [] });
    const sp2d = await issueSp2d(t, spmId);
    expect((await t.post(`/penatausahaan/sp2d/${sp2d}/cancel`, { reason: 'rekening salah' }, 'cash-authority')).status).toBe(200);

    // the command's own check, in process: every day equals its documents
    const clean = await verifyTreasuryCashDays(t.db);
    expect(clean.problems).toEqual([]);
    expect(clean.valid).toBe(true);
    expect(clean.daysChecked).toBeGreaterThan(5);

    // as the cluster superuser: one sen more revenue on the demo's January deposit day, and the SiLPA's day removed
    await t.superSql(`UPDATE treasury_cash_days SET revenue = revenue + 0.01 WHERE fiscal_year = 2026 AND day = '2026-01-30'`);
    await t.superSql(`DELETE FROM treasury_cash_days WHERE fiscal_year = 2026 AND day = '2026-01-01'`);
    const tampered = await runCli(t.ownerUrl, ['ledger:verify']);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/ledger OK/);
    expect(tampered.out).toContain('TREASURY CASH DAYS INCONSISTENT');
    expect(tampered.out).toContain('2026 2026-01-01: financing receipts 0.00 booked <> 50000000000.00 from the financing realisations (6.1)');
    expect(tampered.out).toContain('2026 2026-01-30: revenue 12500000.01 booked <> 12500000.00 from the deposit slips (STS, less cancellations and corrections)');
    expect(tampered.out.match(/^ {2}2026 /gm)).toHaveLength(2);
  });
});
