import { allot, evenPlan, freshLine, line, setPlan } from './support/penatausahaan-fixtures';
import { announcedPackage, expectOk, vendor } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// A contract drafted by mistake is cancelled by the project officer with a
// reason before anyone signs it: it committed nothing, keeps its number, leaves
// the OCDS package, and the package takes the right contract. Before, a wrong
// draft stayed a DRAFT in the register for good.
describe('e-delivery: a contract drafted by mistake is cancelled', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('cancels the draft, refuses to sign it, and signs the corrected one', async () => {
    const lineId = await freshLine(t, 'A', '200000000.00');
    await setPlan(t, lineId, 'A', evenPlan('200000000.00'));
    await allot(t, lineId, 'A', '200000000.00');
    const pkgId = await announcedPackage(t, lineId, '100000000.00', { type: 'CONSTRUCTION', method: 'DIRECT_PROCUREMENT' });
    const v = await vendor(t, 'SMALL');
    const body = { packageId: pkgId, vendorId: v.id, signedOn: '2026-03-01', startDate: '2026-03-02', endDate: '2026-10-30', termins: [{ percent: '100', progressThreshold: '100' }] };
    const wrong = await t.post('/delivery/contracts', { ...body, number: 'SPK/SALAH/2026', value: '10000000' }, 'project-officer-a');
    expectOk(wrong, 201, 'draft');

    expect((await t.post(`/delivery/contracts/${wrong.body.id}/cancel`, { reason: 'x' }, 'budget-user-a')).status).toBe(403);
    expect((await t.post(`/delivery/contracts/${wrong.body.id}/cancel`, {}, 'project-officer-a')).status).toBe(400);
    const cancelled = await t.post(`/delivery/contracts/${wrong.body.id}/cancel`, { reason: 'nilai kontrak salah ketik' }, 'project-officer-a');
    expectOk(cancelled, 200, 'cancel');
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', number: 'SPK/SALAH/2026' });
    expect((await t.post(`/delivery/contracts/${wrong.body.id}/sign`, {}, 'budget-user-a')).body.code).toBe('INVALID_STATE_TRANSITION');
    expect((await t.post(`/delivery/contracts/${wrong.body.id}/cancel`, { reason: 'again' }, 'project-officer-a')).status).toBe(409);
    const audit = (await t.get(`/audit/events?entityType=Contract&entityId=${wrong.body.id}`, 'auditor')).body.data;
    expect(audit.find((e: { action: string }) => e.action === 'CONTRACT.CANCEL')?.after?.reason).toBe('nilai kontrak salah ketik');
    expect((await t.get('/delivery/contracts?fiscalYear=2026&status=CANCELLED', 'project-officer-a')).body.data.map((c: { number: string }) => c.number)).toContain('SPK/SALAH/2026');

    const right = await t.post('/delivery/contracts', { ...body, number: 'SPK/BENAR/2026', value: '100000000' }, 'project-officer-a');
    expectOk(right, 201, 'corrected draft');
    expectOk(await t.post(`/delivery/contracts/${right.body.id}/sign`, {}, 'budget-user-a'), 200, 'sign');
    expect(await line(t, lineId)).toMatchObject({ committed: '100000000.00' });
    expect((await t.post(`/delivery/contracts/${right.body.id}/cancel`, { reason: 'x' }, 'project-officer-a')).status).toBe(409);
    const ocds = await t.get('/delivery/ocds?fiscalYear=2026', 'auditor');
    const titles = (ocds.body.releases as Array<{ contracts?: Array<{ title: string }> }>).flatMap((r) => (r.contracts ?? []).map((c) => c.title));
    expect(titles).toContain('SPK/BENAR/2026');
    expect(titles).not.toContain('SPK/SALAH/2026');
  });
});
