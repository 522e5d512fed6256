import { allot, evenPlan, freshLine, line, setPlan } from './support/penatausahaan-fixtures';
import { announcedPackage, expectOk, vendor } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// A proposed addendum the signer does not accept is rejected with a reason:
// nothing of the contract or its commitment changes, and a new addendum can
// then be proposed and approved (before, a pending addendum could only be
// approved, and blocked every other proposal: ADDENDUM_PENDING).
describe('e-delivery: a proposed addendum is rejected, and the next one goes through', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('refuses the addendum with a reason, leaves the contract as it was, and takes a new proposal', async () => {
    const lineId = await freshLine(t, 'A', '300000000.00');
    await setPlan(t, lineId, 'A', evenPlan('300000000.00'));
    await allot(t, lineId, 'A', '300000000.00');
    const pkgId = await announcedPackage(t, lineId, '100000000.00', { type: 'CONSTRUCTION', method: 'DIRECT_PROCUREMENT' });
    const v = await vendor(t, 'SMALL');
    const c = await t.post('/delivery/contracts', {
      packageId: pkgId, vendorId: v.id, number: 'SPK/ADD-REJ/2026', signedOn: '2026-03-01', value: '100000000', startDate: '2026-03-02', endDate: '2026-10-30',
      termins: [{ percent: '100', progressThreshold: '100' }],
    }, 'project-officer-a');
    expectOk(c, 201, 'contract');
    const id = c.body.id;
    expectOk(await t.post(`/delivery/contracts/${id}/sign`, {}, 'budget-user-a'), 200, 'sign');
    const signed = await t.get(`/delivery/contracts/${id}`, 'project-officer-a');

    expect((await t.post(`/delivery/contracts/${id}/addenda/reject`, { reason: 'x' }, 'budget-user-a')).body.code).toBe('NO_PENDING_ADDENDUM');
    expectOk(await t.post(`/delivery/contracts/${id}/addenda`, { value: '110000000', endDate: '2026-12-15', reason: 'pekerjaan tambah talud' }, 'project-officer-a'), 201, 'propose');
    expect((await t.post(`/delivery/contracts/${id}/addenda`, { value: '105000000', reason: 'usulan lain' }, 'project-officer-a')).body.code).toBe('ADDENDUM_PENDING');
    expect((await t.post(`/delivery/contracts/${id}/addenda/reject`, { reason: 'x' }, 'supervisor-a')).status).toBe(403);
    expect((await t.post(`/delivery/contracts/${id}/addenda/reject`, {}, 'budget-user-a')).status).toBe(400);

    const rejected = await t.post(`/delivery/contracts/${id}/addenda/reject`, { reason: 'volume tambah belum diukur bersama' }, 'budget-user-a');
    expectOk(rejected, 200, 'reject');
    expect(rejected.body).toMatchObject({ value: '100000000.00', endDate: '2026-10-30', addendaCount: 0, status: 'SIGNED' });
    expect(rejected.body.termins).toEqual(signed.body.termins);
    expect(await line(t, lineId)).toMatchObject({ committed: '100000000.00' });
    expect((await t.post(`/delivery/contracts/${id}/addenda/approve`, {}, 'budget-user-a')).body.code).toBe('NO_PENDING_ADDENDUM');
    const audit = (await t.get(`/audit/events?entityType=Contract&entityId=${id}`, 'auditor')).body.data;
    expect(audit.find((e: { action: string }) => e.action === 'CONTRACT.ADDENDUM_REJECT')?.after).toMatchObject({ addendumNo: 1, reason: 'volume tambah belum diukur bersama' });

    // the way forward: a new proposal, approved
    expectOk(await t.post(`/delivery/contracts/${id}/addenda`, { value: '105000000', reason: 'pekerjaan tambah talud, diukur bersama' }, 'project-officer-a'), 201, 'propose again');
    const approved = await t.post(`/delivery/contracts/${id}/addenda/approve`, {}, 'budget-user-a');
    expectOk(approved, 200, 'approve');
    expect(approved.body).toMatchObject({ value: '105000000.00', addendaCount: 1 });
    expect(await line(t, lineId)).toMatchObject({ committed: '105000000.00' });
  });
});
