import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { EmbeddedPostgresHandle, EmbeddedStandbyHandle, loadConfig, runMigrations, startEmbeddedPostgres, startEmbeddedStandby, TempFolders } from '@grms/core';
import { createApp } from '../apps/api/src/create-app';
import { freePort } from './support/child-api';
import { prepareTemplate, TEST_APP_ROLE, withDatabase } from './support/database';
import { testDataDir } from './support/run-folder';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(240_000);

const REPORT_ROLE = 'grms_test_report';
const REPORT_PASSWORD = 'grms-test-report-password';
const TEMPLATE = 'grms_template_replica';

async function sql<T = Record<string, unknown>>(url: string, query: string, params?: unknown[]): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(query, params)).rows as T[];
  } finally {
    await c.end();
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`gave up waiting for ${what}`);
}

interface ReplicaHealth { status: string; standby: string; readsFrom: string; lagMs: number | null; maxLagMs: number; readsOnReplica: number; fallbacks: number }

// Issue 11, "Reports from a streaming replica": a real hot standby of the
// test's own primary, built with the low-level backup API and streaming on
// loopback; auditors' lists and exports are read from it once it has caught
// up, /health shows its lag, and reads fall back to the primary when it lags
// beyond the bound or is stopped.
describe('reports from a streaming read replica', () => {
  // both clusters (and their temp folders under root) go also when the test fails
  const temp = new TempFolders();
  afterAll(() => temp.removeAll());

  it('reads reports from the standby once it has caught up, shows its lag and falls back to the primary when it lags or stops', async () => {
    const roots = [temp.make('grms-replica-primary-'), temp.make('grms-replica-standby-')];
    const logs: string[] = [];
    const pg: EmbeddedPostgresHandle = temp.stopFirst(await startEmbeddedPostgres({ dataRoot: roots[0], port: await freePort(), database: 'postgres', ephemeral: true, log: (l) => void logs.push(l) }));
    const saved = { admin: process.env.GRMS_TEST_ADMIN_URL, template: process.env.GRMS_TEST_TEMPLATE };
    let standby: EmbeddedStandbyHandle | undefined;
    let t: TestApp | undefined;
    let tight: INestApplication | undefined;
    try {
      // the primary: migrated and seeded; a replication role, and the report role read-only by the privileges step
      await prepareTemplate(pg.adminUrl, TEMPLATE);
      await sql(pg.adminUrl, `CREATE ROLE grms_replicator LOGIN REPLICATION PASSWORD 'grms-test-replication'`);
      await sql(pg.adminUrl, `CREATE ROLE ${REPORT_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${REPORT_PASSWORD}'`);
      await runMigrations(withDatabase(pg.adminUrl, TEMPLATE), { appRole: TEST_APP_ROLE, reportRole: REPORT_ROLE });

      standby = temp.stopFirst(await startEmbeddedStandby({
        primaryAdminUrl: pg.adminUrl, primaryDataDir: pg.dataDir, replication: { user: 'grms_replicator', password: 'grms-test-replication' },
        dataRoot: roots[1], port: await freePort(), ephemeral: true, log: (l) => void logs.push(l),
      }));
      const standbyAdmin = standby.adminUrl;
      expect((await sql(standbyAdmin, `SELECT pg_is_in_recovery() AS r`))[0].r).toBe(true);
      const [walSender] = await sql(pg.adminUrl, `SELECT state FROM pg_stat_replication`);
      expect(walSender?.state).toBe('streaming');

      const reportUrl = (db: string): string => {
        const u = new URL(withDatabase(standbyAdmin, db));
        u.username = REPORT_ROLE;
        u.password = REPORT_PASSWORD;
        return u.toString();
      };
      process.env.GRMS_TEST_ADMIN_URL = pg.adminUrl;
      process.env.GRMS_TEST_TEMPLATE = TEMPLATE;
      t = await startTestApp((db) => ({ DATABASE_REPLICA_URL: reportUrl(db), REPLICA_MAX_LAG_MS: '60000' }));
      process.env.GRMS_TEST_ADMIN_URL = saved.admin;
      process.env.GRMS_TEST_TEMPLATE = saved.template;
      const app = t;
      const health = async (server = app.app.getHttpServer()): Promise<ReplicaHealth> => {
        const res = await request(server).get('/health');
        expect(res.status).toBe(200);
        return res.body.details.replica;
      };

      // the report role reads, withholds password hashes and writes nothing, on the standby as on the primary
      const onStandby = reportUrl(t.dbName);
      // the test database was created on the primary a moment ago: the standby has it once it has replayed that far
      const [{ lsn: created }] = await sql<{ lsn: string }>(pg.adminUrl, `SELECT pg_current_wal_insert_lsn()::text AS lsn`);
      await until('the standby to replay the creation of the test database', async () => (await sql(standbyAdmin, `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [created]))[0].ok);
      expect((await sql(onStandby, `SELECT count(*)::int AS n FROM budget_lines`))[0].n).toBeGreaterThan(0);
      await expect(sql(onStandby, `SELECT password_hash FROM users LIMIT 1`)).rejects.toThrow(/permission denied/);
      const onPrimaryAsReport = new URL(t.ownerUrl);
      onPrimaryAsReport.username = REPORT_ROLE;
      onPrimaryAsReport.password = REPORT_PASSWORD;
      await expect(sql(onPrimaryAsReport.toString(), `INSERT INTO fiscal_years DEFAULT VALUES`)).rejects.toThrow(/permission denied/);

      await until('the replica streaming', async () => (await health()).standby === 'streaming');

      // a write on the primary, read by the auditor from the standby once it has caught up
      const orgA = await t.orgId('A');
      const today = new Date().toISOString().slice(0, 10);
      const entry = async (description: string): Promise<string> => {
        const res = await app.post('/penatausahaan/bku/entries', { organizationId: orgA, entryDate: today, subLedger: 'TAX', direction: 'IN', amount: '1.00', description }, 'treasurer-a');
        expect(res.status).toBe(201);
        return res.body[0].id;
      };
      const auditOf = async (id: string, server?: unknown): Promise<number> => {
        const res = server
          ? await request(server as never).get(`/api/v1/audit/events?entityType=BkuEntry&entityId=${id}`).set('Authorization', `Bearer ${await app.token('auditor')}`)
          : await app.get(`/audit/events?entityType=BkuEntry&entityId=${id}`, 'auditor');
        expect(res.status).toBe(200);
        return res.body.meta.total;
      };
      const caughtUp = async (): Promise<void> => {
        const [{ lsn }] = await sql<{ lsn: string }>(pg.adminUrl, `SELECT pg_current_wal_insert_lsn()::text AS lsn`); // the insert position: test clusters commit asynchronously (synchronous_commit=off), so the write position may not yet include the commit record
        await until('the standby to replay the write', async () => (await sql(standbyAdmin, `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [lsn]))[0].ok);
      };
      const first = await entry('setoran pajak pertama');
      await caughtUp();
      let before = await health();
      expect(await auditOf(first)).toBe(1);
      const after = await health();
      expect(after.readsOnReplica).toBe(before.readsOnReplica + 1);
      expect(after.readsFrom).toBe('replica');
      expect(after.lagMs).toEqual(expect.any(Number));
      // an export by the treasurer reads from the standby too; the treasurer's own page reads the primary
      const csv = await t.get(`/penatausahaan/bku?organizationId=${orgA}&format=csv`, 'treasurer-a');
      expect(csv.status).toBe(200);
      expect(csv.text).toContain('setoran pajak pertama');
      expect((await health()).readsOnReplica).toBe(after.readsOnReplica + 1);

      // replay paused: the primary moves on, the standby does not; the auditor (within the bound) reads the standby's older state
      await sql(standbyAdmin, `SELECT pg_wal_replay_pause()`);
      const second = await entry('setoran pajak kedua');
      const page = await t.get(`/penatausahaan/bku?organizationId=${orgA}&limit=100`, 'treasurer-a');
      expect(page.body.entries.map((e: { id: string }) => e.id)).toContain(second);
      before = await health();
      expect(await auditOf(second)).toBe(0);
      expect((await health()).readsOnReplica).toBe(before.readsOnReplica + 1);
      const lagging = await until('/health to show the lag growing', async () => { const h = await health(); return (h.lagMs ?? 0) >= 500 && h; });
      expect(lagging.standby).toBe('streaming');

      // an API whose bound is 1 s finds the standby lagging and reads the primary
      const config = loadConfig({
        NODE_ENV: 'test', JWT_SECRET: 'test-secret-test-secret-test-secret-0123', DATABASE_URL: t.url, LOG_LEVEL: 'silent',
        GRMS_DATA_DIR: testDataDir(), DATABASE_REPLICA_URL: onStandby, REPLICA_MAX_LAG_MS: '1000',
      });
      tight = await createApp(config, t.url);
      await tight.init();
      const tightServer = tight.getHttpServer();
      const behind = await until('the tight API to see the standby lagging', async () => { const h = await health(tightServer); return h.standby === 'lagging' && h; });
      expect(behind.readsFrom).toBe('primary');
      expect(behind.lagMs).toBeGreaterThan(1000);
      expect(await auditOf(second, tightServer)).toBe(1);
      expect((await health(tightServer)).fallbacks).toBe(behind.fallbacks + 1);

      // replay resumed: caught up, read from the standby again, with the second write
      await sql(standbyAdmin, `SELECT pg_wal_replay_resume()`);
      await caughtUp();
      await until('the tight API to use the standby again', async () => (await health(tightServer)).standby === 'streaming');
      before = await health();
      expect(await auditOf(second)).toBe(1);
      expect((await health()).readsOnReplica).toBe(before.readsOnReplica + 1);

      // the standby stops: /health stays 200 and says so, the auditor still reads, from the primary
      await standby.stop();
      const down = await until('/health to show the standby unreachable', async () => { const h = await health(); return h.standby === 'unreachable' && h; });
      expect(down.readsFrom).toBe('primary');
      const third = await entry('setoran pajak ketiga');
      expect(await auditOf(third)).toBe(1);
      const afterDown = await health();
      expect(afterDown.fallbacks).toBe(down.fallbacks + 1);
      expect(afterDown.readsOnReplica).toBe(down.readsOnReplica);
    } finally {
      process.env.GRMS_TEST_ADMIN_URL = saved.admin;
      process.env.GRMS_TEST_TEMPLATE = saved.template;
      await tight?.close();
      await t?.close();
      await standby?.stop();
      await pg.stop();
    }
  });
});
