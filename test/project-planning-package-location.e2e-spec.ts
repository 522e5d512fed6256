import { allot, evenPlan, freshLine, setPlan } from './support/penatausahaan-fixtures';
import { expectOk, packageBody, planOf } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// API.md creates a package with one free-text `location`. It is stored as the
// package's one location, in the region of the regional government (the code
// of the PEMDA organization above the OPD: 33, Jawa Tengah), and shows in the
// RUP as any location does (decision 0115).
describe('e-project planning: a package with API.md\'s free-text location', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('is placed in the province\'s region and printed in the RUP', async () => {
    const orgA = await t.orgId('A');
    const lineId = await freshLine(t, 'A', '50000000.00');
    await setPlan(t, lineId, 'A', evenPlan('50000000.00'));
    await allot(t, lineId, 'A', '50000000.00');
    const [{ sub }] = await t.sql<{ sub: string }>(`SELECT sub_activity_code AS sub FROM budget_lines WHERE id = $1`, [lineId]);
    const { locations: _ignored, ...rest } = packageBody(orgA, sub, lineId, '50000000', { type: 'GOODS', method: 'DIRECT_PROCUREMENT', name: 'Pengadaan meubelair kelas' });
    void _ignored;

    const both = await t.post('/project-planning/packages', { ...rest, location: 'SMA N 1 Semarang', locations: [{ regionCode: '33.74', detail: 'x' }] }, 'planner-a');
    expect(both.status).toBe(400);
    expect(both.body.errors[0].field).toBe('location');
    const neither = await t.post('/project-planning/packages', rest, 'planner-a');
    expect(neither.status).toBe(400);
    expect(neither.body.errors.map((e: { field: string }) => e.field)).toContain('locations');

    const p = await t.post('/project-planning/packages', { ...rest, location: '  SMA N 1 Semarang, Jl. Menteri Supeno 1 ' }, 'planner-a');
    expectOk(p, 201, 'package');
    expect(p.body.locations).toEqual([{ regionCode: '33', detail: 'SMA N 1 Semarang, Jl. Menteri Supeno 1' }]);
    expectOk(await t.put(`/project-planning/packages/${p.body.id}/plan`, planOf('50000000'), 'planner-a'), 200, 'plan');
    expectOk(await t.post(`/project-planning/packages/${p.body.id}/submit`, {}, 'planner-a'), 200, 'submit');
    expectOk(await t.post(`/project-planning/packages/${p.body.id}/approve`, {}, 'budget-user-a'), 200, 'approve');
    expectOk(await t.post(`/project-planning/packages/${p.body.id}/announce`, {}, 'planner-a'), 200, 'announce');
    // a revision (after announcement, with its reason) may keep the short form
    const { fiscalYear: _y, organizationId: _o, subActivityCode: _s, ...body } = rest;
    void [_y, _o, _s];
    const r = await t.put(`/project-planning/packages/${p.body.id}`, { ...body, location: 'SMA N 2 Semarang', reason: 'lokasi dipindah' }, 'planner-a');
    expectOk(r, 200, 'revise');
    expect(r.body.locations).toEqual([{ regionCode: '33', detail: 'SMA N 2 Semarang' }]);
    const rup = await t.get(`/project-planning/rup?fiscalYear=2026&organizationId=${orgA}&format=csv`, 'planner-a');
    expect(rup.status).toBe(200);
    expect(rup.text).toContain('33: SMA N 2 Semarang');
  });
});
