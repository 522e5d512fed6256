import { openWindows, realize } from './support/monev-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Issue 10's bad input on the way after entry: a DRAFT corrected or submitted
// after its quarter closed, another OPD's realisation corrected or submitted,
// a correction to above 100 % or in another unit. Each is a 4xx with a stable
// code, and nothing is half-written: the realisation, its history and the
// audit trail stay as they were.
describe('e-monev: bad corrections of a realisation', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); await openWindows(t); });
  afterAll(async () => { await t.close(); });

  it('refuses each with its code and writes nothing', async () => {
    const [{ code }] = await t.sql<{ code: string }>(
      `SELECT code FROM code_list_entries WHERE version = 'KMDN5889-2023' AND list = 'nomenclature' AND level = 5 AND unit = 'Orang' ORDER BY code OFFSET 2 LIMIT 1`);
    const kegiatan = code.split('.').slice(0, 5).join('.');
    const pct = await t.post('/monev/indicators', { fiscalYear: 2026, level: 'KEGIATAN', code: kegiatan, name: 'Persentase desa terlayani', unit: '%', target: '90', aggregation: 'LAST' }, 'planner-a');
    expect(pct.status).toBe(201);
    const draft = await t.post(`/monev/indicators/${pct.body.id}/realizations`, { quarter: 2, value: '40', evidence: 'rekap desa' }, 'planner-a');
    expect(draft.status).toBe(201);
    const rid: string = draft.body.id;
    const rejectedId = await realize(t, pct.body.id, 1, '20', 'reject');
    const state = async () => (await t.sql<{ s: string }>(
      `SELECT json_build_object('r', (SELECT json_agg(r ORDER BY r.quarter) FROM monev_realizations r WHERE r.indicator_id = $1),
         'events', (SELECT count(*) FROM monev_realization_events e JOIN monev_realizations r ON r.id = e.realization_id WHERE r.indicator_id = $1),
         'audit', (SELECT count(*) FROM audit_events WHERE entity_type = 'MonevRealization' AND entity_id IN (SELECT id::text FROM monev_realizations WHERE indicator_id = $1)))::text AS s`,
      [pct.body.id]))[0].s;
    const before = await state();

    // above 100 %, another unit
    const above = await t.patch(`/monev/realizations/${rid}`, { value: '100.5' }, 'planner-a');
    expect([above.status, above.body.code, above.body.errors]).toEqual([422, 'PERCENT_ABOVE_100', [{ field: 'value', message: '100.5000 % is above 100' }]]);
    expect((await t.patch(`/monev/realizations/${rejectedId}`, { value: '101' }, 'planner-a')).body.code).toBe('PERCENT_ABOVE_100');
    const unit = await t.patch(`/monev/realizations/${rid}`, { value: '50', unit: 'Desa' }, 'planner-a');
    expect([unit.status, unit.body.code, unit.body.errors]).toEqual([422, 'UNIT_MISMATCH', [{ field: 'unit', message: 'expected %' }]]);
    // another OPD's realisation: not found for its planner
    for (const [method, path, body] of [['patch', `/monev/realizations/${rid}`, { value: '50' }], ['post', `/monev/realizations/${rid}/submit`, {}]] as const) {
      const res = await t.req(method, path, { user: 'planner-b', body });
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    }
    // TW II closes: the DRAFT can be neither corrected nor submitted; the REJECTED TW I still can (decision 0600), but not above 100
    expect((await t.put('/monev/settings/2026', { deadlines: ['2026-04-10', '2026-07-10', '2099-12-31', '2099-12-31'], regulation: 'test: TW II closed' }, 'admin')).status).toBe(200);
    const late = await t.patch(`/monev/realizations/${rid}`, { value: '45' }, 'planner-a');
    expect([late.status, late.body.code]).toEqual([422, 'QUARTER_CLOSED']);
    expect((await t.post(`/monev/realizations/${rid}/submit`, {}, 'planner-a')).body.code).toBe('QUARTER_CLOSED');
    expect((await t.patch(`/monev/realizations/${rejectedId}`, { value: '100.01' }, 'planner-a')).body.code).toBe('PERCENT_ABOVE_100');
    expect(await state()).toBe(before);

    // and the rejected one, corrected within 100, goes through
    const fixed = await t.patch(`/monev/realizations/${rejectedId}`, { value: '25', evidence: 'rekap desa bertanda tangan' }, 'planner-a');
    expect([fixed.status, fixed.body.value, fixed.body.status]).toEqual([200, '25.0000', 'REJECTED']);
  });
});
