import { allRows, Row } from './support/controlling-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// The demo province as issue 10 asks for it: the 2026 DPAs take effect on 2
// January (decision 0510), so the frozen RFK of every month already over,
// January included, shows each OPD's budget as the ledger had it at that
// month's end; September's RFK has a CRITICAL, a LATE and an ON_TRACK contract.
describe('e-controlling: the demo\'s RFK of every past month', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('every past month is frozen and shows the budget; September has the three statuses', async () => {
    const dated = await t.sql<{ d: string; n: number }>(
      `SELECT e.value_date::text AS d, count(*)::int AS n FROM ledger_entries e JOIN budget_documents d ON d.id::text = e.source_id
       WHERE e.source_type = 'BudgetDocument' AND e.kind = 'APPROPRIATION' AND d.fiscal_year = 2026 AND d.stage = 'MURNI' GROUP BY 1`);
    expect(dated).toEqual([{ d: '2026-01-02', n: expect.any(Number) }]);

    const months = await t.sql<{ month: number; end: string }>(
      `SELECT m AS month, to_char((make_date(2026, m, 1) + interval '1 month' - interval '1 day')::date, 'YYYY-MM-DD') AS end
       FROM generate_series(1, 12) m WHERE (make_date(2026, m, 1) + interval '1 month' - interval '1 day')::date < current_date ORDER BY m`);
    expect(months.length).toBeGreaterThanOrEqual(9);
    for (const { month, end } of months) {
      const first = await t.get(`/controlling/rfk?fiscalYear=2026&month=${month}&limit=1`, 'auditor');
      expect({ month, ...first.body.report }).toMatchObject({ month, frozen: true, versions: expect.arrayContaining([1]) });
      const rows = await allRows(t, `/controlling/rfk?fiscalYear=2026&month=${month}&version=1`, 'auditor');
      const ledger = await t.sql<{ code: string; appropriated: string }>(
        `SELECT o.code, sum(e.amount) FILTER (WHERE e.kind = 'APPROPRIATION')::numeric(20,2)::text AS appropriated
         FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id JOIN organizations o ON o.id = b.organization_id
         WHERE b.fiscal_year = 2026 AND b.account_code LIKE '5.%' AND e.value_date <= $1::date GROUP BY o.code HAVING sum(e.amount) FILTER (WHERE e.kind = 'APPROPRIATION') > 0`, [end]);
      expect(ledger.length).toBeGreaterThan(1);
      for (const l of ledger) {
        const opd = rows.find((r: Row) => r.level === 'OPD' && r.organizationCode === l.code);
        expect({ month, code: l.code, budget: opd?.budget }).toEqual({ month, code: l.code, budget: l.appropriated });
      }
    }

    const september = await allRows(t, '/controlling/rfk?fiscalYear=2026&month=9', 'auditor');
    const statuses = new Set(september.filter((r) => r.level === 'PACKAGE').map((r) => r.status));
    for (const s of ['CRITICAL', 'LATE', 'ON_TRACK']) expect(statuses).toContain(s);
  });
});
