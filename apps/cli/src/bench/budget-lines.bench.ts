import { BUDGET_LINE_KEYSET, BUDGET_LINE_SELECT } from '@grms/budget';
import { encodeCursor, listPage, SqlWhere } from '@grms/core';
import { startApiProcess } from './api-process';
import { autocannon, pacedLoad } from './autocannon-run';
import { Benchmark } from './bench-context';
import { JsonClient, jsonClient } from './json-client';
import { cpuOf } from './sp2d-cpu';
import { ms, ratio, repeat, stats } from './stats';

// Listing budget lines with filters, a page of 50, through the API (auth,
// validation, scope, JSON) beside the same SQL statement run directly; then
// under an offered load, and deep pages by cursor beside the first page.
export const budgetLinesBench: Benchmark = {
  name: 'List budget lines (filters, page of 50)',
  async run(ctx) {
    const [org] = (await ctx.pool.query(`SELECT organization_id AS id, count(*) FROM budget_lines GROUP BY 1 ORDER BY 2 DESC LIMIT 1`)).rows;
    const path = (i: number) => `/budget-lines?fiscalYear=2026&organizationId=${org.id}&accountCode=5.1.02&page=${1 + (i % 5)}&limit=50`;
    await ctx.api('GET', path(0), 'auditor');
    const N = 200;
    const api = stats(await repeat(N, (i) => ctx.api('GET', path(i), 'auditor')));
    // the statement the API sends (listPage builds it the same way), over one pooled connection
    const db = { query: async (sql: string, params?: unknown[]) => (await ctx.pool.query(sql, params)).rows };
    const where = new SqlWhere().add('b.fiscal_year = ?', 2026).add('b.organization_id = ?', org.id).add(`(b.account_code = ? OR b.account_code LIKE ? || '.%')`, '5.1.02');
    const sql = stats(await repeat(N, (i) => listPage(db, BUDGET_LINE_KEYSET, { page: 1 + (i % 5), limit: 50 }, { select: BUDGET_LINE_SELECT, countFrom: 'budget_lines b', where })));

    const token = await ctx.token('auditor');
    // the API runs in this process and autocannon in its own: this process's CPU over the load row is the API's (decision 0065)
    const cpuBefore = process.cpuUsage();
    const load = await autocannon(ctx.baseUrl + path(0), token, { connections: 10, seconds: 30, rate: 100 });
    const cpu = process.cpuUsage(cpuBefore);

    // the whole province: page 1 (with its total), the page after a cursor near the start, and after one near the end
    const count = Number((await ctx.pool.query(`SELECT count(*) FROM budget_lines WHERE fiscal_year = 2026`)).rows[0].count);
    const keyAt = async (offset: number) => (await ctx.pool.query(
      `SELECT b.fiscal_year AS "fiscalYear", b.organization_code AS "organizationCode", b.sub_activity_code AS "subActivityCode", b.account_code AS "accountCode",
         b.funding_source_code AS "fundingSourceCode", b.id FROM budget_lines b WHERE b.fiscal_year = 2026
       ORDER BY b.fiscal_year, b.organization_code, b.sub_activity_code, b.account_code, b.funding_source_code, b.id OFFSET $1 LIMIT 1`, [offset])).rows[0];
    const early = encodeCursor(BUDGET_LINE_KEYSET, await keyAt(49));
    const deepOffsets = [0.5, 0.7, 0.9, 0.99].map((f) => Math.floor(count * f));
    const deep = await Promise.all(deepOffsets.map(async (o) => encodeCursor(BUDGET_LINE_KEYSET, await keyAt(o))));
    const first = stats(await repeat(50, () => ctx.api('GET', '/budget-lines?fiscalYear=2026&limit=50', 'auditor')));
    const second = stats(await repeat(50, () => ctx.api('GET', `/budget-lines?fiscalYear=2026&limit=50&cursor=${early}`, 'auditor')));
    const deepCursor = stats(await repeat(50, (i) => ctx.api('GET', `/budget-lines?fiscalYear=2026&limit=50&cursor=${deep[i % deep.length]}`, 'auditor')));
    const deepNumbered = stats(await repeat(20, (i) => ctx.api('GET', `/budget-lines?fiscalYear=2026&limit=50&page=${Math.floor(deepOffsets[i % deepOffsets.length] / 50)}`, 'auditor')));
    const deepSql = stats(await repeat(50, (i) => listPage(db, BUDGET_LINE_KEYSET, { page: 1, limit: 50, cursor: deep[i % deep.length] }, { select: BUDGET_LINE_SELECT, countFrom: 'budget_lines b', where: new SqlWhere().add('b.fiscal_year = ?', 2026), pinned: { 'b.fiscal_year': 2026 } })));
    // The same page with the API in a process of its own, warmed up, so that neither the HTTP client of these
    // requests nor the bench driver shares its event loop (decision 0066): alternating with the statement.
    const own = await startApiProcess(ctx.databaseUrl, ctx.dataDir!);
    let ownRows: [string, string][] = [];
    let client: JsonClient | undefined;
    try {
      const ownToken = await own.token('auditor');
      // node:http over one keep-alive socket, the answer read to its last byte (decision 0032): the client's own
      // work per request is not the API's, as the SQL baseline's client (pg over one pooled connection) is light too
      client = jsonClient(own.baseUrl, 1);
      const get = async (i: number) => {
        const r = await client!.get(path(i), { authorization: `Bearer ${ownToken}` });
        if (r.status !== 200 || r.bytes === 0) throw new Error(`list page: ${r.status}`);
      };
      const fetchGet = async (i: number) => {
        const r = await fetch(own.baseUrl + path(i), { headers: { authorization: `Bearer ${ownToken}` } });
        if (r.status !== 200) throw new Error(`list page: ${r.status}`);
        await r.arrayBuffer();
      };
      for (let i = 0; i < 500; i++) await get(i);
      const ownApi: number[] = [];
      const ownSql: number[] = [];
      const ownFetch: number[] = [];
      for (let i = 0; i < N; i++) {
        let t = performance.now();
        await get(i);
        ownApi.push(performance.now() - t);
        t = performance.now();
        await listPage(db, BUDGET_LINE_KEYSET, { page: 1 + (i % 5), limit: 50 }, { select: BUDGET_LINE_SELECT, countFrom: 'budget_lines b', where });
        ownSql.push(performance.now() - t);
        t = performance.now();
        await fetchGet(i);
        ownFetch.push(performance.now() - t);
      }
      const a = stats(ownApi);
      const q = stats(ownSql);
      const f = stats(ownFetch);
      const t0 = cpuOf(own.pid);
      const ownLoad = await autocannon(own.baseUrl + path(0), ownToken, { connections: 10, seconds: 30, rate: 100 });
      const ownCpuMs = (cpuOf(own.pid) - t0) / Math.max(1, ownLoad.requests); // clock ticks of 10 ms
      const paced = await pacedLoad(own.baseUrl + path(0), ownToken, { connections: 10, seconds: 30, rate: 100 });
      ownRows = [
        ['API in its own process (warmed up by 500 requests), one OPD, p50 / p95', `${ms(a.p50)} / ${ms(a.p95)}`],
        ['the same SQL statement, alternating with it, p50 / p95', `${ms(q.p50)} / ${ms(q.p95)}`],
        ['ratio API in its own process / SQL (p50)', ratio(a.p50, q.p50)],
        ['the same pages, alternating, sent by fetch as before decision 0032 (the client\'s own work included), p50; ratio to the SQL', `${ms(f.p50)}; ${ratio(f.p50, q.p50)}`],
        ['API in its own process at 100 requests/s offered for 30 s: delivered, p50 / p99', `${ownLoad.rps.toFixed(1)}/s, ${ms(ownLoad.p50)} / ${ms(ownLoad.p99)} (${ownLoad.requests} requests, ${ownLoad.non2xx} not 2xx, ${ownLoad.errors} errors)`],
        ['API in its own process: CPU per request during that load (from /proc, 10 ms ticks)', `${ownCpuMs.toFixed(2)} ms`],
        ['API in its own process at 100 requests/s evenly paced (one every 10 ms, 10 connections, latency from when each was due): delivered, p50 / p99 / max',
          `${paced.rps.toFixed(1)}/s, ${ms(paced.p50)} / ${ms(paced.p99)} / ${ms(paced.max)} (${paced.requests} requests, ${paced.non2xx} not 2xx, ${paced.errors} errors)`],
      ];
    } finally {
      client?.close();
      await own.stop();
    }
    return {
      name: this.name,
      rows: [
        ['API, one OPD, account prefix, p50 / p95', `${ms(api.p50)} / ${ms(api.p95)}`],
        ['the same SQL statement (page and count), p50 / p95', `${ms(sql.p50)} / ${ms(sql.p95)}`],
        ['ratio API / SQL (p50)', ratio(api.p50, sql.p50)],
        ['API at 100 requests/s offered for 30 s (10 connections): delivered, p50 / p99', `${load.rps.toFixed(1)}/s, ${ms(load.p50)} / ${ms(load.p99)} (${load.requests} requests, ${load.non2xx} not 2xx, ${load.errors} errors)`],
        ['API process CPU per request during the load row (user + system; does not depend on the load)', `${((cpu.user + cpu.system) / 1000 / Math.max(1, load.requests)).toFixed(2)} ms`],
        [`API, whole province (${count} lines), page 1 with total, p50 / p95`, `${ms(first.p50)} / ${ms(first.p95)}`],
        ['API, whole province, cursor page after line 50, p50 / p95', `${ms(second.p50)} / ${ms(second.p95)}`],
        ['API, whole province, cursor pages at 50-99% deep, p50 / p95', `${ms(deepCursor.p50)} / ${ms(deepCursor.p95)}`],
        ['deep cursor page / cursor page after line 50 (p50)', ratio(deepCursor.p50, second.p50)],
        ['keyset SQL of the deep pages, p50 / p95', `${ms(deepSql.p50)} / ${ms(deepSql.p95)}`],
        ['API, whole province, the same deep pages by number (OFFSET), p50 / p95', `${ms(deepNumbered.p50)} / ${ms(deepNumbered.p95)}`],
        ...ownRows,
      ],
      notes: [
        `${N} sequential requests as the auditor (province-wide scope); the SQL baseline sends the statement the API sends (listPage: the page and its count in one statement) over one pooled connection.`,
        'The load row runs autocannon 8 in a process of its own at a fixed offered rate; a cursor page carries no total (decision 0060), a numbered page counts its matches in the same statement.',
        "autocannon's -R 100 lets each of the 10 connections send its 10 requests of a second back to back, then pause: bursts of 10 concurrent requests, and its latency histogram is corrected as if a request were due every millisecond. The evenly paced row (decision 0068) offers the same 100 requests/s one every 10 ms and counts each latency from when the request was due.",
      ],
    };
  },
};
