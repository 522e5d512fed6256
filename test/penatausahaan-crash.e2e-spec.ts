import { EmbeddedPostgresHandle, startEmbeddedPostgres, TempFolders } from '@grms/core';
import { call, ChildApi, freePort, startChildApi } from './support/child-api';
import { prepareTemplate } from './support/database';
import { allottedLine, approvedSpm, line, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

const N = 16;

/** N approved LS SPMs of 10,000.00 on one line. */
async function spms(t: TestApp): Promise<{ lineId: string; spmIds: string[] }> {
  const orgA = await t.orgId('A');
  const lineId = await allottedLine(t, '12000000.00', '1000000.00');
  const spmIds: string[] = [];
  for (let i = 0; i < N; i++) spmIds.push((await approvedSpm(t, { type: 'LS', organizationId: orgA, payee: SUPPLIER, lines: [{ budgetLineId: lineId, amount: '10000.00' }] })).spmId);
  return { lineId, spmIds };
}

/** No document without its ledger and BKU entries, no entries without their document, no key without its effect. */
async function consistent(t: TestApp, spmIds: string[], prefix: string): Promise<void> {
  const q = async (sql: string, p: unknown[] = []) => t.sql(sql, p);
  expect(await q(`SELECT d.id FROM sp2d d WHERE d.spm_id = ANY($1::uuid[]) AND
      (SELECT count(*) FROM ledger_entries e WHERE e.source_type = 'Sp2d' AND e.source_id = d.id::text) <> 2`, [spmIds])).toEqual([]);
  expect(await q(`SELECT e.source_id FROM ledger_entries e WHERE e.source_type = 'Sp2d' AND NOT EXISTS (SELECT 1 FROM sp2d d WHERE d.id::text = e.source_id)`)).toEqual([]);
  expect(await q(`SELECT d.id FROM sp2d d WHERE d.spm_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM bku_entries b WHERE b.source_type = 'Sp2d' AND b.source_id = d.id::text)`, [spmIds])).toEqual([]);
  expect(await q(`SELECT b.source_id FROM bku_entries b WHERE b.source_type = 'Sp2d' AND NOT EXISTS (SELECT 1 FROM sp2d d WHERE d.id::text = b.source_id)`)).toEqual([]);
  expect(await q(`SELECT p.id FROM spm m JOIN spp p ON p.id = m.spp_id WHERE m.id = ANY($1::uuid[])
      AND (p.status = 'PAID') <> EXISTS (SELECT 1 FROM sp2d d WHERE d.spp_id = p.id AND d.status = 'ISSUED')`, [spmIds])).toEqual([]);
  expect(await q(`SELECT spm_id FROM sp2d WHERE spm_id = ANY($1::uuid[]) GROUP BY spm_id HAVING count(*) > 1`, [spmIds])).toEqual([]);
  // every claimed key holds its response, naming an SP2D that exists; every SP2D of the burst has its key
  expect(await q(`SELECT key FROM idempotency_keys WHERE key LIKE $1 || '%' AND (status_code IS NULL OR NOT EXISTS (SELECT 1 FROM sp2d d WHERE d.id::text = response_body::jsonb->>'id'))`, [prefix])).toEqual([]);
  const [{ keys, docs }] = await q(`SELECT (SELECT count(*)::int FROM idempotency_keys WHERE key LIKE $1 || '%') AS keys,
      (SELECT count(*)::int FROM sp2d WHERE spm_id = ANY($2::uuid[])) AS docs`, [prefix, spmIds]);
  expect(keys).toBe(docs);
}

/** Fires the burst, runs `crash` as soon as the first SP2D answers, and returns what the client saw. */
async function burst(api: ChildApi, token: string, spmIds: string[], prefix: string, crash: () => Promise<void>): Promise<{ status: number; id?: unknown }[]> {
  let crashed: Promise<void> | undefined;
  const results = await Promise.all(spmIds.map(async (spmId, i) => {
    await new Promise((r) => setTimeout(r, i * 3));
    const res = await call(api.base, 'POST', '/penatausahaan/sp2d', token, { spmId }, { 'Idempotency-Key': `${prefix}${i}` });
    crashed ??= crash();
    return { status: res.status, id: res.body.id };
  }));
  await crashed;
  return results;
}

/** Retries every key after the restart: exactly one effect per SPM, replaying what had committed. */
async function retryAll(t: TestApp, api: ChildApi, token: string, spmIds: string[], prefix: string, before: { status: number; id?: unknown }[], lineId: string): Promise<void> {
  // a client retries a key while the server answers 5xx (pooled connections broken by the crash are replaced on use)
  const retry = async (spmId: string, i: number) => {
    for (let attempt = 1; ; attempt++) {
      const res = await call(api.base, 'POST', '/penatausahaan/sp2d', token, { spmId }, { 'Idempotency-Key': `${prefix}${i}` });
      if ((res.status !== 0 && res.status < 500) || attempt === 5) return res;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const after = await Promise.all(spmIds.map(retry));
  expect(after.map((r) => (r.status === 201 ? 201 : `${r.status} ${r.body.code} ${r.body.detail}`))).toEqual(Array(N).fill(201));
  before.forEach((b, i) => { if (b.status === 201) expect(after[i].body.id).toBe(b.id); });
  const rows = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM sp2d WHERE spm_id = ANY($1::uuid[]) AND status = 'ISSUED'`, [spmIds]);
  expect(rows[0].n).toBe(N);
  await consistent(t, spmIds, prefix);
  expect(await line(t, lineId)).toMatchObject({ committed: '0.00', disbursed: (N * 10000).toFixed(2) });
  let verify = await call(api.base, 'GET', '/ledger/verify', await t.token('auditor'));
  for (let i = 0; i < 5 && verify.status !== 200; i++) verify = await call(api.base, 'GET', '/ledger/verify', await t.token('auditor'));
  expect(verify.body.valid).toBe(true);
}

describe('e-penatausahaan: crashes during a burst of SP2D issuance', () => {
  // the private cluster (and its temp folder under root) goes also when a test fails
  const temp = new TempFolders();
  afterAll(() => temp.removeAll());

  it('kill -9 of the API process: no half-written SP2D, retried keys give exactly one effect', async () => {
    const t = await startTestApp();
    let api: ChildApi | undefined;
    try {
      const { lineId, spmIds } = await spms(t);
      const port = await freePort();
      api = await startChildApi(t.url, port);
      const token = await t.token('cash-authority');
      const before = await burst(api, token, spmIds, 'crash-k9-', () => api!.kill9());
      expect(before.some((r) => r.status === 0)).toBe(true); // some requests were cut off by the kill
      await consistent(t, spmIds, 'crash-k9-');
      api = await startChildApi(t.url, port);
      await retryAll(t, api, token, spmIds, 'crash-k9-', before, lineId);
    } finally {
      await api?.stop();
      await t.close();
    }
  });

  it('immediate stop of PostgreSQL: recovery leaves no half-written SP2D, retried keys give exactly one effect', async () => {
    // A private, durable cluster (fsync on) that this test may stop without disturbing the other test files.
    const dataRoot = temp.make('grms-crash-');
    const port = await freePort();
    const start = async () => temp.stopFirst(await startEmbeddedPostgres({ dataRoot, port, database: 'postgres', log: () => undefined }));
    let pg: EmbeddedPostgresHandle = await start();
    const saved = { admin: process.env.GRMS_TEST_ADMIN_URL, template: process.env.GRMS_TEST_TEMPLATE };
    let t: TestApp | undefined;
    let api: ChildApi | undefined;
    try {
      await prepareTemplate(pg.adminUrl, 'grms_template_crash');
      process.env.GRMS_TEST_ADMIN_URL = pg.adminUrl;
      process.env.GRMS_TEST_TEMPLATE = 'grms_template_crash';
      t = await startTestApp();
      process.env.GRMS_TEST_ADMIN_URL = saved.admin;
      process.env.GRMS_TEST_TEMPLATE = saved.template;
      // In our runs (PostgreSQL 17.10), crash recovery of a database freshly copied
      // from a template (CREATE DATABASE ... TEMPLATE, WAL_LOG strategy) put its
      // sequences back to the template's values unless a checkpoint followed the
      // copy; new rows then collided with committed ones. A production database is
      // not a fresh template copy, so the test checkpoints once after the copy.
      await t.superSql('CHECKPOINT');

      const { lineId, spmIds } = await spms(t);
      api = await startChildApi(t.url, await freePort());
      const token = await t.token('cash-authority');
      const before = await burst(api, token, spmIds, 'crash-pg-', async () => {
        process.kill(pg.pid, 'SIGQUIT'); // pg_ctl stop -m immediate: no checkpoint, crash recovery on the next start
        await pg.stop();
      });
      expect(before.some((r) => r.status !== 201)).toBe(true);
      // 401: core's token check looks the user up and answers 401 while the database is down
      for (const r of before) expect([0, 201, 401, 409, 500, 503]).toContain(r.status);
      pg = await start();
      for (let i = 0; i < 50; i++) {
        try { await t.sql(`SELECT 1`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
      }
      await consistent(t, spmIds, 'crash-pg-');
      await retryAll(t, api, token, spmIds, 'crash-pg-', before, lineId);
    } finally {
      process.env.GRMS_TEST_ADMIN_URL = saved.admin;
      process.env.GRMS_TEST_TEMPLATE = saved.template;
      await api?.stop();
      await t?.close().catch(() => undefined);
      await pg.stop();
    }
  });
});
