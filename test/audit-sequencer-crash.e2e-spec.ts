import { call, ChildApi, freePort, startChildApi } from './support/child-api';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

// Two processes chain the same trail (the API in a child process and the
// test's own app), one of them is killed with -9 in the middle of a burst of
// writes and started again: the chain never forks, never skips a position,
// and every committed record ends up in it exactly once (decision 0021).
describe('audit sequencer: crash and restart', () => {
  let t: TestApp;
  let api: ChildApi | undefined;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await api?.stop(); await t.close(); });

  it('kill -9 during a burst: the restarted sequencer resumes the one chain', async () => {
    const port = await freePort();
    api = await startChildApi(t.url, port);
    const token = await t.token('admin');
    let killed: Promise<void> | undefined;
    const first = await Promise.all(Array.from({ length: 50 }, async (_, i) => {
      await new Promise((r) => setTimeout(r, i * 4));
      const res = await call(api!.base, 'POST', '/fiscal-years', token, { year: 2031 + i, status: 'PLANNING' });
      if (i === 20) killed ??= api!.kill9();
      return res.status;
    }));
    await killed;
    expect(first.filter((s) => s === 201).length).toBeGreaterThan(0);
    expect(first.some((s) => s === 0)).toBe(true); // some requests died with the process

    api = await startChildApi(t.url, port);
    const second = await Promise.all(Array.from({ length: 8 }, (_, i) => call(api!.base, 'POST', '/fiscal-years', token, { year: 2090 + i, status: 'PLANNING' })));
    expect(second.map((r) => r.status)).toEqual(Array(8).fill(201));

    const v = await call(api.base, 'GET', '/audit/verify', await t.token('auditor'));
    expect(v.body).toMatchObject({ valid: true, firstInvalidId: null, pending: 0 });
    const [shape] = await t.sql<{ events: number; chained: number; first: string; last: string; links: number }>(`
      SELECT (SELECT count(*)::int FROM audit_events) AS events, count(*)::int AS chained,
        min(chain_no)::text AS first, max(chain_no)::text AS last,
        count(*) FILTER (WHERE prev_hash = (SELECT p.hash FROM audit_chain p WHERE p.chain_no = c.chain_no - 1))::int AS links
      FROM audit_chain c`);
    expect(shape.chained).toBe(shape.events);
    expect(shape).toMatchObject({ first: '1', last: String(shape.events), links: shape.events - 1 });
    // every fiscal year that exists has its audit record in the chain
    const missing = await t.sql(`SELECT f.year FROM fiscal_years f WHERE f.year >= 2031 AND NOT EXISTS (
      SELECT 1 FROM audit_events e JOIN audit_chain c ON c.event_id = e.id WHERE e.entity_type = 'FiscalYear' AND e.entity_id = f.year::text)`);
    expect(missing).toEqual([]);
    expect(v.body.checked).toBe(shape.events);
  });
});
