import { allRows, Row } from './support/controlling-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// The RFK of the running month reads each line's appropriation and
// disbursement back from its balance (less the entries dated after the
// month's end; decision 0515), and numbers each package after its sub
// kegiatan's row without sorting every row. Each OPD's budget and realisation
// are summed here from the ledger entries dated up to the month's end, to the
// sen; the rows are numbered 1..n in report order, each package under its sub
// kegiatan in code order.
describe('e-controlling: the RFK of the running month', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('every OPD row equals its ledger entries up to the month end, and the rows are numbered in report order', async () => {
    const [{ today }] = await t.sql<{ today: string }>(`SELECT to_char(current_date, 'YYYY-MM-DD') AS today`);
    // the demo's fiscal year is 2026: its running month, or December once the year is over
    const month = today.startsWith('2026-') ? Number(today.slice(5, 7)) : 12;
    const asOf = (await t.sql<{ d: string }>(`SELECT to_char((make_date(2026, $1, 1) + interval '1 month - 1 day')::date, 'YYYY-MM-DD') AS d`, [month]))[0].d;
    const sums = new Map((await t.sql<{ org: string; ap: string; di: string }>(
      `SELECT o.code AS org, COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'APPROPRIATION'), 0)::numeric(20,2)::text AS ap,
         COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'DISBURSEMENT'), 0)::numeric(20,2)::text AS di
       FROM budget_lines b JOIN organizations o ON o.id = b.organization_id
       LEFT JOIN ledger_entries e ON e.budget_line_id = b.id AND e.value_date <= $1::date
       WHERE b.fiscal_year = 2026 AND b.account_code LIKE '5.%' GROUP BY o.code`, [asOf])).map((s) => [s.org, s]));

    const rfk = await allRows(t, `/controlling/rfk?fiscalYear=2026&month=${month}`, 'auditor');
    const opds = rfk.filter((r) => r.level === 'OPD');
    expect(opds.length).toBe(sums.size);
    for (const r of opds) {
      const s = sums.get(String(r.organizationCode))!;
      expect({ org: r.organizationCode, budget: r.budget, realised: r.financialRealisation }).toEqual({ org: r.organizationCode, budget: s.ap, realised: s.di });
    }
    expect(opds.some((r) => Number(r.financialRealisation) > 0)).toBe(true);

    expect(rfk.map((r) => r.rowNo)).toEqual(rfk.map((_, i) => i + 1));
    let sub: Row | null = null;
    let lastCode = '';
    for (const r of rfk) {
      if (r.level !== 'PACKAGE') { sub = r.level === 'SUB_KEGIATAN' ? r : null; lastCode = ''; continue; }
      expect({ row: r.rowNo, under: sub?.level, org: sub?.organizationCode }).toEqual({ row: r.rowNo, under: 'SUB_KEGIATAN', org: r.organizationCode });
      expect(String(r.code) > lastCode).toBe(true);
      lastCode = String(r.code);
    }
    expect(rfk.some((r) => r.level === 'PACKAGE')).toBe(true);
  });
});
