import { loadConfig, runMigrations, startEmbeddedStandby } from '@grms/core';
import { createServer } from 'node:net';
import { createApp } from '../../../api/src/create-app';
import { Benchmark } from './bench-context';
import { ms, ratio, repeat, stats } from './stats';

const REPORT_ROLE = 'grms_bench_report';
const REPLICATOR = 'grms_bench_replicator';
const SECRET = 'grms-bench-replica';

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => res(p)); });
    s.on('error', rej);
  });
}

function withUser(url: string, user: string, password: string, port?: number, db?: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  if (port) u.port = String(port);
  if (db) u.pathname = `/${db}`;
  return u.toString();
}

// `npm run bench -- --replica`: a hot standby of the bench database (base
// backup with the low-level API, streaming on loopback, decision 0053) and a
// second API reading auditors' reports from it, beside the same requests on
// the primary's API.
export const replicaReportsBench: Benchmark = {
  name: 'Reports from a streaming replica',
  async run(ctx) {
    const primary = (await ctx.pool.query(`SELECT current_setting('data_directory') AS dir, (SELECT pg_database_size(current_database())) AS bytes`)).rows[0];
    for (const [role, attrs] of [[REPORT_ROLE, 'LOGIN'], [REPLICATOR, 'LOGIN REPLICATION']]) {
      await ctx.pool.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} ${attrs} PASSWORD '${SECRET}'; END IF; END $$`);
    }
    await runMigrations(ctx.databaseUrl, { reportRole: REPORT_ROLE });
    // the standby (a copy of the whole database) is stopped and removed, with its cluster's temp folder under root,
    // with the run's temp folders at its end, also when this benchmark throws
    const root = ctx.temp.make('grms-bench-standby-');
    const t0 = Date.now();
    const standby = ctx.temp.stopFirst(await startEmbeddedStandby({
      primaryAdminUrl: withUser(ctx.databaseUrl, new URL(ctx.databaseUrl).username, decodeURIComponent(new URL(ctx.databaseUrl).password), undefined, 'postgres'),
      primaryDataDir: primary.dir, replication: { user: REPLICATOR, password: SECRET }, dataRoot: root, port: await freePort(), log: () => undefined,
    }));
    const buildSeconds = (Date.now() - t0) / 1000;
    const replicaUrl = withUser(ctx.databaseUrl, REPORT_ROLE, SECRET, Number(new URL(standby.adminUrl).port));
    const config = loadConfig({
      ...process.env, NODE_ENV: 'test', DATABASE_URL: ctx.databaseUrl, DATABASE_REPLICA_URL: replicaUrl, LOG_LEVEL: 'silent',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00', GRMS_DATA_DIR: root, DB_POOL_SIZE: '32',
    });
    const app = await createApp(config, ctx.databaseUrl);
    try {
      await app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
      const replica = async () => ((await (await fetch(`${base}/health`)).json()) as { details: { replica: { standby: string; lagMs: number | null; readsOnReplica: number } } }).details.replica;
      while ((await replica()).standby !== 'streaming') await new Promise((r) => setTimeout(r, 200));
      const token = await ctx.token('auditor');
      const get = (root: string, path: string) => fetch(`${root}${path}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.text());
      const [org] = (await ctx.pool.query(`SELECT organization_id AS id, count(*) FROM budget_lines GROUP BY 1 ORDER BY 2 DESC LIMIT 1`)).rows;
      const path = (i: number) => `/budget-lines?fiscalYear=2026&organizationId=${org.id}&page=${1 + (i % 5)}&limit=50`;
      const N = 200;
      await get(ctx.baseUrl, path(0));
      await get(`${base}/api/v1`, path(0));
      const onPrimary = stats(await repeat(N, (i) => get(ctx.baseUrl, path(i))));
      const before = (await replica()).readsOnReplica;
      const onReplica = stats(await repeat(N, (i) => get(`${base}/api/v1`, path(i))));
      const after = await replica();
      const exportPath = `/budget-lines?fiscalYear=2026&organizationId=${org.id}&format=csv`;
      const exportPrimary = stats(await repeat(10, () => get(ctx.baseUrl, exportPath)));
      const exportReplica = stats(await repeat(10, () => get(`${base}/api/v1`, exportPath)));
      return {
        name: this.name,
        rows: [
          ['standby built (base backup with the low-level API, database of ' + `${(Number(primary.bytes) / 2 ** 20).toFixed(0)} MB) and streaming`, `${buildSeconds.toFixed(1)} s`],
          ['auditor, one OPD, page of 50: primary / replica, p50', `${ms(onPrimary.p50)} / ${ms(onReplica.p50)} (${ratio(onReplica.p50, onPrimary.p50)})`],
          ['the same, p95', `${ms(onPrimary.p95)} / ${ms(onReplica.p95)}`],
          ['CSV export of one OPD\'s lines: primary / replica, p50', `${ms(exportPrimary.p50)} / ${ms(exportReplica.p50)}`],
          ['reads served by the replica / lag at the end', `${after.readsOnReplica - before}/${N} / ${after.lagMs ?? '-'} ms`],
        ],
        notes: ['Both APIs run in this process over the same primary; the standby runs on the same two cores, so this shows the cost of the route and the second pool, not the relief a standby on its own machine gives the primary.'],
      };
    } finally {
      await app.close();
      await standby.stop();
      await ctx.pool.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE NOT active`);
    }
  },
};
