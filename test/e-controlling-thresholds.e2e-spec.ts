import { Row } from './support/controlling-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// The controlling thresholds of a year: the defaults of decision 0500 until
// ADMIN sets the year's own; statuses and early warnings follow them.
describe('e-controlling: thresholds per fiscal year and early warnings', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('the year\'s thresholds are the defaults until ADMIN sets them; a stricter tolerance makes the LATE contract CRITICAL', async () => {
    const d = await t.get('/controlling/thresholds?fiscalYear=2026', 'auditor');
    expect(d.body).toMatchObject({ periodOneUpTo: '70.00', periodOneBehind: '10.00', periodTwoBehind: '5.00', projectionDays: 28, isDefault: true });
    const body = { ...d.body, periodTwoBehind: '3.00', regulation: 'Keputusan Gubernur (contoh): toleransi 3 poin' };
    delete body.fiscalYear; delete body.isDefault;
    expect((await t.put('/controlling/thresholds/2026', body, 'auditor')).status).toBe(403);
    const put = await t.put('/controlling/thresholds/2026', body, 'admin');
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ periodTwoBehind: '3.00', isDefault: false });
    const k5 = (await t.get('/controlling/packages?fiscalYear=2026&month=9', 'auditor')).body.data.find((p: Row) => p.contractNumber === 'KTR/005/DISDIKBUD/2026');
    expect(k5).toMatchObject({ status: 'CRITICAL' });
    expect(k5.reason).toContain('more than 3.00 points behind');
    expect((await t.put('/controlling/thresholds/2026', { ...body, periodOneUpTo: '100' }, 'admin')).status).toBe(400);
  });

  it('early warnings name the rule and its figures', async () => {
    const w = await t.get('/controlling/warnings?fiscalYear=2026&month=9&limit=500', 'auditor');
    expect(w.status).toBe(200);
    const kinds = new Set(w.body.data.map((x: Row) => x.kind));
    expect(kinds).toContain('CRITICAL_CONTRACT');
    const critical = w.body.data.find((x: Row) => x.kind === 'CRITICAL_CONTRACT' && x.subject === 'KTR/004/DISDIKBUD/2026');
    expect(critical.detail).toContain('12.00 points behind plan');
  });
});
