import { openWindows, realize } from './support/monev-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// What e-monev refuses, each with a stable code and nothing written, and who
// sees what: a % above 100, a unit other than the nomenclature's, a JSON
// number, a code outside the year's list or at another level, another OPD's
// indicator (404), targets that do not add up; the database refuses a % above
// 100 too. AUDITOR reads the province, each OPD itself.
describe('e-monev: bad input and scope', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); orgB = await t.orgId('B'); await openWindows(t); });
  afterAll(async () => { await t.close(); });

  it('refuses bad indicators and realisations with stable codes, writes nothing, and keeps each OPD to itself', async () => {
    const [{ code, unit }] = await t.sql<{ code: string; unit: string }>(
      `SELECT code, unit FROM code_list_entries WHERE version = 'KMDN5889-2023' AND list = 'nomenclature' AND level = 5 AND unit = 'Orang' ORDER BY code LIMIT 1`);
    const count = async () => (await t.sql<{ n: number }>(`SELECT (SELECT count(*) FROM monev_indicators)::int + (SELECT count(*) FROM monev_realizations)::int AS n`))[0].n;
    const before = await count();
    const post = (body: Record<string, unknown>, user = 'planner-a') => t.post('/monev/indicators', { fiscalYear: 2026, level: 'SUB_KEGIATAN', code, target: '10', ...body }, user);

    const wrongUnit = await post({ unit: 'Dokumen' });
    expect([wrongUnit.status, wrongUnit.body.code, wrongUnit.body.errors]).toEqual([422, 'UNIT_MISMATCH', [{ field: 'unit', message: `expected ${unit}` }]]);
    const pct = await post({ level: 'KEGIATAN', code: code.split('.').slice(0, 5).join('.'), name: 'Persentase capaian', unit: '%', target: '101' });
    expect([pct.status, pct.body.code]).toEqual([422, 'PERCENT_ABOVE_100']);
    expect((await post({ target: 10 })).status).toBe(400);
    expect((await post({ code: '9.99.99.9.99.9999' })).body.code).toBe('CODE_NOT_IN_VERSION');
    expect((await post({ level: 'PROGRAM' })).body.code).toBe('LEVEL_MISMATCH');
    expect((await post({ quarterlyTargets: ['3', '2', '8', '10'] })).body.errors).toEqual([{ field: 'quarterlyTargets.1', message: expect.stringContaining('below') }]);
    expect((await post({ quarterlyTargets: ['3', '5', '8', '9'] })).body.code).toBe('INVALID_TARGETS');
    expect((await post({}, 'treasurer-a')).status).toBe(403);
    expect((await post({ organizationId: orgB })).status).toBe(404);
    expect(await count()).toBe(before);

    // realisations: wrong unit, % above 100, another OPD
    const ind = await post({});
    expect(ind.status).toBe(201);
    const pctInd = await post({ level: 'KEGIATAN', code: code.split('.').slice(0, 5).join('.'), name: 'Persentase capaian', unit: 'Persen', target: '100', aggregation: 'LAST' });
    expect(pctInd.body.unitKind).toBe('PERCENT');
    const mid = await count();
    const realize1 = (id: string, body: Record<string, unknown>, user = 'planner-a') => t.post(`/monev/indicators/${id}/realizations`, { quarter: 2, value: '5', evidence: 'daftar hadir', ...body }, user);
    expect((await realize1(ind.body.id, { unit: 'Dokumen' })).body.code).toBe('UNIT_MISMATCH');
    expect((await realize1(pctInd.body.id, { value: '100.5' })).body).toMatchObject({ status: 422, code: 'PERCENT_ABOVE_100' });
    expect((await realize1(ind.body.id, {}, 'planner-b')).status).toBe(404);
    expect((await realize1(ind.body.id, { quarter: 5 })).status).toBe(400);
    expect((await realize1(ind.body.id, { value: 5 })).status).toBe(400);
    expect(await count()).toBe(mid);
    // the database refuses a % above 100 whatever writes it
    const rid = await realize(t, pctInd.body.id, 2, '99.5');
    await expect(t.sql(`UPDATE monev_realizations SET value = 150 WHERE id = $1`, [rid])).rejects.toThrow(/at most 100/);

    // scope: OPD B sees none of OPD A's; AUDITOR and Bappeda see the province
    expect((await t.get(`/monev/indicators/${ind.body.id}`, 'planner-b')).status).toBe(404);
    expect((await t.get(`/monev/evaluation?fiscalYear=2026&quarter=2&organizationId=${orgA}`, 'planner-b')).status).toBe(404);
    const own = await t.get('/monev/evaluation?fiscalYear=2026&quarter=2', 'planner-b');
    expect(own.status).toBe(200);
    expect(own.body.footer.organizations.map((o: { organizationId: string }) => o.organizationId)).not.toContain(orgA);
    expect((await t.get('/monev/indicators?fiscalYear=2026', 'planner-b')).body.data.map((i: { id: string }) => i.id)).not.toContain(ind.body.id);
    for (const user of ['auditor', 'monev-verifier']) {
      const all = await t.get(`/monev/evaluation?fiscalYear=2026&quarter=2&organizationId=${orgA}&limit=500`, user);
      expect(all.body.data.map((r: { indicatorId: string }) => r.indicatorId)).toContain(pctInd.body.id);
    }
    expect((await t.get('/monev/evaluation?fiscalYear=2026&quarter=2', 'treasurer-a')).status).toBe(403);
    expect((await t.get('/monev/evaluation?fiscalYear=2099&quarter=2', 'auditor')).body.code).toBe('FISCAL_YEAR_NOT_FOUND');
  });
});
