import { CONTROL_CARD_SQL, REALIZATION_BY_SOURCE_SQL } from '@grms/budget';
import { Benchmark } from './bench-context';
import { ms, ratio, repeat, stats } from './stats';

// The expenditure reports through the API (auth, scope, code list, subtotals,
// JSON) beside their one SQL aggregate run directly (decision 0130).
export const realizationBySourceBench: Benchmark = {
  name: 'Report: realisation per funding source',
  async run(ctx) {
    const asOf = '2026-12-31';
    const [org] = (await ctx.pool.query(`SELECT organization_id AS id FROM budget_lines WHERE fiscal_year = 2026 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows;
    const N = 30;
    await ctx.api('GET', `/reports/realization-by-source?fiscalYear=2026&asOf=${asOf}`, 'auditor');
    const api = stats(await repeat(N, () => ctx.api('GET', `/reports/realization-by-source?fiscalYear=2026&asOf=${asOf}`, 'auditor')));
    const sql = stats(await repeat(N, () => ctx.pool.query(REALIZATION_BY_SOURCE_SQL, [2026, asOf, null, null])));
    const one = stats(await repeat(N, () => ctx.api('GET', `/reports/realization-by-source?fiscalYear=2026&asOf=${asOf}&organizationId=${org.id}`, 'auditor')));
    const oneSql = stats(await repeat(N, () => ctx.pool.query(REALIZATION_BY_SOURCE_SQL, [2026, asOf, org.id, null])));
    const floor = stats(await repeat(N, () => ctx.api('GET', '/fiscal-years', 'auditor')));
    return {
      name: this.name,
      rows: [
        ['API, whole province, p50 / p95', `${ms(api.p50)} / ${ms(api.p95)}`],
        ['raw SQL aggregate, whole province, p50 / p95', `${ms(sql.p50)} / ${ms(sql.p95)}`],
        ['ratio API / SQL (p50), whole province', ratio(api.p50, sql.p50)],
        ['API, largest OPD, p50 / p95', `${ms(one.p50)} / ${ms(one.p95)}`],
        ['raw SQL aggregate, largest OPD, p50 / p95', `${ms(oneSql.p50)} / ${ms(oneSql.p95)}`],
        ['ratio API / SQL (p50), largest OPD', ratio(one.p50, oneSql.p50)],
        ['floor of any authenticated read meanwhile (GET /fiscal-years), p50 / p95', `${ms(floor.p50)} / ${ms(floor.p95)}`],
      ],
      notes: [`${N} sequential requests as the auditor (province-wide scope), asOf ${asOf}; the SQL baseline is the report's one aggregate over the ledger entries, without the code list, the subtotals and JSON.`],
    };
  },
};

export const controlCardBench: Benchmark = {
  name: 'Report: control card (kartu kendali)',
  async run(ctx) {
    const [busiest] = (await ctx.pool.query(
      `SELECT b.organization_id AS org, b.sub_activity_code AS sub, count(*) AS n FROM budget_lines b JOIN ledger_entries e ON e.budget_line_id = b.id
       WHERE b.fiscal_year = 2026 GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`)).rows;
    const path = `/reports/control-card?fiscalYear=2026&organizationId=${busiest.org}&subActivityCode=${busiest.sub}`;
    const N = 100;
    await ctx.api('GET', path, 'auditor');
    const api = stats(await repeat(N, () => ctx.api('GET', path, 'auditor')));
    const sql = stats(await repeat(N, () => ctx.pool.query(CONTROL_CARD_SQL, [2026, busiest.org, busiest.sub, null])));
    return {
      name: this.name,
      rows: [
        ['API, busiest sub kegiatan, p50 / p95', `${ms(api.p50)} / ${ms(api.p95)}`],
        ['raw SQL aggregate, p50 / p95', `${ms(sql.p50)} / ${ms(sql.p95)}`],
        ['ratio API / SQL (p50)', ratio(api.p50, sql.p50)],
      ],
      notes: [`${N} sequential requests as the auditor for the sub kegiatan with the most ledger entries (${busiest.n}); the SQL baseline is the card's one aggregate (entries joined to e-penatausahaan's channel view).`],
    };
  },
};
