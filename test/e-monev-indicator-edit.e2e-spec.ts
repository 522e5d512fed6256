import { openWindows, realize } from './support/monev-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Editing an indicator (decision 0610): the planner of the OPD changes its
// name, targets and Renstra end target at the version it read; the rules of
// creation hold (unit of the code list, cumulative targets, % at most 100,
// also over realisations already entered); once TW I is verified its unit,
// aggregation and TW I target are fixed for the planner, and Bappeda's
// monitoring team changes them only with a reason, in the audit trail. The
// database refuses such a change by itself too. Refusals write nothing.
describe('e-monev: editing an indicator', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); await openWindows(t); });
  afterAll(async () => { await t.close(); });

  it('edits at the version read, keeps the rules, and fixes what a verified quarter depends on', async () => {
    const [{ code, unit }] = await t.sql<{ code: string; unit: string }>(
      `SELECT code, unit FROM code_list_entries WHERE version = 'KMDN5889-2023' AND list = 'nomenclature' AND level = 5 AND unit = 'Orang' ORDER BY code OFFSET 1 LIMIT 1`);
    const kegiatan = code.split('.').slice(0, 5).join('.');
    const created = await t.post('/monev/indicators', { fiscalYear: 2026, level: 'SUB_KEGIATAN', code, target: '8', quarterlyTargets: ['1', '3', '6', '8'] }, 'planner-a');
    expect([created.status, created.body.version]).toEqual([201, 1]);
    const id: string = created.body.id;
    const path = `/monev/indicators/${id}`;
    const state = async () => (await t.sql<{ s: string }>(`SELECT row_to_json(i)::text AS s FROM monev_indicators i WHERE id = $1`, [id]))[0].s;

    // name, baseline, Renstra end target and the annual target (TW IV moves with it)
    const edited = await t.patch(path, { expectedVersion: 1, name: 'Jumlah peserta pelatihan guru', baseline: '4', target: '10', renstraTarget: '50' }, 'planner-a');
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, name: 'Jumlah peserta pelatihan guru', unit, baseline: '4.0000', target: '10.0000',
      quarterlyTargets: ['1.0000', '3.0000', '6.0000', '10.0000'], renstraTarget: '50.0000' });
    const [audit] = await t.sql<{ before: { version: number }; after: { version: number; target: string } }>(
      `SELECT before, after FROM audit_events WHERE action = 'MONEV_INDICATOR.UPDATE' AND entity_id = $1`, [id]);
    expect([audit.before.version, audit.after.version, audit.after.target]).toEqual([1, 2, '10.0000']);

    // refused, nothing written: a stale version, another unit, targets that do not add up, another OPD, other roles
    const saved = await state();
    expect((await t.patch(path, { expectedVersion: 1, target: '12' }, 'planner-a')).body).toMatchObject({ status: 409, code: 'STALE_VERSION' });
    const wrongUnit = await t.patch(path, { expectedVersion: 2, unit: 'Dokumen', target: '10' }, 'planner-a');
    expect([wrongUnit.status, wrongUnit.body.code, wrongUnit.body.errors]).toEqual([422, 'UNIT_MISMATCH', [{ field: 'unit', message: `expected ${unit}` }]]);
    const decreasing = await t.patch(path, { expectedVersion: 2, quarterlyTargets: ['3', '2', '6', '10'] }, 'planner-a');
    expect([decreasing.status, decreasing.body.code, decreasing.body.errors[0].field]).toEqual([422, 'INVALID_TARGETS', 'quarterlyTargets.1']);
    expect((await t.patch(path, { expectedVersion: 2, target: '5' }, 'planner-a')).body.code).toBe('INVALID_TARGETS'); // TW III 6 above TW IV 5
    expect((await t.patch(path, { expectedVersion: 2, target: 12 }, 'planner-a')).status).toBe(400);
    expect((await t.patch(path, { target: '12' }, 'planner-a')).status).toBe(400);
    expect((await t.patch(path, { expectedVersion: 2, target: '12' }, 'planner-b')).status).toBe(404);
    for (const user of ['treasurer-a', 'auditor']) expect((await t.patch(path, { expectedVersion: 2, target: '12' }, user)).status).toBe(403);
    expect(await state()).toBe(saved);

    // a percentage: no target above 100, and no unit change to % under a realisation above 100
    const pct = await t.post('/monev/indicators', { fiscalYear: 2026, level: 'KEGIATAN', code: kegiatan, name: 'Persentase guru bersertifikat', unit: '%', target: '80', aggregation: 'LAST' }, 'planner-a');
    const above = await t.patch(`/monev/indicators/${pct.body.id}`, { expectedVersion: 1, target: '101', quarterlyTargets: ['80', '90', '100', '101'] }, 'planner-a');
    expect([above.status, above.body.code, above.body.errors.map((e: { field: string }) => e.field)]).toEqual([422, 'PERCENT_ABOVE_100', ['target', 'quarterlyTargets.3']]);
    const count = await t.post('/monev/indicators', { fiscalYear: 2026, level: 'KEGIATAN', code: kegiatan, name: 'Jumlah guru bersertifikat', unit: 'Guru', target: '200' }, 'planner-a');
    await realize(t, count.body.id, 2, '150', 'none');
    const toPct = await t.patch(`/monev/indicators/${count.body.id}`, { expectedVersion: 1, unit: 'Persen', target: '100', quarterlyTargets: ['25', '50', '75', '100'] }, 'planner-a');
    expect([toPct.status, toPct.body.code, toPct.body.errors]).toEqual([422, 'PERCENT_ABOVE_100', [{ field: 'realizations.TW 2', message: '150.0000 % is above 100' }]]);

    // TW I verified: its target, the unit, direction and aggregation are what it was measured against
    await realize(t, id, 1, '1');
    const locked = await t.patch(path, { expectedVersion: 2, quarterlyTargets: ['2', '4', '6', '10'] }, 'planner-a');
    expect([locked.status, locked.body.code, locked.body.errors]).toEqual([409, 'VERIFIED_QUARTER_LOCKED', [{ field: 'quarterlyTargets.0', message: 'TW 1 is verified against 1.0000; the request gives 2.0000' }]]);
    expect((await t.patch(path, { expectedVersion: 2, aggregation: 'LAST' }, 'planner-a')).body.code).toBe('VERIFIED_QUARTER_LOCKED');
    expect((await t.patch(path, { expectedVersion: 2, direction: 'LOWER_IS_BETTER' }, 'planner-a')).body.code).toBe('VERIFIED_QUARTER_LOCKED');
    expect((await t.patch(path, { expectedVersion: 2, quarterlyTargets: ['2', '4', '6', '10'], reason: 'Renja berubah' }, 'planner-a')).body.code).toBe('VERIFIED_QUARTER_LOCKED');
    // the later quarters stay the planner's
    const later = await t.patch(path, { expectedVersion: 2, quarterlyTargets: ['1', '4', '7', '10'] }, 'planner-a');
    expect([later.status, later.body.version, later.body.quarterlyTargets]).toEqual([200, 3, ['1.0000', '4.0000', '7.0000', '10.0000']]);
    // Bappeda's monitoring team: only with a reason
    const noReason = await t.patch(path, { expectedVersion: 3, quarterlyTargets: ['2', '4', '7', '10'] }, 'monev-verifier');
    expect([noReason.status, noReason.body.code, noReason.body.errors]).toEqual([409, 'VERIFIED_QUARTER_LOCKED', [{ field: 'reason', message: 'required to change what a verified quarter depends on' }]]);
    const byTeam = await t.patch(path, { expectedVersion: 3, quarterlyTargets: ['2', '4', '7', '10'], reason: 'Perubahan Renja 2026: target TW I dikoreksi' }, 'monev-verifier');
    expect([byTeam.status, byTeam.body.version, byTeam.body.quarterlyTargets[0]]).toEqual([200, 4, '2.0000']);
    const [last] = await t.sql<{ after: { reason: string; version: number }; username: string }>(
      `SELECT a.after, u.username FROM audit_events a JOIN users u ON u.id = a.actor_id WHERE a.action = 'MONEV_INDICATOR.UPDATE' AND a.entity_id = $1 ORDER BY (a.after->>'version')::int DESC LIMIT 1`, [id]);
    expect([last.after.reason, last.after.version, last.username]).toEqual(['Perubahan Renja 2026: target TW I dikoreksi', 4, 'monev-verifier']);

    // the database refuses it by itself too
    await expect(t.sql(`UPDATE monev_indicators SET unit = 'Dokumen' WHERE id = $1`, [id])).rejects.toThrow(/verified/);
    await expect(t.sql(`UPDATE monev_indicators SET quarterly_targets = '{3,4,7,10}' WHERE id = $1`, [id])).rejects.toThrow(/verified/);
  });
});
