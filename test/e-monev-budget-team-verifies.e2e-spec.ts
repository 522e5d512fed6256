import { openWindows } from './support/monev-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// DOMAIN.md: the budget team (BUDGET_VERIFIER) verifies or rejects indicator
// data province-wide, as Bappeda's monitoring team does (decision 0118); the
// planner who entered a realisation, an auditor and another OPD's planner may
// not; a verified realisation counts in the evaluation with its band.
describe('e-monev: the budget team verifies indicator realisations', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); await openWindows(t, true); });
  afterAll(async () => { await t.close(); });

  it('verifier (BUDGET_VERIFIER) rejects with a reason and verifies; the evaluation shows achievement 90.50, band TINGGI', async () => {
    const [{ code }] = await t.sql<{ code: string }>(
      `SELECT code FROM code_list_entries WHERE version = 'KMDN5889-2023' AND list = 'nomenclature' AND level = 4 AND code LIKE '1.01.02.%' ORDER BY code LIMIT 1`);
    const ind = await t.post('/monev/indicators', { fiscalYear: 2026, level: 'KEGIATAN', code, name: 'Jumlah sekolah yang dibina', unit: 'Unit', direction: 'HIGHER_IS_BETTER', target: '200', cumulative: true }, 'planner-a');
    expect(ind.status).toBe(201);
    const r = await t.post(`/monev/indicators/${ind.body.id}/realizations`, { quarter: 2, value: '181', evidence: 'laporan TW II' }, 'planner-a');
    expect(r.status).toBe(201);
    const rid = r.body.id as string;
    expect((await t.post(`/monev/realizations/${rid}/submit`, {}, 'planner-a')).body.status).toBe('SUBMITTED');

    for (const user of ['planner-a', 'planner-b', 'auditor', 'treasurer-a']) {
      expect({ user, status: (await t.post(`/monev/realizations/${rid}/verify`, {}, user)).status }).toEqual({ user, status: 403 });
    }
    const rejected = await t.post(`/monev/realizations/${rid}/reject`, { reason: 'bukti belum dilampirkan' }, 'verifier');
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectReason: 'bukti belum dilampirkan', verifiedBy: 'verifier' });
    expect((await t.patch(`/monev/realizations/${rid}`, { evidence: 'laporan TW II dengan lampiran' }, 'planner-a')).status).toBe(200);
    expect((await t.post(`/monev/realizations/${rid}/submit`, {}, 'planner-a')).status).toBe(200);
    const verified = await t.post(`/monev/realizations/${rid}/verify`, {}, 'verifier');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'VERIFIED', value: '181.0000', verifiedBy: 'verifier' });
    expect((await t.post(`/monev/realizations/${rid}/verify`, {}, 'verifier')).body.code).toBe('INVALID_STATE_TRANSITION');

    const orgA = await t.orgId('A');
    const ev = await t.get(`/monev/evaluation?fiscalYear=2026&quarter=2&organizationId=${orgA}&limit=500`, 'verifier');
    expect(ev.status).toBe(200);
    const row = ev.body.data.find((x: { indicatorId: string }) => x.indicatorId === ind.body.id);
    expect(row).toMatchObject({ achievement: '90.50', band: 'TINGGI' });
    const audit = await t.get(`/audit/events?entityType=MonevRealization&entityId=${rid}`, 'auditor');
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['MONEV_REALIZATION.REJECT', 'MONEV_REALIZATION.VERIFY']));
  });
});
