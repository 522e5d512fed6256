import { allottedLine, approvedSpm, ledgerClean, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

interface Entry { id: string; kind: string; amount: string; valueDate: string; reversesEntryId: string | null; sourceType: string }
const KINDS: Record<string, 'appropriated' | 'allotted' | 'committed' | 'disbursed'> = {
  APPROPRIATION: 'appropriated', ALLOTMENT: 'allotted', COMMITMENT: 'committed', DISBURSEMENT: 'disbursed',
};
const sen = (s: string) => BigInt(s.replace('.', ''));
const fmt = (n: bigint) => `${n / 100n}.${String((n < 0n ? -n : n) % 100n).padStart(2, '0')}`;
const monthEnd = (m: number) => new Date(Date.UTC(2026, m, 0)).toISOString().slice(0, 10);

// Value-dated ledger and month close: SP2Ds dated in February and March,
// balances as of every month end equal the sums of the entries dated up to
// it; once March is closed nothing posts with a March date (409, and the
// database refuses too), and a cancellation posts in an open month naming
// the entries it corrects.
describe('ledger: value dates and month close', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  const paid = async (lineId: string, amount: string, issuedOn: string) => {
    const { spmId } = await approvedSpm(t, { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: lineId, amount }], payee: SUPPLIER, taxes: [] });
    return { spmId, res: await t.post('/penatausahaan/sp2d', { spmId, issuedOn }, 'cash-authority') };
  };

  it('dates entries by their document, answers balances as of any month end, and closes a month for good', async () => {
    const id = await allottedLine(t, '1000000.00', '1000000.00');
    const feb = await paid(id, '300000.00', '2026-02-10');
    expect(feb.res.status).toBe(201);
    expect(feb.res.body.issuedOn).toBe('2026-02-10');
    const mar = await paid(id, '200000.00', '2026-03-15');
    expect(mar.res.status).toBe(201);

    const entries: Entry[] = (await t.get(`/budget-lines/${id}/entries?limit=100`, 'auditor')).body.data;
    expect(entries.filter((e) => e.kind === 'DISBURSEMENT').map((e) => [e.amount, e.valueDate])).toEqual([['300000.00', '2026-02-10'], ['200000.00', '2026-03-15']]);
    for (let m = 1; m <= 12; m++) {
      const asOf = monthEnd(m);
      const want = { appropriated: 0n, allotted: 0n, committed: 0n, disbursed: 0n };
      for (const e of entries.filter((x) => x.valueDate <= asOf)) want[KINDS[e.kind]] += sen(e.amount);
      const got = await t.get(`/budget-lines/${id}?asOf=${asOf}`, 'auditor');
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({ asOf, appropriated: fmt(want.appropriated), allotted: fmt(want.allotted), committed: fmt(want.committed), disbursed: fmt(want.disbursed) });
    }
    expect((await t.get(`/budget-lines/${id}?asOf=${monthEnd(2)}`, 'auditor')).body.disbursed).toBe('300000.00');
    expect((await t.get(`/budget-lines/${id}?asOf=${monthEnd(3)}`, 'auditor')).body.disbursed).toBe('500000.00');
    const listed = await t.get(`/budget-lines?fiscalYear=2026&organizationId=${orgA}&asOf=${monthEnd(2)}&limit=100`, 'auditor');
    expect(listed.body.data.find((l: { id: string }) => l.id === id)).toMatchObject({ disbursed: '300000.00', asOf: monthEnd(2) });
    expect((await t.get(`/budget-lines/${id}?asOf=2026-02-30`, 'auditor')).status).toBe(400);

    // month close: by a cash authority, only an ended month, once
    expect((await t.post('/ledger/periods/2026/3/close', {}, 'treasurer-a')).status).toBe(403);
    const future = await t.post('/ledger/periods/2026/12/close', {}, 'cash-authority');
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('PERIOD_NOT_ENDED');
    const closed = await t.post('/ledger/periods/2026/3/close', { reason: 'March reconciled' }, 'cash-authority');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ fiscalYear: 2026, month: 3, status: 'CLOSED', closedBy: 'cash-authority', reason: 'March reconciled' });
    expect((await t.post('/ledger/periods/2026/3/close', {}, 'admin')).body.code).toBe('PERIOD_ALREADY_CLOSED');
    const periods = await t.get('/ledger/periods?fiscalYear=2026', 'admin');
    expect(periods.body.months.map((p: { status: string }) => p.status)).toEqual(['OPEN', 'OPEN', 'CLOSED', ...Array(9).fill('OPEN')]);

    // a posting dated in March is 409 and writes nothing
    const late = await paid(id, '100000.00', '2026-03-20');
    expect(late.res.status).toBe(409);
    expect(late.res.body.code).toBe('PERIOD_CLOSED');
    expect(late.res.body.detail).toContain('2026-03 was closed by cash-authority');
    expect(await t.sql(`SELECT 1 FROM sp2d WHERE spm_id = $1`, [late.spmId])).toHaveLength(0);
    const april = await t.post('/penatausahaan/sp2d', { spmId: late.spmId, issuedOn: '2026-04-01' }, 'cash-authority');
    expect(april.status).toBe(201);

    // the database refuses a March entry too
    await expect(t.sql(`INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, value_date) VALUES ($1, 'APPROPRIATION', 1, 'Test', 'x', '2026-03-31')`, [id]))
      .rejects.toThrow(/ledger period 2026-03 is closed/);

    // cancelling the March SP2D posts the correction in an open month, naming what it corrects
    const today = (await t.sql<{ d: string }>(`SELECT current_date::text AS d`))[0].d;
    const cancel = await t.post(`/penatausahaan/sp2d/${mar.res.body.id}/cancel`, { reason: 'paid to the wrong account' }, 'cash-authority');
    expect(cancel.status).toBe(200);
    const after: Entry[] = (await t.get(`/budget-lines/${id}/entries?limit=100`, 'auditor')).body.data;
    const marchIds = after.filter((e) => e.valueDate === '2026-03-15').map((e) => e.id);
    const corrections = after.filter((e) => e.sourceType === 'Sp2dCancellation');
    expect(corrections).toHaveLength(2);
    for (const c of corrections) {
      expect(c.valueDate).toBe(today);
      expect(marchIds).toContain(c.reversesEntryId);
    }
    // March as closed stays as it was
    expect((await t.get(`/budget-lines/${id}?asOf=${monthEnd(3)}`, 'auditor')).body.disbursed).toBe('500000.00');
    expect((await t.get(`/budget-lines/${id}`, 'auditor')).body.disbursed).toBe('400000.00');
    await ledgerClean(t);
    const audit = await t.get('/audit/verify', 'auditor');
    expect(audit.body.valid).toBe(true);
    const events = await t.get('/audit/events?entityType=LedgerPeriod', 'auditor');
    expect(events.body.data[0]).toMatchObject({ action: 'LEDGER_PERIOD.CLOSE', entityId: '2026-03' });
  });
});
