import { startTestApp, TestApp } from './support/test-app';

// An auditor walks the audit trail newest first by cursor while records keep
// arriving: every record present at the first page is met exactly once, in
// chain order, and records written meanwhile never slip into later pages.
describe('audit events paged by cursor', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('walks the trail newest first by cursor, each record once, as the numbered pages give it', async () => {
    const whole = await t.get('/audit/events?limit=500', 'auditor');
    expect(whole.status).toBe(200);
    const total = whole.body.meta.total as number;
    expect(total).toBeGreaterThan(10);
    const expected = (whole.body.data as { id: string; chainNo: string }[]).slice(0, Math.min(total, 500));
    const first = await t.get('/audit/events?limit=7', 'auditor');
    const seen: { id: string; chainNo: string }[] = [...first.body.data];
    let cursor = first.body.meta.nextCursor as string | null;
    // a record written while the auditor pages sorts before the cursor: never on a later page
    expect((await t.req('post', '/fiscal-years', { user: 'admin', body: { year: 2032, status: 'PLANNING' } })).status).toBe(201);
    while (cursor && seen.length < expected.length) {
      const next = await t.get(`/audit/events?limit=7&cursor=${cursor}`, 'auditor');
      expect(next.status).toBe(200);
      expect(next.body.meta.total).toBeUndefined();
      seen.push(...next.body.data);
      cursor = next.body.meta.nextCursor;
    }
    expect(seen.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    const numbers = seen.map((e) => BigInt(e.chainNo));
    expect(numbers.every((n, i) => i === 0 || n < numbers[i - 1])).toBe(true);
    expect(seen.some((e) => (e as unknown as { entityId: string }).entityId === '2032')).toBe(false);
  });

  it('refuses a budget-line cursor on the audit trail', async () => {
    const lines = await t.get('/budget-lines?limit=1', 'auditor');
    const res = await t.get(`/audit/events?cursor=${lines.body.meta.nextCursor}`, 'auditor');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_CURSOR');
  });
});
