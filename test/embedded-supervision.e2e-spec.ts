import { EmbeddedPostgresHandle, startEmbeddedPostgres, TempFolders } from '@grms/core';
import { freePort } from './support/child-api';
import { prepareTemplate } from './support/database';
import { approvedSpm, allottedLine, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(240_000);

const N = 16;

// Issue 12, item 11: the embedded PostgreSQL is supervised as `npm start`
// supervises it (main.ts passes the same `supervise` option): kill -9 of its
// postmaster during a burst of payments, and the API is healthy again within
// seconds without being restarted, with every acknowledged payment kept.
describe('embedded PostgreSQL under supervision', () => {
  // the cluster (and its temp folder under root) goes also when the test fails
  const temp = new TempFolders();
  afterAll(() => temp.removeAll());

  it('kill -9 of the postmaster during a burst of SP2D: restarted with crash recovery, /health back to 200, every acknowledged payment there', async () => {
    const dataRoot = temp.make('grms-supervised-');
    const logs: string[] = [];
    const restarts: number[] = [];
    let fatal: Error | undefined;
    // durable (fsync on) so that crash recovery is the real one
    const pg: EmbeddedPostgresHandle = temp.stopFirst(await startEmbeddedPostgres({
      dataRoot, port: await freePort(), database: 'postgres', log: (l) => void logs.push(l),
      supervise: { onRestart: (pid) => void restarts.push(pid), onFatal: (e) => { fatal = e; } },
    }));
    const saved = { admin: process.env.GRMS_TEST_ADMIN_URL, template: process.env.GRMS_TEST_TEMPLATE };
    let t: TestApp | undefined;
    try {
      await prepareTemplate(pg.adminUrl, 'grms_template_supervised');
      process.env.GRMS_TEST_ADMIN_URL = pg.adminUrl;
      process.env.GRMS_TEST_TEMPLATE = 'grms_template_supervised';
      t = await startTestApp();
      process.env.GRMS_TEST_ADMIN_URL = saved.admin;
      process.env.GRMS_TEST_TEMPLATE = saved.template;
      await t.superSql('CHECKPOINT'); // see the note in penatausahaan-crash.e2e-spec.ts

      const orgA = await t.orgId('A');
      const lineId = await allottedLine(t, '12000000.00', '1000000.00');
      const spmIds: string[] = [];
      for (let i = 0; i < N; i++) spmIds.push((await approvedSpm(t, { type: 'LS', organizationId: orgA, payee: SUPPLIER, lines: [{ budgetLineId: lineId, amount: '10000.00' }] })).spmId);
      await t.token('cash-authority');
      await t.token('auditor');

      const killedPid = pg.pid;
      let killed = false;
      const results = await Promise.all(spmIds.map(async (spmId, i) => {
        await new Promise((r) => setTimeout(r, i * 5));
        const res = await t!.post('/penatausahaan/sp2d', { spmId }, 'cash-authority', { 'Idempotency-Key': `supervised-${i}` });
        if (!killed) { killed = true; process.kill(killedPid, 'SIGKILL'); }
        return { status: res.status, id: res.body?.id as string | undefined };
      }));
      expect(results.some((r) => r.status !== 201)).toBe(true); // the kill cut into the burst

      // the same API, never restarted: healthy again within 30 s, on the restarted server
      // (a backend of the dead postmaster may still answer for a moment, so wait for the restart too)
      const deadline = Date.now() + 30_000;
      let health = 0;
      while (Date.now() < deadline) {
        health = (await t.get('/health')).status;
        if (health === 200 && restarts.length > 0) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(health).toBe(200);
      expect(fatal).toBeUndefined();
      expect(restarts).toHaveLength(1);
      expect(pg.pid).not.toBe(killedPid);
      expect(logs.some((l) => /died: .*SIGKILL.*restarting it/.test(l))).toBe(true);
      expect(logs.some((l) => /PostgreSQL restarted \(pid \d+\)/.test(l))).toBe(true);

      // every payment the client saw acknowledged survived the crash
      const acknowledged = results.filter((r) => r.status === 201).map((r) => r.id!);
      expect(acknowledged.length).toBeGreaterThan(0);
      const kept = await t.superSql<{ id: string }>(`SELECT id FROM sp2d WHERE id = ANY($1::uuid[]) AND status = 'ISSUED'`, [acknowledged]);
      expect(kept.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
      // and the books still agree, through the same API
      expect((await t.get('/ledger/verify', 'auditor')).body.valid).toBe(true);
      expect((await t.get('/audit/verify', 'auditor')).body).toMatchObject({ valid: true });
    } finally {
      process.env.GRMS_TEST_ADMIN_URL = saved.admin;
      process.env.GRMS_TEST_TEMPLATE = saved.template;
      await t?.close().catch(() => undefined);
      await pg.stop();
    }
  });
});
