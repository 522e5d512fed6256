import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchContext, Benchmark } from './bench-context';
import { SIGNING_PGBENCH_SCRIPT } from './contract-signing-pgbench.script';
import { ms, stats } from './stats';

const CLIENTS = 16;
const PER_RUN = 320;

interface Draft { contractId: string; packageId: string; lineId: string }

// Draft contracts of 1,000.00 on one package on OPD A's roomiest 2026 line
// (the hot line), written in SQL as the project officer would draft them.
async function drafts(ctx: BenchContext, tag: string, n: number): Promise<Draft[]> {
  const { rows: [line] } = await ctx.pool.query(`
    SELECT l.id, l.organization_id, l.sub_activity_code, (l.appropriated - l.committed - l.disbursed)::text AS available
    FROM budget_lines l JOIN organizations o ON o.id = l.organization_id WHERE o.code = '1.01.0.00.0.00.01.0000' AND l.fiscal_year = 2026
    ORDER BY l.appropriated - l.committed - l.disbursed DESC LIMIT 1`);
  const { rows: [u] } = await ctx.pool.query(`SELECT (SELECT id FROM users WHERE username = 'project-officer-a') AS po, (SELECT id FROM users WHERE username = 'planner-a') AS planner`);
  const value = `${n * 1000}.00`;
  const { rows: [pkg] } = await ctx.pool.query(`
    INSERT INTO packages (code, fiscal_year, organization_id, sub_activity_code, name, location, type, mode, method, value, procurement_start, procurement_end,
      execution_start, execution_end, status, created_by)
    VALUES ('BENCH-' || $1 || '-' || nextval('package_code_seq'), 2026, $2, $3, 'bench package', '[]', 'GOODS', 'PROVIDER', 'TENDER', $4, '2026-01-01', '2026-01-31', '2026-02-01', '2026-12-31', 'ANNOUNCED', $5)
    RETURNING id`, [tag, line.organization_id, line.sub_activity_code, value, u.planner]);
  await ctx.pool.query(`INSERT INTO package_funding (package_id, budget_line_id, amount) VALUES ($1, $2, $3)`, [pkg.id, line.id, value]);
  const { rows: [v] } = await ctx.pool.query(`
    INSERT INTO vendors (kind, name, npwp, qualification, bank_accounts, created_by)
    VALUES ('COMPANY', 'bench vendor ' || $1, lpad((abs(hashtext($1 || now()::text)::bigint) % 1000000000000000)::text, 15, '9'), 'MEDIUM', '[{"bankName":"Bank Jateng","bankAccount":"999999999"}]', $2)
    ON CONFLICT (npwp) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [tag, u.po]);
  const { rows } = await ctx.pool.query(`
    WITH c AS (
      INSERT INTO contracts (number, package_id, vendor_id, fiscal_year, organization_id, signed_on, document_type, contract_type, original_value, value, dpp,
        start_date, end_date, retention_percent, bank_name, bank_account, created_by)
      SELECT 'BENCH/' || $1 || '/' || k, $2, $3, 2026, $4, '2026-03-01', 'SPK', 'LUMP_SUM', 1000, 1000, 1000, '2026-03-01', '2026-06-30', 0, 'Bank Jateng', '999999999', $5
      FROM generate_series(1, $6::int) k RETURNING id)
    INSERT INTO contract_funding (contract_id, budget_line_id, amount) SELECT id, $7, 1000 FROM c RETURNING contract_id AS "contractId"`,
  [tag, pkg.id, v.id, line.organization_id, u.po, n, line.id]);
  await ctx.pool.query(`INSERT INTO contract_termins (contract_id, termin_no, kind, percent, amount, progress_threshold) SELECT contract_id, 1, 'PROGRESS', 100, 1000, 100 FROM contract_funding WHERE contract_id = ANY($1::uuid[])`,
    [rows.map((r) => r.contractId)]);
  return rows.map((r) => ({ contractId: r.contractId, packageId: pkg.id, lineId: line.id }));
}

function pgbench(ctx: BenchContext, n: number): { tps: number | null; note: string } {
  const which = spawnSync('pgbench', ['--version'], { encoding: 'utf8' });
  if (which.status !== 0) return { tps: null, note: 'pgbench is not installed (Debian: apt-get install postgresql-client); no baseline measured' };
  const dir = ctx.temp.make('grms-pgbench-');
  const file = join(dir, 'sign.sql');
  writeFileSync(file, SIGNING_PGBENCH_SCRIPT);
  const u = new URL(ctx.databaseUrl);
  const res = spawnSync('pgbench', ['-n', '-M', 'extended', '-c', String(CLIENTS), '-j', '2', '-t', String(Math.floor(n / CLIENTS)),
    '-h', u.hostname, '-p', u.port, '-U', decodeURIComponent(u.username), '-f', file, u.pathname.slice(1)],
  { encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } });
  rmSync(dir, { recursive: true, force: true }); // the script's folder, left in the temp dir at every run before
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(res.stdout);
  return m ? { tps: Number(m[1]), note: `${which.stdout.trim()}, ${CLIENTS} clients` } : { tps: null, note: `pgbench failed: ${(res.stderr || res.stdout).slice(0, 400)}` };
}

// Contract signing on one hot budget line at 16 concurrent clients through
// the API (each signing locks the contract, its package and the line, checks
// the available budget, posts COMMITMENT), beside pgbench running the same
// SQL transaction.
export const contractSigningBench: Benchmark = {
  name: 'Contract signing on a hot line at 16 concurrent clients',
  async run(ctx) {
    const api = await drafts(ctx, `api-${Date.now()}`, PER_RUN);
    const sql = await drafts(ctx, `sql-${Date.now()}`, PER_RUN);
    await ctx.pool.query(`CREATE TABLE IF NOT EXISTS bench_sign_queue (n bigint PRIMARY KEY, contract_id uuid, package_id uuid, line_id uuid, amount numeric(20,2))`);
    await ctx.pool.query(`TRUNCATE bench_sign_queue`);
    await ctx.pool.query(`DROP SEQUENCE IF EXISTS bench_sign_queue_seq`);
    await ctx.pool.query(`CREATE SEQUENCE bench_sign_queue_seq`);
    await ctx.pool.query(`INSERT INTO bench_sign_queue SELECT row_number() OVER (), c, p, l, 1000 FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS x(c, p, l)`,
      [sql.map((d) => d.contractId), sql.map((d) => d.packageId), sql.map((d) => d.lineId)]);
    await ctx.pool.query('ANALYZE');
    let next = 0;
    let failed = 0;
    const latencies: number[] = [];
    const t0 = process.hrtime.bigint();
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < api.length; i = next++) {
        const s = process.hrtime.bigint();
        const res = await ctx.api('POST', `/delivery/contracts/${api[i].contractId}/sign`, 'budget-user-a', {});
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
        if (res.status !== 200) failed++;
      }
    }));
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const pg = pgbench(ctx, PER_RUN);
    const S = stats(latencies);
    const rate = (api.length - failed) / seconds;
    return {
      name: this.name,
      rows: [
        [`API, ${api.length} signings on one line: throughput`, `${rate.toFixed(1)} signings/s (p50 ${ms(S.p50)}, p95 ${ms(S.p95)}, ${failed} failed)`],
        ['pgbench, the same SQL transaction', pg.tps === null ? 'n/a' : `${pg.tps.toFixed(1)} signings/s`],
        ['API / pgbench', pg.tps ? `${((rate / pg.tps) * 100).toFixed(0)}% of pgbench` : 'n/a'],
      ],
      notes: [`Every signing serializes on the package row and the budget-line row; pgbench: ${pg.note}.`],
    };
  },
};
