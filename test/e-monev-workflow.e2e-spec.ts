import { openWindows } from './support/monev-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// A quarter's realisation from entry to verification: entered and corrected
// as a DRAFT, submitted, rejected with a reason by Bappeda, corrected and
// resubmitted after its window closed (no dead end), verified; the closed
// window refuses new entries; the history and the audit trail keep each step.
describe('e-monev: the realisation workflow and the entry window', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); await openWindows(t, true); });
  afterAll(async () => { await t.close(); });

  it('takes a realisation through DRAFT, SUBMITTED, REJECTED, SUBMITTED, VERIFIED and refuses a closed quarter', async () => {
    const [{ code, unit }] = await t.sql<{ code: string; unit: string }>(
      `SELECT code, unit FROM code_list_entries WHERE version = 'KMDN5889-2023' AND list = 'nomenclature' AND level = 5 AND unit = 'Dokumen' ORDER BY code LIMIT 1 OFFSET 3`);
    const ind = await t.post('/monev/indicators', { fiscalYear: 2026, level: 'SUB_KEGIATAN', code, target: '8' }, 'planner-a');
    expect(ind.status).toBe(201);
    expect(ind.body).toMatchObject({ unit, aggregation: 'SUM', quarterlyTargets: ['2.0000', '4.0000', '6.0000', '8.0000'] });
    const id = ind.body.id as string;

    // TW I closed on 2026-04-10: refused, nothing written
    const closed = await t.post(`/monev/indicators/${id}/realizations`, { quarter: 1, value: '2', evidence: 'laporan' }, 'planner-a');
    expect(closed.status).toBe(422);
    expect(closed.body.code).toBe('QUARTER_CLOSED');
    expect(closed.body.detail).toContain('closed on 2026-04-10');
    expect(await t.sql(`SELECT 1 FROM monev_realizations WHERE indicator_id = $1`, [id])).toEqual([]);

    // TW II: a draft, corrected, submitted
    const r = await t.post(`/monev/indicators/${id}/realizations`, { quarter: 2, value: '3', evidence: 'dokumen Renja', obstacles: 'data terlambat' }, 'planner-a');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'DRAFT', value: '3.0000', enteredBy: 'planner-a' });
    const rid = r.body.id as string;
    expect((await t.post(`/monev/indicators/${id}/realizations`, { quarter: 2, value: '1', evidence: 'x' }, 'planner-a')).body.code).toBe('DUPLICATE');
    const early = await t.post(`/monev/realizations/${rid}/verify`, {}, 'monev-verifier');
    expect([early.status, early.body.code]).toEqual([409, 'INVALID_STATE_TRANSITION']);
    expect(early.body.detail).toBe(`realization in state DRAFT cannot be verified until the OPD's planner submits it (POST /monev/realizations/${rid}/submit)`);
    expect((await t.patch(`/monev/realizations/${rid}`, { value: '4' }, 'planner-a')).body.value).toBe('4.0000');
    expect((await t.post(`/monev/realizations/${rid}/submit`, {}, 'planner-a')).body.status).toBe('SUBMITTED');
    expect((await t.patch(`/monev/realizations/${rid}`, { value: '5' }, 'planner-a')).status).toBe(409);
    expect((await t.post(`/monev/realizations/${rid}/verify`, {}, 'planner-a')).status).toBe(403);
    expect((await t.post(`/monev/realizations/${rid}/reject`, {}, 'monev-verifier')).status).toBe(400);
    const rejected = await t.post(`/monev/realizations/${rid}/reject`, { reason: 'dokumen belum ditandatangani' }, 'monev-verifier');
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectReason: 'dokumen belum ditandatangani', verifiedBy: 'monev-verifier' });

    // the window of TW II closes; the rejected realisation is still corrected and resubmitted
    expect((await t.put('/monev/settings/2026', { deadlines: ['2026-04-10', '2026-07-10', '2099-12-31', '2099-12-31'], regulation: 'test' }, 'admin')).status).toBe(200);
    const other = await t.post('/monev/indicators', { fiscalYear: 2026, level: 'SUB_KEGIATAN', code, name: 'Jumlah dokumen lain', target: '1' }, 'planner-a');
    expect((await t.post(`/monev/indicators/${other.body.id}/realizations`, { quarter: 2, value: '1', evidence: 'x' }, 'planner-a')).body.code).toBe('QUARTER_CLOSED');
    expect((await t.patch(`/monev/realizations/${rid}`, { value: '4', evidence: 'dokumen Renja bertanda tangan' }, 'planner-a')).status).toBe(200);
    expect((await t.post(`/monev/realizations/${rid}/submit`, {}, 'planner-a')).body.status).toBe('SUBMITTED');
    const verified = await t.post(`/monev/realizations/${rid}/verify`, {}, 'monev-verifier');
    expect(verified.body).toMatchObject({ status: 'VERIFIED', value: '4.0000', evidence: 'dokumen Renja bertanda tangan' });
    expect((await t.post(`/monev/realizations/${rid}/reject`, { reason: 'x' }, 'monev-verifier')).body.code).toBe('INVALID_STATE_TRANSITION');

    const got = await t.get(`/monev/indicators/${id}`, 'auditor');
    expect(got.body.realizations[0].history.map((h: { action: string; status: string }) => `${h.action}:${h.status}`))
      .toEqual(['CREATE:DRAFT', 'UPDATE:DRAFT', 'SUBMIT:SUBMITTED', 'REJECT:REJECTED', 'UPDATE:REJECTED', 'SUBMIT:SUBMITTED', 'VERIFY:VERIFIED']);
    const audit = await t.get(`/audit/events?entityType=MonevRealization&entityId=${rid}`, 'auditor');
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['MONEV_REALIZATION.REJECT', 'MONEV_REALIZATION.VERIFY']));
    // the history is append-only: the API's role may not change it, and the database refuses even its owner
    await expect(t.sql(`DELETE FROM monev_realization_events WHERE realization_id = $1`, [rid])).rejects.toThrow(/permission denied/);
    await expect(t.superSql(`UPDATE monev_realization_events SET reason = 'x' WHERE realization_id = $1`, [rid])).rejects.toThrow(/append-only/);
    // verified TW II counts: 4 of the cumulative 4 to TW II
    const ev = await t.get(`/monev/evaluation?fiscalYear=2026&quarter=2&programCode=${code}`, 'planner-a');
    expect(ev.body.data.find((x: { indicator: string }) => x.indicator === ind.body.name)).toMatchObject({ realization: '4.0000', achievement: '100.00', band: 'SANGAT_TINGGI' });
  });
});
