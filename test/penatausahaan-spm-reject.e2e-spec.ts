import { allottedLine, issueSp2d, ledgerClean, line, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// API.md's `POST /penatausahaan/spm/:id/reject {reason}`: the PA/KPA refuses
// to issue an SPM the finance officer drafted. The SPM is cancelled with the
// reason, the SPP goes back to the treasurer as REJECTED, is corrected and
// paid through a new SPM; an issued SPM is not rejected but cancelled.
describe('e-penatausahaan: the PA/KPA rejects a drafted SPM', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('sends the SPP back to the treasurer, who corrects it and gets it paid', async () => {
    const id = await allottedLine(t, '800000.00', '800000.00');
    const spp = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: id, amount: '250000.00' }], payee: { ...SUPPLIER, bankAccount: '1111111111' }, taxes: [] }, 'treasurer-a');
    expect(spp.status).toBe(201);
    expect((await t.post(`/penatausahaan/spp/${spp.body.id}/submit`, {}, 'treasurer-a')).status).toBe(200);
    const spm = await t.post('/penatausahaan/spm', { sppId: spp.body.id }, 'finance-officer-a');
    expect(spm.status).toBe(201);

    expect((await t.post(`/penatausahaan/spm/${spm.body.id}/reject`, { reason: 'x' }, 'finance-officer-a')).status).toBe(403);
    expect((await t.post(`/penatausahaan/spm/${spm.body.id}/reject`, {}, 'budget-user-a')).status).toBe(400);
    const rejected = await t.post(`/penatausahaan/spm/${spm.body.id}/reject`, { reason: 'rekening penerima tidak sesuai kontrak' }, 'budget-user-a');
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'rekening penerima tidak sesuai kontrak', number: spm.body.number });
    expect((await t.post(`/penatausahaan/spm/${spm.body.id}/reject`, { reason: 'again' }, 'budget-user-a')).status).toBe(409);
    const back = await t.get(`/penatausahaan/spp/${spp.body.id}`, 'treasurer-a');
    expect(back.body).toMatchObject({ status: 'REJECTED' });
    expect(back.body.rejectReason).toContain('rekening penerima tidak sesuai kontrak');
    expect(await line(t, id)).toMatchObject({ committed: '0.00', disbursed: '0.00' });
    const audit = (await t.get(`/audit/events?entityType=Spm&entityId=${spm.body.id}`, 'auditor')).body.data;
    expect(audit.find((e: { action: string }) => e.action === 'SPM.REJECT')?.after?.reason).toBe('rekening penerima tidak sesuai kontrak');

    // the way forward: corrected, resubmitted, a new SPM issued and paid
    expect((await t.patch(`/penatausahaan/spp/${spp.body.id}`, { payee: SUPPLIER, reason: 'rekening dari surat bank' }, 'treasurer-a')).status).toBe(200);
    expect((await t.post(`/penatausahaan/spp/${spp.body.id}/submit`, {}, 'treasurer-a')).status).toBe(200);
    const spm2 = await t.post('/penatausahaan/spm', { sppId: spp.body.id }, 'finance-officer-a');
    expect(spm2.status).toBe(201);
    expect((await t.post(`/penatausahaan/spm/${spm2.body.id}/approve`, {}, 'budget-user-a')).status).toBe(200);

    // an issued SPM is cancelled, not rejected
    const late = await t.post(`/penatausahaan/spm/${spm2.body.id}/reject`, { reason: 'terlambat' }, 'budget-user-a');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('INVALID_STATE_TRANSITION');
    await issueSp2d(t, spm2.body.id);
    expect(await line(t, id)).toMatchObject({ committed: '0.00', disbursed: '250000.00' });
    await ledgerClean(t);
  });
});
