import { BUDGET_LINE_SELECT } from '@grms/budget';
import { Benchmark } from './bench-context';
import { ms, ratio, repeat, stats } from './stats';

// Listing budget lines with filters, a page of 50, through the API (auth,
// validation, scope, JSON) beside the same SQL run directly.
export const budgetLinesBench: Benchmark = {
  name: 'List budget lines (filters, page of 50)',
  async run(ctx) {
    const [org] = (await ctx.pool.query(`SELECT organization_id AS id, count(*) FROM budget_lines GROUP BY 1 ORDER BY 2 DESC LIMIT 1`)).rows;
    const path = (i: number) => `/budget-lines?fiscalYear=2026&organizationId=${org.id}&accountCode=5.1.02&page=${1 + (i % 5)}&limit=50`;
    await ctx.api('GET', path(0), 'auditor');
    const N = 200;
    const api = stats(await repeat(N, (i) => ctx.api('GET', path(i), 'auditor')));
    const where = `WHERE b.fiscal_year = $1 AND b.organization_id = $2 AND (b.account_code = $3 OR b.account_code LIKE $3 || '.%')`;
    const sql = stats(await repeat(N, async (i) => {
      await ctx.pool.query(`SELECT count(*)::int AS total FROM budget_lines b ${where}`, [2026, org.id, '5.1.02']);
      await ctx.pool.query(`${BUDGET_LINE_SELECT} ${where} ORDER BY b.fiscal_year, o.code, b.sub_activity_code, b.account_code, b.funding_source_code LIMIT 50 OFFSET $4`, [2026, org.id, '5.1.02', 50 * (i % 5)]);
    }));
    const all = stats(await repeat(50, (i) => ctx.api('GET', `/budget-lines?fiscalYear=2026&page=${1 + i * 20}&limit=50`, 'auditor')));
    return {
      name: this.name,
      rows: [
        ['API, one OPD, account prefix, p50 / p95', `${ms(api.p50)} / ${ms(api.p95)}`],
        ['raw SQL (count + page), p50 / p95', `${ms(sql.p50)} / ${ms(sql.p95)}`],
        ['ratio API / SQL (p50)', ratio(api.p50, sql.p50)],
        ['API, whole province, deep pages, p50 / p95', `${ms(all.p50)} / ${ms(all.p95)}`],
      ],
      notes: [`${N} sequential requests as the auditor (province-wide scope); the SQL baseline runs the same two statements over one pooled connection.`],
    };
  },
};
