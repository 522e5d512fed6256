import { lraSql } from '@grms/budget';
import { Benchmark } from './bench-context';
import { ms, ratio, repeat, stats } from './stats';

// The LRA of the whole province (issue 8): through the API (auth, scope,
// validation, the statutory assembly, JSON) beside the report's own SQL run
// directly and beside the plainest aggregate of the same entries (sums per
// account, no levels, no names). Target: within 1.5x of the SQL, p95 under 1 s.
export const lraBench: Benchmark = {
  name: 'LRA, whole province (level 6)',
  async run(ctx) {
    const asOf = '2026-12-31';
    const path = `/reports/lra?fiscalYear=2026&asOf=${asOf}&level=6`;
    const first = await ctx.api('GET', path, 'auditor');
    const rows = (first.body as { rows: unknown[] }).rows.length;
    const N = 30;
    const api = stats(await repeat(N, () => ctx.api('GET', path, 'auditor')));
    const [{ version }] = (await ctx.pool.query(`SELECT code_list_version AS version FROM fiscal_years WHERE year = 2026`)).rows;
    const sql = stats(await repeat(N, () => ctx.pool.query(lraSql('account'), [2026, asOf, null, [1, 2, 3, 4, 5, 6], version])));
    const plain = stats(await repeat(N, () => ctx.pool.query(`
      SELECT b.account_code, sum(e.amount) FILTER (WHERE e.kind IN ('APPROPRIATION', 'ESTIMATE')) AS budget,
        sum(e.amount) FILTER (WHERE e.kind IN ('DISBURSEMENT', 'REALIZATION') AND e.value_date <= $2::date) AS realized
      FROM budget_lines b JOIN ledger_entries e ON e.budget_line_id = b.id WHERE b.fiscal_year = $1 GROUP BY 1`, [2026, asOf])));
    return {
      name: this.name,
      rows: [
        ['API (JSON), p50 / p95', `${ms(api.p50)} / ${ms(api.p95)}`],
        ['the report\'s SQL alone, p50 / p95', `${ms(sql.p50)} / ${ms(sql.p95)}`],
        ['ratio API / its SQL (p50)', ratio(api.p50, sql.p50)],
        ['plain SQL aggregate (sums per account), p50 / p95', `${ms(plain.p50)} / ${ms(plain.p95)}`],
        ['ratio API / plain aggregate (p50)', ratio(api.p50, plain.p50)],
      ],
      notes: [`${N} sequential requests as the auditor over every budget line and ledger entry of 2026; ${rows} report rows (levels 1-6 and the statutory totals).`],
    };
  },
};
