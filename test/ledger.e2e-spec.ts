import fc from 'fast-check';
import { BudgetLinesService, LedgerKind, LedgerService, verifyLedger } from '@grms/budget';
import { DomainError, Money, TransactionService } from '@grms/core';
import { startTestApp, TestApp } from './support/test-app';

// The ledger over a real PostgreSQL: postings, invariants, reversals, races.
describe('the budget-line ledger', () => {
  let t: TestApp;
  let ledger: LedgerService;
  let tx: TransactionService;
  let newLine: (sub?: string) => Promise<string>;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    ledger = t.app.get(LedgerService);
    tx = t.app.get(TransactionService);
    const lines = t.app.get(BudgetLinesService);
    const orgC = await t.orgId('C');
    const accounts = await t.sql<{ code: string }>(`SELECT code FROM code_list_entries WHERE version = 'KMDN5889-2023' AND list = 'accounts' AND leaf AND code LIKE '5.1.02.%' ORDER BY code LIMIT 60`);
    newLine = () => tx.run((m) => lines.ensureLine(m, { fiscalYear: 2026, organizationId: orgC, subActivityCode: '1.03.02.1.01.0005', accountCode: accounts[n++].code, fundingSourceCode: '1.2.1.01.02' }));
  });
  afterAll(async () => { await t.close(); });

  const post = (lineId: string, kind: LedgerKind, amount: string) =>
    tx.run((m) => ledger.post(m, [{ budgetLineId: lineId, kind, amount: Money.of(amount), sourceType: 'Test', sourceId: 'ledger-spec' }]));
  const balance = async (id: string) => (await t.sql(`SELECT appropriated, allotted, committed, disbursed FROM budget_lines WHERE id = $1`, [id]))[0];

  it('refuses an invalid budget line key with a stable code', async () => {
    const lines = t.app.get(BudgetLinesService);
    const orgC = await t.orgId('C');
    const attempt = (key: Partial<Parameters<BudgetLinesService['ensureLine']>[1]>) => tx.run((m) => lines.ensureLine(m, {
      fiscalYear: 2026, organizationId: orgC, subActivityCode: '1.03.02.1.01.0005', accountCode: '5.1.02.01.01.0024', fundingSourceCode: '1.2.1.01.02', ...key,
    }));
    await expect(attempt({ subActivityCode: '1.03.02.1.01' })).rejects.toMatchObject({ code: 'INVALID_SUB_ACTIVITY' });
    await expect(attempt({ accountCode: '5.1.02.01.01' })).rejects.toMatchObject({ code: 'INVALID_ACCOUNT' });
    await expect(attempt({ accountCode: '4.1.01.01.01' })).rejects.toMatchObject({ code: 'INVALID_ACCOUNT' });
    // a revenue leaf opens a revenue line (ESTIMATE and REALIZATION entries only; decision 0120)
    await expect(attempt({ accountCode: '4.1.01.01.01.001' })).resolves.toEqual(expect.any(String));
    await expect(attempt({ fundingSourceCode: '1.2' })).rejects.toMatchObject({ code: 'INVALID_FUNDING_SOURCE' });
    await expect(attempt({ fiscalYear: 1999 })).rejects.toMatchObject({ code: 'FISCAL_YEAR_NOT_FOUND' });
  });

  it('posts, refuses overspending with the arithmetic, and leaves nothing half-written', async () => {
    const id = await newLine();
    await post(id, LedgerKind.APPROPRIATION, '1000000');
    await post(id, LedgerKind.ALLOTMENT, '400000');
    await post(id, LedgerKind.DISBURSEMENT, '399999.99');
    const err = await post(id, LedgerKind.DISBURSEMENT, '0.02').catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe('INSUFFICIENT_ALLOTMENT');
    expect(err.detail).toContain('400000.01');
    expect(err.detail).toContain('400000.00');
    expect(await balance(id)).toEqual({ appropriated: '1000000.00', allotted: '400000.00', committed: '0.00', disbursed: '399999.99' });
    expect((await t.sql(`SELECT count(*)::int AS n FROM ledger_entries WHERE budget_line_id = $1`, [id]))[0].n).toBe(3);
  });

  it('keeps the CHECK constraints as the backstop even for a direct UPDATE', async () => {
    const id = await newLine();
    await post(id, LedgerKind.APPROPRIATION, '100');
    await expect(t.sql(`UPDATE budget_lines SET disbursed = 1 WHERE id = $1`, [id])).rejects.toThrow(/budget_line_disbursed_within_allotted/);
    // the API's role has no such privilege; even the owner is stopped by the trigger
    await expect(t.sql(`UPDATE ledger_entries SET amount = 1 WHERE budget_line_id = $1`, [id])).rejects.toThrow(/permission denied/);
    await expect(t.sql(`DELETE FROM ledger_entries WHERE budget_line_id = $1`, [id])).rejects.toThrow(/permission denied/);
    await expect(t.superSql(`UPDATE ledger_entries SET amount = 1 WHERE budget_line_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(t.superSql(`DELETE FROM ledger_entries WHERE budget_line_id = $1`, [id])).rejects.toThrow(/append-only/);
  });

  it('reverses a source document exactly once, naming the entries reversed', async () => {
    const id = await newLine();
    await post(id, LedgerKind.APPROPRIATION, '500');
    await tx.run((m) => ledger.post(m, [{ budgetLineId: id, kind: LedgerKind.ALLOTMENT, amount: Money.of('200'), sourceType: 'Spd', sourceId: 'spd-1' }]));
    const rev = await tx.run((m) => ledger.reverseSource(m, 'Spd', 'spd-1', { sourceType: 'SpdCancellation', sourceId: 'c-1' }));
    expect(rev).toHaveLength(1);
    expect(rev[0].amount).toBe('-200.00');
    expect(rev[0].reversesEntryId).toEqual(expect.any(String));
    expect((await balance(id)).allotted).toBe('0.00');
    const again = await tx.run((m) => ledger.reverseSource(m, 'Spd', 'spd-1', { sourceType: 'SpdCancellation', sourceId: 'c-2' }));
    expect(again).toHaveLength(0);
    const forged = await tx.run((m) => ledger.post(m, [{ budgetLineId: id, kind: LedgerKind.ALLOTMENT, amount: Money.of('-1'), sourceType: 'X', sourceId: 'x', reversesEntryId: rev[0].reversesEntryId! }])).catch((e) => e);
    expect(forged.code).toBe('ALREADY_REVERSED');
  });

  it('never breaks an invariant and balance = sum of entries, for random sequences (property)', async () => {
    const kinds = Object.values(LedgerKind);
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.constantFrom(...kinds), fc.integer({ min: -5000000, max: 5000000 }).filter((x) => x !== 0)), { minLength: 1, maxLength: 25 }),
      async (ops) => {
        const id = await newLine();
        for (const [kind, sen] of ops) {
          const s = Math.abs(sen);
          const amount = `${sen < 0 ? '-' : ''}${Math.floor(s / 100)}.${String(s % 100).padStart(2, '0')}`;
          await post(id, kind, amount).catch((e) => { if (!(e instanceof DomainError)) throw e; });
        }
        const v = await verifyLedger(t.db);
        expect(v.problems).toEqual([]);
      },
    ), { numRuns: 15 });
  });

  it('never overspends under many parallel postings against one line', async () => {
    const id = await newLine();
    await post(id, LedgerKind.APPROPRIATION, '1000000');
    await post(id, LedgerKind.ALLOTMENT, '1000000');
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => post(id, LedgerKind.DISBURSEMENT, '50000')));
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected' && (r.reason as DomainError).code === 'INSUFFICIENT_ALLOTMENT').length;
    expect(ok).toBe(20);
    expect(refused).toBe(20);
    expect((await balance(id)).disbursed).toBe('1000000.00');
    expect((await verifyLedger(t.db)).valid).toBe(true);
  });

  it('reports a balance that no longer matches its entries', async () => {
    const id = await newLine();
    await post(id, LedgerKind.APPROPRIATION, '700');
    await t.sql(`UPDATE budget_lines SET appropriated = 800 WHERE id = $1`, [id]);
    const v = await t.get('/ledger/verify', 'auditor');
    expect(v.body.valid).toBe(false);
    expect(v.body.problems).toEqual([{ budgetLineId: id, problem: 'appropriated 800.00 <> sum of entries 700.00' }]);
  });
});
