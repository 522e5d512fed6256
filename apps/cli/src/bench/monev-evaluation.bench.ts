import { evaluationSql } from '@grms/e-monev';
import { Benchmark } from './bench-context';
import { ms, ratio, repeat, stats } from './stats';

// The e-monev evaluation report (TW II) through the API (auth, scope, the
// report's one query, achievement and bands in TypeScript, JSON) beside the
// same query run directly: for the OPD with the most indicators, and for the
// whole province as the auditor pulls it (JSON page and the CSV of every row).
export const monevEvaluationBench: Benchmark = {
  name: 'e-monev evaluation report (TW II)',
  async run(ctx) {
    const [org] = (await ctx.pool.query(`SELECT organization_id AS id, count(*)::int AS n FROM monev_indicators WHERE fiscal_year = 2026 GROUP BY 1 ORDER BY 2 DESC LIMIT 1`)).rows;
    const [{ n: total }] = (await ctx.pool.query(`SELECT count(*)::int AS n FROM monev_indicators WHERE fiscal_year = 2026`)).rows;
    const one = `/monev/evaluation?fiscalYear=2026&quarter=2&organizationId=${org.id}&limit=500`;
    const all = `/monev/evaluation?fiscalYear=2026&quarter=2&limit=50`;
    await ctx.api('GET', one, 'auditor');
    const N = 50;
    const apiOne = stats(await repeat(N, () => ctx.api('GET', one, 'auditor')));
    const q1 = evaluationSql({ fiscalYear: 2026, quarter: 2, organizationId: org.id, scope: null });
    const sqlOne = stats(await repeat(N, () => ctx.pool.query(q1.sql, q1.params)));
    const M = 20;
    const apiAll = stats(await repeat(M, () => ctx.api('GET', all, 'auditor')));
    const qa = evaluationSql({ fiscalYear: 2026, quarter: 2, scope: null });
    const sqlAll = stats(await repeat(M, () => ctx.pool.query(qa.sql, qa.params)));
    const token = await ctx.token('auditor');
    const csv = stats(await repeat(5, async () => {
      const res = await fetch(`${ctx.baseUrl}/monev/evaluation?fiscalYear=2026&quarter=2&format=csv`, { headers: { authorization: `Bearer ${token}` } });
      await res.text();
    }));
    return {
      name: this.name,
      rows: [
        [`API, one OPD (${org.n} indicators), p50 / p95`, `${ms(apiOne.p50)} / ${ms(apiOne.p95)}`],
        ['raw SQL, the same query, p50 / p95', `${ms(sqlOne.p50)} / ${ms(sqlOne.p95)}`],
        ['ratio API / SQL (p50)', ratio(apiOne.p50, sqlOne.p50)],
        [`API, whole province (${total} indicators, page of 50 with the footer over all), p50 / p95`, `${ms(apiAll.p50)} / ${ms(apiAll.p95)}`],
        ['raw SQL, whole province, p50 / p95', `${ms(sqlAll.p50)} / ${ms(sqlAll.p95)}`],
        ['ratio API / SQL (p50, whole province)', ratio(apiAll.p50, sqlAll.p50)],
        ['API, whole province as CSV (every row and footer), p50 / p95', `${ms(csv.p50)} / ${ms(csv.p95)}`],
      ],
      notes: [`${N} (one OPD) and ${M} (province) sequential requests as the auditor; the SQL baseline runs the report's one query (evaluationSql) over one pooled connection.`],
    };
  },
};
