import { frozenRowsSql, lineFigures, lineTotalsSql, packageFacts, RFK_SQL, rfkParams } from '@grms/e-controlling';
import { DataSource } from 'typeorm';
import { Benchmark } from './bench-context';
import { ms, ratio, repeat, stats } from './stats';

// The RFK and the critical-contract list of the province through the API
// (auth, scope, the status rules, the roll-up, JSON) beside the SQL statements
// they issue, run directly; then freezing a month and reading it frozen.
export const controllingBench: Benchmark = {
  name: 'e-controlling: RFK and critical contracts (province)',
  async run(ctx) {
    const m = ctx.app.get(DataSource).manager;
    const N = 10;
    const [{ today }] = (await ctx.pool.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS today`)).rows;
    const rfkPath = (i: number) => `/controlling/rfk?fiscalYear=2026&month=11&page=${1 + i * 7}&limit=100`;
    const first = await ctx.api('GET', rfkPath(0), 'auditor');
    const total = (first.body as { meta: { total: number } }).meta.total;
    const rfk = stats(await repeat(N, (i) => ctx.api('GET', rfkPath(i), 'auditor')));
    // the statement the API sends for the same page (the escalation record of the page's few contracts aside)
    const sql = stats(await repeat(N, (i) => ctx.pool.query(RFK_SQL, rfkParams({ fiscalYear: 2026, asOf: '2026-11-30', windowStart: '2026-11-02', orgs: null, programCode: null, today }, { after: 0, offset: i * 700, limit: 100 }))));
    const critical = stats(await repeat(N, () => ctx.api('GET', '/controlling/packages?fiscalYear=2026&month=9&status=CRITICAL&limit=50', 'auditor')));
    const criticalSql = stats(await repeat(N, () => packageFacts(m, 2026, '2026-09-30', '2026-09-02', null)));
    // one OPD's RFK (the generated OPD with the most packages) beside its statement
    const [{ id: opd, code: opdCode }] = (await ctx.pool.query(
      `SELECT o.id, o.code FROM packages p JOIN organizations o ON o.id = p.organization_id WHERE p.fiscal_year = 2026 GROUP BY o.id, o.code ORDER BY count(*) DESC, o.code LIMIT 1`)).rows;
    const rfkOpd = stats(await repeat(N, () => ctx.api('GET', `/controlling/rfk?fiscalYear=2026&month=11&organizationId=${opd}&limit=100`, 'auditor')));
    const sqlOpd = stats(await repeat(N, () => ctx.pool.query(RFK_SQL, rfkParams({ fiscalYear: 2026, asOf: '2026-11-30', windowStart: '2026-11-02', orgs: [opd], programCode: null, today }, { after: 0, offset: 0, limit: 100 }))));
    // absorption per OPD and the early warnings of the province, beside the statements their services issue (decision 0513):
    // absorption its line totals per OPD; the warnings the package facts and the line figures (with their sub kegiatan's sums)
    const totalsParams = (orgs: string[] | null) => [2026, '2026-11-30', 11, orgs, null];
    const absorptionSql = async () => ctx.pool.query(lineTotalsSql('organization'), totalsParams(null));
    const warningsSql = async () => {
      await packageFacts(m, 2026, '2026-11-30', '2026-11-02', null);
      await lineFigures(m, 2026, '2026-11-30', null);
    };
    const absorption = stats(await repeat(N, () => ctx.api('GET', '/controlling/realization?fiscalYear=2026&month=11&groupBy=organization&limit=100', 'auditor')));
    const absorptionRaw = stats(await repeat(N, absorptionSql));
    const warnings = stats(await repeat(N, () => ctx.api('GET', '/controlling/warnings?fiscalYear=2026&month=11&limit=100', 'auditor')));
    const warningsRaw = stats(await repeat(N, warningsSql));
    const [{ n: contracts }] = (await ctx.pool.query(`SELECT count(*)::int AS n FROM contracts WHERE fiscal_year = 2026`)).rows;
    const t0 = Date.now();
    const frozen = await ctx.api('POST', '/controlling/rfk/2026/10/freeze', 'admin', { reason: 'benchmark: the province data set added after the demo froze October' });
    const freezeMs = Date.now() - t0;
    const readFrozen = stats(await repeat(50, (i) => ctx.api('GET', `/controlling/rfk?fiscalYear=2026&month=10&page=${1 + i * 7}&limit=100`, 'auditor')));
    const [{ id: snapshotId }] = (await ctx.pool.query(`SELECT id FROM rfk_snapshots WHERE fiscal_year = 2026 AND month = 10 ORDER BY version DESC LIMIT 1`)).rows;
    const snapshotSql = stats(await repeat(50, (i) => ctx.pool.query(frozenRowsSql(false), [snapshotId, null, null, 0, 100, 700 * i])));
    return {
      name: this.name,
      rows: [
        [`RFK live, whole province (${total} rows), page of 100, p50 / p95`, `${ms(rfk.p50)} / ${ms(rfk.p95)}`],
        ['raw SQL of the RFK (RFK_SQL: the figures, the roll-up and the page), p50 / p95', `${ms(sql.p50)} / ${ms(sql.p95)}`],
        ['ratio RFK / SQL (p50)', ratio(rfk.p50, sql.p50)],
        [`RFK live, one OPD (${opdCode}), page of 100, p50 / p95`, `${ms(rfkOpd.p50)} / ${ms(rfkOpd.p95)}`],
        ['raw SQL of the OPD\'s RFK (RFK_SQL for that OPD), p50 / p95', `${ms(sqlOpd.p50)} / ${ms(sqlOpd.p95)}`],
        ['ratio RFK of one OPD / SQL (p50)', ratio(rfkOpd.p50, sqlOpd.p50)],
        [`critical contracts (of ${contracts}), page of 50, p50 / p95`, `${ms(critical.p50)} / ${ms(critical.p95)}`],
        ['raw SQL of the list (package facts), p50 / p95', `${ms(criticalSql.p50)} / ${ms(criticalSql.p95)}`],
        ['ratio list / SQL (p50)', ratio(critical.p50, criticalSql.p50)],
        ['absorption per OPD, whole province, p50 / p95', `${ms(absorption.p50)} / ${ms(absorption.p95)}`],
        ['raw SQL of absorption (lineTotalsSql per OPD), p50 / p95', `${ms(absorptionRaw.p50)} / ${ms(absorptionRaw.p95)}`],
        ['ratio absorption / SQL (p50)', ratio(absorption.p50, absorptionRaw.p50)],
        ['early warnings, whole province, page of 100, p50 / p95', `${ms(warnings.p50)} / ${ms(warnings.p95)}`],
        ['raw SQL of the warnings (package facts, line figures), p50 / p95', `${ms(warningsRaw.p50)} / ${ms(warningsRaw.p95)}`],
        ['ratio warnings / SQL (p50)', ratio(warnings.p50, warningsRaw.p50)],
        [`freeze the province's RFK of a month (${(frozen.body as { rowCount?: number }).rowCount ?? '?'} rows, status ${frozen.status})`, ms(freezeMs)],
        ['RFK frozen, page of 100, p50 / p95', `${ms(readFrozen.p50)} / ${ms(readFrozen.p95)}`],
        ['raw SQL of the frozen page (the service\'s statement), p50 / p95', `${ms(snapshotSql.p50)} / ${ms(snapshotSql.p95)}`],
      ],
      notes: [`${N} sequential requests as the auditor for the live reports, 50 for the frozen one. A live RFK is one statement (RFK_SQL: the line figures, the roll-up, the numbering and the page), the baseline the same statement with the same parameters; a frozen month reads its stored rows.`],
    };
  },
};
