import { startTestApp, TestApp } from './support/test-app';

describe('organization scoping of budget lines', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
    orgB = await t.orgId('B');
  });
  afterAll(async () => { await t.close(); });

  it('shows planner-a only OPD A lines, with exact money strings', async () => {
    const res = await t.get('/budget-lines?fiscalYear=2026', 'planner-a');
    expect(res.status).toBe(200);
    expect(res.body.meta.total).toBeGreaterThan(0);
    expect(res.body.data.every((l: { organizationId: string }) => l.organizationId === orgA)).toBe(true);
    for (const l of res.body.data) {
      for (const f of ['appropriated', 'allotted', 'committed', 'disbursed', 'available']) expect(l[f]).toMatch(/^-?\d+\.\d{2}$/);
    }
  });

  it('returns nothing (not an error) when planner-a filters on OPD B', async () => {
    const res = await t.get(`/budget-lines?organizationId=${orgB}`, 'planner-a');
    expect(res.status).toBe(200);
    expect(res.body.meta.total).toBe(0);
  });

  it('answers 404, not 403, for another OPD line and its entries', async () => {
    const b = await t.get('/budget-lines?fiscalYear=2026', 'planner-b');
    const lineB = b.body.data[0].id;
    expect((await t.get(`/budget-lines/${lineB}`, 'planner-b')).status).toBe(200);
    const denied = await t.get(`/budget-lines/${lineB}`, 'planner-a');
    expect(denied.status).toBe(404);
    expect(denied.body.code).toBe('NOT_FOUND');
    expect((await t.get(`/budget-lines/${lineB}/entries`, 'treasurer-a')).status).toBe(404);
  });

  it('answers 404 to a write on another OPD line and writes nothing', async () => {
    const lineB = (await t.get('/budget-lines?fiscalYear=2026', 'planner-b')).body.data[0];
    const months = [lineB.appropriated, ...Array(11).fill('0.00')];
    const res = await t.put(`/budgeting/cash-plans/${lineB.id}`, { months }, 'planner-a');
    expect(res.status).toBe(404);
    const after = await t.sql<{ version: number }>(`SELECT version FROM cash_plans WHERE budget_line_id = $1`, [lineB.id]);
    const own = await t.put(`/budgeting/cash-plans/${lineB.id}`, { months }, 'planner-b');
    expect(own.status).toBe(200);
    expect(own.body.version).toBe((after[0]?.version ?? 0) + 1);
  });

  it('shows province-wide roles every OPD', async () => {
    const res = await t.get('/budget-lines?fiscalYear=2026&limit=500', 'auditor');
    const orgs = new Set(res.body.data.map((l: { organizationId: string }) => l.organizationId));
    expect(orgs.has(orgA) && orgs.has(orgB)).toBe(true);
    expect(res.body.meta.total).toBe((await t.sql(`SELECT count(*)::int AS n FROM budget_lines WHERE fiscal_year = 2026`))[0].n);
  });

  it('lists ledger entries naming their source document and actor', async () => {
    const line = (await t.get('/budget-lines?fiscalYear=2026', 'planner-a')).body.data[0];
    const e = await t.get(`/budget-lines/${line.id}/entries`, 'planner-a');
    expect(e.status).toBe(200);
    expect(e.body.meta.total).toBeGreaterThan(0);
    expect(e.body.data[0]).toMatchObject({ budgetLineId: line.id, kind: 'APPROPRIATION' });
    expect(e.body.data[0].sourceType).toEqual(expect.any(String));
    expect(e.body.data[0].sourceId).toEqual(expect.any(String));
  });

  it('filters by code prefix', async () => {
    const res = await t.get('/budget-lines?accountCode=5.2', 'auditor');
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.every((l: { accountCode: string }) => l.accountCode.startsWith('5.2.'))).toBe(true);
  });
});
