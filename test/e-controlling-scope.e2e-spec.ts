import { allRows, Row } from './support/controlling-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// e-controlling reports by organization: AUDITOR reads the province, an OPD
// user its own OPD; another OPD's records are 404.
describe('e-controlling: organization scope', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('OPD users read their own OPD; the auditor the province', async () => {
    const orgA = await t.orgId('A');
    const orgB = await t.orgId('B');
    const planners = await allRows(t, '/controlling/rfk?fiscalYear=2026&month=9', 'planner-b');
    expect(planners.length).toBeGreaterThan(0);
    expect(planners.every((r) => r.organizationId === orgB)).toBe(true);
    expect((await t.get(`/controlling/rfk?fiscalYear=2026&month=9&organizationId=${orgA}`, 'planner-b')).status).toBe(404);
    expect((await t.get(`/controlling/packages?fiscalYear=2026&month=9&organizationId=${orgA}`, 'planner-b')).status).toBe(404);
    expect((await t.get('/controlling/packages?fiscalYear=2026&month=9', 'planner-b')).body.meta.total).toBe(0);
    const auditor = await allRows(t, '/controlling/rfk?fiscalYear=2026&month=9', 'auditor');
    expect(new Set(auditor.map((r) => r.organizationId)).size).toBeGreaterThan(1);
    const onlyA = await allRows(t, `/controlling/rfk?fiscalYear=2026&month=9&organizationId=${orgA}`, 'auditor');
    expect(onlyA.every((r) => r.organizationId === orgA)).toBe(true);
    const k4 = (await t.get('/controlling/packages?fiscalYear=2026&month=9&status=CRITICAL', 'project-officer-a')).body.data.find((p: Row) => p.contractNumber === 'KTR/004/DISDIKBUD/2026');
    expect((await t.get(`/controlling/contracts/${k4.contractId}/escalations`, 'planner-b')).status).toBe(404);
    expect((await t.get(`/controlling/contracts/${k4.contractId}/escalations`, 'auditor')).body).toHaveLength(1);
  });
});
