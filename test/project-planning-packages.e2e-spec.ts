import { freshLine } from './support/penatausahaan-fixtures';
import { announcedPackage, expectOk, packageBody, planOf } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// A planner's year of packages: plans checked, warnings that do not block
// (split direct procurement), thresholds per year, a revision after
// announcement as a new version, cancellation freeing the line, the RUP and
// RKO exports; OPD B sees none of it.
describe('e-project planning: packages, plans, thresholds and reports', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('checks plans, warns on split packages, versions revisions, frees the line on cancel, exports RUP and RKO', async () => {
    const lineId = await freshLine(t, 'A', '500000000.00');
    const [{ sub }] = await t.sql<{ sub: string }>(`SELECT sub_activity_code AS sub FROM budget_lines WHERE id = $1`, [lineId]);
    const goods = (value: string) => packageBody(orgA, sub, lineId, value, { type: 'GOODS', method: 'DIRECT_PROCUREMENT', name: `Meubelair ${value}` });
    const a = await t.post('/project-planning/packages', goods('150000000'), 'planner-a');
    expectOk(a, 201, 'package a');
    expect(a.body.warnings).toEqual([]);
    const badPlan = await t.put(`/project-planning/packages/${a.body.id}/plan`, { physical: ['0', '10', '5', '20', '30', '40', '50', '60', '70', '80', '90', '100'], financial: planOf('150000000.01').financial }, 'planner-a');
    expect(badPlan.status).toBe(422);
    expect(badPlan.body.code).toBe('INVALID_PLAN');
    expect(badPlan.body.errors.map((e: { field: string }) => e.field)).toEqual(['physical.2', 'financial']);
    expect((await t.post(`/project-planning/packages/${a.body.id}/submit`, {}, 'planner-a')).body.code).toBe('PLAN_MISSING');
    // a second direct-procurement package of the same sub kegiatan, account object and type: together above Rp200 million
    const b = await t.post('/project-planning/packages', goods('60000000'), 'project-officer-a');
    expectOk(b, 201, 'package b');
    expect(b.body.warnings).toEqual([expect.stringContaining('SPLIT_PACKAGE: 2 direct-procurement packages')]);

    // thresholds per year: ADMIN lowers 2026's goods ceiling; a new package above it is refused
    expect((await t.get('/project-planning/thresholds?fiscalYear=2026', 'planner-a')).body.find((r: { packageType: string }) => r.packageType === 'CONSTRUCTION'))
      .toMatchObject({ directMax: '400000000.00', isDefault: true });
    expectOk(await t.put('/project-planning/thresholds/2026/GOODS', { directMax: '50000000', regulation: 'test: lowered for this scenario' }, 'admin'), 200, 'threshold');
    const c = await t.post('/project-planning/packages', goods('50000000.01'), 'planner-a');
    expect(c.body.code).toBe('METHOD_ABOVE_THRESHOLD');
    expect((await t.put('/project-planning/thresholds/2026/GOODS', { directMax: '1', regulation: 'x' }, 'planner-a')).status).toBe(403);
    expectOk(await t.put('/project-planning/thresholds/2026/GOODS', { directMax: '200000000', regulation: 'Perpres 16/2018 jo. 12/2021, Pasal 38 ayat (3)' }, 'admin'), 200, 'threshold back');

    // cancel b: its share of the line is free again
    expectOk(await t.post(`/project-planning/packages/${b.body.id}/cancel`, { reason: 'digabung' }, 'planner-a'), 200, 'cancel');
    expectOk(await t.post('/project-planning/packages', packageBody(orgA, sub, lineId, '350000000'), 'planner-a'), 201, 'fills the line');
    expect((await t.post('/project-planning/packages', packageBody(orgA, sub, lineId, '0.01'), 'planner-a')).body.code).toBe('PACKAGE_EXCEEDS_APPROPRIATION');

    // announce a, then revise it: a new version with a reason
    await t.put(`/project-planning/packages/${a.body.id}/plan`, planOf('150000000'), 'planner-a');
    await t.post(`/project-planning/packages/${a.body.id}/submit`, {}, 'planner-a');
    expect((await t.post(`/project-planning/packages/${a.body.id}/approve`, {}, 'planner-a')).status).toBe(403);
    expectOk(await t.post(`/project-planning/packages/${a.body.id}/approve`, {}, 'budget-user-a'), 200, 'approve');
    expectOk(await t.post(`/project-planning/packages/${a.body.id}/announce`, {}, 'planner-a'), 200, 'announce');
    const revision = (value: string) => { const { fiscalYear: _y, organizationId: _o, subActivityCode: _s, ...rest } = goods(value); return rest; };
    const noReason = await t.put(`/project-planning/packages/${a.body.id}`, revision('150000000'), 'planner-a');
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ field: 'reason', message: 'required after announcement' }]);
    const rev = await t.put(`/project-planning/packages/${a.body.id}`, { ...revision('140000000'), reason: 'harga e-katalog turun' }, 'planner-a');
    expectOk(rev, 200, 'revise');
    expect(rev.body).toMatchObject({ version: 2, revisionReason: 'harga e-katalog turun', value: '140000000.00', status: 'ANNOUNCED' });

    const rup = await t.get('/project-planning/rup?fiscalYear=2026&format=csv', 'planner-a');
    expect(rup.headers['content-type']).toContain('text/csv');
    expect(rup.text.split('\r\n')[0]).toContain('Kode RUP,Kode Paket,Nama Paket,Satuan Kerja');
    expect(rup.text).toContain('Meubelair 140000000');
    expect(rup.text).not.toContain(a.body.id);
    const rko = await t.req('get', '/project-planning/rko?fiscalYear=2026&format=xlsx', { user: 'planner-a' });
    expect(rko.headers['content-type']).toContain('spreadsheetml');
    const rkoPage = (await t.get('/project-planning/rko?fiscalYear=2026&limit=500', 'planner-a')).body;
    expect(rkoPage.meta).toMatchObject({ page: 1, limit: 500, total: rkoPage.data.length });
    expect(rkoPage.data.find((r: { packageCode: string }) => r.packageCode === a.body.code))
      .toMatchObject({ value: '140000000.00', physical: planOf('150000000').physical.map((p) => `${p}.00`) });
    // one row a page: the pages walk the same rows in the same order, none twice
    const walked: string[] = [];
    for (let page = 1; page <= rkoPage.meta.total; page++) {
      const one = (await t.get(`/project-planning/rko?fiscalYear=2026&limit=1&page=${page}`, 'planner-a')).body;
      expect(one.meta.total).toBe(rkoPage.meta.total);
      walked.push(one.data[0].packageCode);
    }
    expect(walked).toEqual(rkoPage.data.map((r: { packageCode: string }) => r.packageCode));

    // OPD B: none of OPD A's packages
    expect((await t.get(`/project-planning/packages/${a.body.id}`, 'planner-b')).status).toBe(404);
    expect((await t.get('/project-planning/rup?fiscalYear=2026&limit=500', 'planner-b')).body.data.map((r: { packageCode: string }) => r.packageCode)).not.toContain(a.body.code);
    const audit = await t.get(`/audit/events?entityType=Package&entityId=${a.body.id}`, 'auditor');
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['PACKAGE.CREATE', 'PACKAGE.APPROVE', 'PACKAGE.ANNOUNCE', 'PACKAGE.REVISE']));
    expect(await announcedPackage(t, await freshLine(t, 'A', '10000000'), '10000000', { type: 'GOODS', method: 'E_PURCHASING' })).toBeDefined();
  });
});
