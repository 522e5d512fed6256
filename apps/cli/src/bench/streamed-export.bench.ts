import { Benchmark } from './bench-context';
import { ms } from './stats';

const ROWS = 250_000;
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

// A 250,000-row XLSX download of budget lines, streamed: the file is read off
// the socket and thrown away as it arrives, while the RSS of the process
// (the API, with this client in it) is sampled. The lines of later years are
// copies of 2026's, added for this benchmark and removed after it.
export const streamedExportBench: Benchmark = {
  name: 'XLSX download of 250,000 budget lines (streamed)',
  async run(ctx) {
    const have = Number((await ctx.pool.query(`SELECT count(*) FROM budget_lines`)).rows[0].count);
    const years = [2096, 2097, 2098, 2099]; // years no data set uses
    await ctx.pool.query(`INSERT INTO fiscal_years (year, status) SELECT y, 'PLANNING' FROM unnest($1::int[]) y ON CONFLICT (year) DO NOTHING`, [years]);
    await ctx.pool.query(
      `INSERT INTO budget_lines (fiscal_year, organization_id, sub_activity_code, account_code, funding_source_code)
       SELECT y, b.organization_id, b.sub_activity_code, b.account_code, b.funding_source_code
       FROM unnest($1::int[]) y CROSS JOIN (SELECT * FROM budget_lines WHERE fiscal_year = 2026) b
       ORDER BY y LIMIT $2 ON CONFLICT DO NOTHING`, [years, Math.max(0, ROWS - have)]);
    try {
      const total = Number((await ctx.pool.query(`SELECT count(*) FROM budget_lines`)).rows[0].count);
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
      const t0 = Date.now();
      const res = await fetch(`${ctx.baseUrl}/budget-lines?format=xlsx`, { headers: { authorization: `Bearer ${await ctx.token('auditor')}` } });
      let bytes = 0;
      const reader = res.body!.getReader();
      for (;;) { const { done, value } = await reader.read(); if (done) break; bytes += value.byteLength; }
      const took = Date.now() - t0;
      clearInterval(sampler);
      return {
        name: this.name,
        rows: [
          ['rows in the file (every budget line of every year)', `${total} (status ${res.status})`],
          ['download time, file size', `${ms(took)}, ${mb(bytes)} (${(total / (took / 1000)).toFixed(0)} rows/s)`],
          ['process RSS before / peak during the download', `${mb(before)} / ${mb(peak)}`],
          ['RSS growth during the download', mb(peak - before)],
        ],
        notes: [
          'Read in keyset pages of 2,000 rows from one read-only snapshot and written by the streaming XLSX writer as they come (decision 0060); the RSS is that of the bench process, which serves the API and runs this client.',
        ],
      };
    } finally {
      await ctx.pool.query(`DELETE FROM budget_lines WHERE fiscal_year = ANY($1::int[])`, [years]);
      await ctx.pool.query(`DELETE FROM fiscal_years WHERE year = ANY($1::int[])`, [years]).catch(() => undefined);
    }
  },
};
