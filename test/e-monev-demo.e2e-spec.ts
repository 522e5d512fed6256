import { startTestApp, TestApp } from './support/test-app';

// The demo province shows e-monev at work: OPD A's 2026 indicators with
// realisations of TW I and TW II, one verified and one rejected (with its
// reason), and the TW II footer; the auditor's evaluation report shows them.
describe('e-monev demo data', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('has indicators with TW I and TW II realisations, verified and rejected, in the evaluation report', async () => {
    const orgA = await t.orgId('A');
    const list = await t.get(`/monev/indicators?fiscalYear=2026&organizationId=${orgA}`, 'auditor');
    expect(list.body.meta.total).toBeGreaterThanOrEqual(2);
    const realizations = list.body.data.flatMap((i: { realizations: { quarter: number; status: string; rejectReason: string | null }[] }) => i.realizations);
    expect(new Set(realizations.map((r: { quarter: number }) => r.quarter))).toEqual(new Set([1, 2]));
    expect(realizations.filter((r: { status: string }) => r.status === 'VERIFIED').length).toBeGreaterThanOrEqual(1);
    expect(realizations.find((r: { status: string }) => r.status === 'REJECTED')).toMatchObject({ quarter: 2, rejectReason: expect.any(String) });
    const ev = await t.get(`/monev/evaluation?fiscalYear=2026&quarter=2&organizationId=${orgA}`, 'auditor');
    expect(ev.body.data.filter((r: { band: string | null }) => r.band !== null).length).toBeGreaterThanOrEqual(2);
    expect(ev.body.footer.organizations[0]).toMatchObject({ organizationId: orgA, band: expect.any(String), inhibitingFactors: expect.stringContaining('lelang') });
    // OPD B's planner sees none of it
    expect((await t.get(`/monev/indicators?fiscalYear=2026&organizationId=${orgA}`, 'planner-b')).body.meta.total).toBe(0);
  });
});
