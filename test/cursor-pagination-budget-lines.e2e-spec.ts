import { startTestApp, TestApp } from './support/test-app';

interface Line { id: string; organizationCode: string; subActivityCode: string; accountCode: string; fundingSourceCode: string }

// An auditor walks every budget line of the province by cursor: the pages
// join up to exactly the list the numbered pages give, in the same order,
// with no line twice and none missed, even when a line is added between two
// pages; a cursor of another list or a tampered one is refused.
describe('budget lines paged by cursor', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('walks every line by cursor exactly as the numbered pages list them', async () => {
    const all = await t.get('/budget-lines?fiscalYear=2026&limit=500', 'auditor');
    expect(all.status).toBe(200);
    const total = all.body.meta.total as number;
    expect(total).toBeGreaterThan(4);
    expect(all.body.data).toHaveLength(total);
    expect(all.body.meta.nextCursor).toBeNull();
    const order = (all.body.data as Line[]).map((l) => l.id);

    const first = await t.get('/budget-lines?fiscalYear=2026&limit=2', 'auditor');
    expect(first.body.meta).toMatchObject({ page: 1, limit: 2, total });
    const seen: string[] = (first.body.data as Line[]).map((l) => l.id);
    let cursor = first.body.meta.nextCursor as string | null;
    expect(typeof cursor).toBe('string');
    let pages = 1;
    while (cursor) {
      const next = await t.get(`/budget-lines?fiscalYear=2026&limit=2&cursor=${cursor}`, 'auditor');
      expect(next.status).toBe(200);
      expect(next.body.meta.total).toBeUndefined(); // not counted on a cursor page
      expect(next.body.meta.page).toBeUndefined();
      seen.push(...(next.body.data as Line[]).map((l) => l.id));
      cursor = next.body.meta.nextCursor;
      pages++;
    }
    expect(seen).toEqual(order);
    expect(pages).toBe(Math.ceil(total / 2));

    // numbered page 2 is the page after page 1's cursor
    const page2 = await t.get('/budget-lines?fiscalYear=2026&limit=2&page=2', 'auditor');
    const after1 = await t.get(`/budget-lines?fiscalYear=2026&limit=2&cursor=${first.body.meta.nextCursor}`, 'auditor');
    expect((after1.body.data as Line[]).map((l) => l.id)).toEqual((page2.body.data as Line[]).map((l) => l.id));
    expect(page2.body.meta.total).toBe(total);
  });

  it('keeps its place when a line is added before it, and orders by the OPD code kept on the line', async () => {
    const first = await t.get('/budget-lines?fiscalYear=2026&limit=2', 'auditor');
    const before = first.body.data as Line[];
    // a new line sorting first (an OPD code lower than every other) appears on no later page
    const [org] = await t.superSql<{ id: string }>(`INSERT INTO organizations (code, name, kind) VALUES ('0.00.0.00.0.00.01.0000', 'Dinas Uji Urutan', 'OPD') RETURNING id`);
    const [src] = await t.superSql<{ sub_activity_code: string; account_code: string; funding_source_code: string }>(
      `SELECT sub_activity_code, account_code, funding_source_code FROM budget_lines WHERE id = $1`, [before[0].id]);
    const [added] = await t.superSql<{ id: string; organization_code: string }>(
      `INSERT INTO budget_lines (fiscal_year, organization_id, sub_activity_code, account_code, funding_source_code) VALUES (2026, $1, $2, $3, $4) RETURNING id, organization_code`,
      [org.id, src.sub_activity_code, src.account_code, src.funding_source_code]);
    expect(added.organization_code).toBe('0.00.0.00.0.00.01.0000');
    const next = await t.get(`/budget-lines?fiscalYear=2026&limit=500&cursor=${first.body.meta.nextCursor}`, 'auditor');
    const ids = (next.body.data as Line[]).map((l) => l.id);
    expect(ids).not.toContain(added.id);
    expect(ids).not.toContain(before[0].id);
    expect(ids).not.toContain(before[1].id);
    const fresh = await t.get('/budget-lines?fiscalYear=2026&limit=1', 'auditor');
    expect(fresh.body.data[0].id).toBe(added.id);

    // renaming the OPD's code moves its lines in the list: the code on the line follows
    await t.superSql(`UPDATE organizations SET code = '9.99.0.00.0.00.01.0000' WHERE id = $1`, [org.id]);
    const moved = await t.get(`/budget-lines/${added.id}`, 'auditor');
    expect(moved.body.organizationCode).toBe('9.99.0.00.0.00.01.0000');
    expect((await t.get('/budget-lines?fiscalYear=2026&limit=1', 'auditor')).body.data[0].id).not.toBe(added.id);
  });

  it('refuses a cursor of another list, a tampered one, and a cursor with a page number', async () => {
    const first = await t.get('/budget-lines?fiscalYear=2026&limit=2', 'auditor');
    const cursor = first.body.meta.nextCursor as string;
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const forged = Buffer.from(JSON.stringify(['audit-events', ...key.slice(1)])).toString('base64url');
    const bad = await t.get(`/budget-lines?limit=2&cursor=${forged}`, 'auditor');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_CURSOR');
    expect(JSON.stringify(bad.body.errors)).toContain('cursor');
    const injected = Buffer.from(JSON.stringify([key[0], "2026); DROP TABLE budget_lines; --", ...key.slice(2)])).toString('base64url');
    expect((await t.get(`/budget-lines?limit=2&cursor=${injected}`, 'auditor')).status).toBe(400);
    expect((await t.get('/budget-lines?limit=2&cursor=not*base64', 'auditor')).status).toBe(400);
    const both = await t.get(`/budget-lines?limit=2&page=3&cursor=${cursor}`, 'auditor');
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body.errors)).toContain('page');
  });

  it('scopes cursor pages to the OPD of an OPD role', async () => {
    const whole = await t.get('/budget-lines?fiscalYear=2026&limit=500', 'planner-a');
    const own = await t.get('/budget-lines?fiscalYear=2026&limit=1', 'planner-a');
    const ids: string[] = (own.body.data as Line[]).map((l) => l.id);
    let cursor = own.body.meta.nextCursor as string | null;
    while (cursor) {
      const next = await t.get(`/budget-lines?fiscalYear=2026&limit=1&cursor=${cursor}`, 'planner-a');
      ids.push(...(next.body.data as Line[]).map((l) => l.id));
      cursor = next.body.meta.nextCursor;
    }
    expect(ids).toEqual((whole.body.data as Line[]).map((l) => l.id));
    expect(ids.length).toBeLessThan((await t.get('/budget-lines?fiscalYear=2026&limit=1', 'auditor')).body.meta.total);
    const a = await t.orgId('A');
    expect((whole.body.data as { organizationId: string }[]).some((l) => l.organizationId === a)).toBe(true);
  });
});
