import { AuditService, loadConfig, runMigrations, startEmbeddedPostgres, TempFolders, TransactionService } from '@grms/core';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../../api/src/create-app';
import { DemoSeedService } from '../../../api/src/seed/demo-seed.service';
import { generateDataset } from '../dataset/generate-dataset';
import { SCALES } from '../dataset/province-dataset';
import { BenchContext, Benchmark, BenchResult } from './bench-context';
import { BENCHMARKS } from './benchmarks';
import { replicaReportsBench } from './replica-reports.bench';

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => res(p)); });
    s.on('error', rej);
  });
}

const say = (s: string) => process.stdout.write(`${s}\n`);

// `grms bench`: a fresh embedded PostgreSQL, the demo seed, the province data
// set, then every benchmark beside its raw-SQL baseline; figures go to
// docs/benchmarks.md. Not a test: nothing here asserts a time.
export async function runBench(argv: string[]): Promise<void> {
  const only = argv.find((a) => a.startsWith('--only='))?.slice(7);
  const scaleName = argv.find((a) => a.startsWith('--scale='))?.slice(8) ?? 'province';
  const out = resolve(argv.find((a) => a.startsWith('--out='))?.slice(6) ?? 'docs/benchmarks.md');
  // the run's temp folders: the cluster's data root and what the benchmarks make, removed at the end
  const temp = new TempFolders();
  const dataRoot = temp.make('grms-bench-');
  try {
    const pg = temp.stopFirst(await startEmbeddedPostgres({ dataRoot, port: await freePort(), database: 'grms', log: (l) => { if (/FATAL|PANIC/.test(l)) say(l); } }));
    await runMigrations(pg.url);
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: pg.url, LOG_LEVEL: 'silent', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00', GRMS_DATA_DIR: dataRoot, DB_POOL_SIZE: '32' });
    const app = await createApp(config, pg.url);
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api/v1`;
    say('seeding the demo province ...');
    await app.get(DemoSeedService).seed();
    say(`generating the ${scaleName} data set ...`);
    const t0 = Date.now();
    const counts = await generateDataset(app.get(DataSource), app.get(TransactionService), app.get(AuditService), { scale: SCALES[scaleName], fiscalYear: 2026, prefix: '91' });
    const genSeconds = (Date.now() - t0) / 1000;
    await app.get(DataSource).query('ANALYZE');
    const pool = new Pool({ connectionString: pg.url, max: 20 });
    pool.on('error', () => undefined); // issue 11: the server stopping after a failed benchmark must not hide that benchmark's error
    const tokens = new Map<string, string>();
    const api: BenchContext['api'] = async (method, path, user, body, headers = {}) => {
      const res = await fetch(baseUrl + path, {
        method, headers: { authorization: `Bearer ${await token(user)}`, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    const token = async (u: string) => {
      if (!tokens.has(u)) {
        const r = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: 'grms-demo' }) });
        tokens.set(u, ((await r.json()) as { accessToken: string }).accessToken);
      }
      return tokens.get(u)!;
    };
    const ctx: BenchContext = { app, baseUrl, pool, databaseUrl: pg.url, token, api, temp };
    ctx.dataDir = dataRoot; // issue 11: the XLSX benchmark starts the API in its own process with the same audit keys
    const results: BenchResult[] = [];
    // `--replica`: one more row, reports read from a streaming standby (decision 0053)
    const benchmarks = argv.includes('--replica') ? [...BENCHMARKS, replicaReportsBench] : BENCHMARKS;
    for (const b of benchmarks.filter((x: Benchmark) => !only || only.toLowerCase().split(',').some((o) => x.name.toLowerCase().includes(o)))) {
      say(`running: ${b.name}`);
      const r = await b.run(ctx);
      for (const [k, v] of r.rows) say(`  ${k}: ${v}`);
      results.push(r);
    }
    const [{ server_version: version }] = (await pool.query(`SHOW server_version`)).rows;
    await pool.end();
    await app.close();
    const md = [
      '# Benchmarks',
      '',
      'Measured by `npm run bench` (`grms bench`): it starts a fresh embedded PostgreSQL, seeds the demo province,',
      `generates the ${scaleName} data set (${counts.organizations} organizations, ${counts.documents} approved budget documents,`,
      `${counts.budgetLines} budget lines, ${counts.items} budget items, ${counts.paymentLines} LS payment lines with their SP2Ds; generated in ${genSeconds.toFixed(1)} s), serves the API on a local port,`,
      'and runs each benchmark beside a raw-SQL baseline in the same process. Benchmarks are measurements, never test assertions.',
      '',
      `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; PostgreSQL ${version} (embedded, default settings, fsync on).`,
      `Load average when the benchmarks ended: ${loadavg().map((x) => x.toFixed(1)).join(', ')}.`,
      `Run on ${new Date().toISOString().slice(0, 10)}. Reproduce: \`npm ci && npm run bench\` (add \`-- --only=<name>[,<name>...]\` for some benchmarks: parts of their titles).`,
      '',
      ...results.flatMap((r) => ['', `## ${r.name}`, '', '| what | figure |', '| --- | --- |', ...r.rows.map(([k, v]) => `| ${k} | ${v} |`), ...(r.notes?.length ? ['', ...r.notes] : [])]),
      '',
      '## Reading the figures',
      '',
      '- Reads: a list page is one statement (page and count together, read off the list-order index; decision 0060) and the user behind a token is read at most every AUTH_CACHE_MS (decision 0061);',
      '  what remains beside the SQL is HTTP, validation, the organization scope and JSON.',
      '- Writes no longer queue on the audit chain: records carry their own keyed hash and one sequencer chains them after commit (decision 0021;',
      '  the lag is the "Audit chaining lag" row). pgbench running the same SQL transaction, audit insert included, shows the ceiling on this',
      '  disk; the API reaches the share of it given above, the rest being HTTP, JSON, checks and the separate',
      '  statements the services issue. The hot-line case adds the budget-line row lock that keeps concurrent payments from overspending.',
      '- The catalogue import validates and versions every row in one transaction; COPY only moves text into a bare table.',
      // issue 11: how to read figures taken on a shared machine
      '- The machine is shared with other work while the benchmarks run (its load average is printed at the top): absolute times move with that load,',
      '  so read each row beside its baseline of the same run; the ratios are what carries from one run to the next.',
      '',
    ].join('\n');
    if (!only) writeFileSync(out, md);
    say(only ? md : `written to ${out}`);
  } finally {
    // stops the cluster, then removes the data root with the cluster (2 GB with the province), which lives
    // in a temp folder of its own when the data root is not reachable for its OS user, as under root
    await temp.removeAll();
  }
}
