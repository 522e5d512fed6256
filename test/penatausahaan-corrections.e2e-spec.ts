import { allottedLine, approvedSpm, issueSp2d, ledgerClean, line, SUPPLIER, TREASURER_ACCOUNT } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// No dead ends: an SP2D paid to the wrong account is cancelled, its SPM
// cancelled (commitment reversed), the SPP corrected and resubmitted and paid
// to the right account; an SPP is cancelled; an SPJ is rejected back to its
// treasurer. Each with its reason in the audit trail.
describe('e-penatausahaan: corrections after a cancelled SP2D, and other ways back', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  const reasonOf = async (entityType: string, id: string, action: string) =>
    (await t.get(`/audit/events?entityType=${entityType}&entityId=${id}`, 'auditor')).body.data.find((e: { action: string }) => e.action === action)?.after?.reason;

  it('a cancelled SP2D\'s payment is corrected and paid to the right account, the commitment following exactly', async () => {
    const id = await allottedLine(t, '1000000.00', '1000000.00');
    const wrong = { ...SUPPLIER, bankAccount: '1111111111' };
    const { sppId, spmId } = await approvedSpm(t, { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: id, amount: '300000.00' }], payee: wrong, taxes: [] });
    const sp2d = await issueSp2d(t, spmId);
    expect(await line(t, id)).toMatchObject({ committed: '0.00', disbursed: '300000.00' });

    const early = await t.post(`/penatausahaan/spm/${spmId}/cancel`, { reason: 'wrong account' }, 'budget-user-a');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('SP2D_ISSUED');
    expect((await t.post(`/penatausahaan/sp2d/${sp2d}/cancel`, { reason: 'paid to account 1111111111, not the supplier\'s' }, 'cash-authority')).status).toBe(200);
    expect(await line(t, id)).toMatchObject({ committed: '300000.00', disbursed: '0.00' });
    expect((await t.patch(`/penatausahaan/spp/${sppId}`, { payee: SUPPLIER, reason: 'x' }, 'treasurer-a')).status).toBe(409);

    expect((await t.post(`/penatausahaan/spm/${spmId}/cancel`, { reason: 'wrong account' }, 'finance-officer-a')).status).toBe(403);
    const cancelled = await t.post(`/penatausahaan/spm/${spmId}/cancel`, { reason: 'the supplier\'s account was wrong' }, 'budget-user-a');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'the supplier\'s account was wrong' });
    expect(await line(t, id)).toMatchObject({ committed: '0.00', disbursed: '0.00' });
    const back = await t.get(`/penatausahaan/spp/${sppId}`, 'treasurer-a');
    expect(back.body.status).toBe('REJECTED');

    const fixed = await t.patch(`/penatausahaan/spp/${sppId}`, { payee: SUPPLIER, reason: 'account number from the supplier\'s bank letter' }, 'treasurer-a');
    expect(fixed.status).toBe(200);
    expect(fixed.body.payee).toMatchObject({ bankAccount: SUPPLIER.bankAccount });
    expect((await t.patch(`/penatausahaan/spp/${sppId}`, { payee: SUPPLIER }, 'treasurer-a')).status).toBe(400);
    expect((await t.post(`/penatausahaan/spp/${sppId}/submit`, {}, 'treasurer-a')).body.status).toBe('SUBMITTED');
    const spm2 = await t.post('/penatausahaan/spm', { sppId }, 'finance-officer-a');
    expect(spm2.status).toBe(201);
    expect((await t.post(`/penatausahaan/spm/${spm2.body.id}/approve`, {}, 'budget-user-a')).status).toBe(200);
    expect(await line(t, id)).toMatchObject({ committed: '300000.00', disbursed: '0.00' });
    await issueSp2d(t, spm2.body.id);
    expect(await line(t, id)).toMatchObject({ committed: '0.00', disbursed: '300000.00' });
    expect((await t.get(`/penatausahaan/spp/${sppId}`, 'treasurer-a')).body).toMatchObject({ status: 'PAID', payee: { bankAccount: SUPPLIER.bankAccount } });
    const sp2ds = (await t.get(`/penatausahaan/sp2d?organizationId=${orgA}&limit=100`, 'cash-authority')).body.data.filter((d: { sppId: string }) => d.sppId === sppId);
    expect(sp2ds.map((d: { status: string }) => d.status).sort()).toEqual(['CANCELLED', 'ISSUED']);

    // the SPM's commitment was reversed by entries that name it
    const reversal = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM ledger_entries r JOIN ledger_entries o ON o.id = r.reverses_entry_id WHERE r.source_type = 'SpmCancellation' AND o.source_type = 'Spm' AND o.source_id = $1`, [spmId]);
    expect(reversal[0].n).toBe(1);
    expect(await reasonOf('Spm', spmId, 'SPM.CANCEL')).toBe('the supplier\'s account was wrong');
    expect(await reasonOf('Spp', sppId, 'SPP.CORRECT')).toBe('account number from the supplier\'s bank letter');
    await ledgerClean(t);
    expect((await t.get('/audit/verify', 'auditor')).body.valid).toBe(true);
  });

  it('an SPP no SPM orders is cancelled and keeps its number', async () => {
    const id = await allottedLine(t, '500000.00', '500000.00');
    const spp = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: id, amount: '500000.00' }], payee: SUPPLIER, taxes: [] }, 'treasurer-a');
    expect((await t.post(`/penatausahaan/spp/${spp.body.id}/submit`, {}, 'treasurer-a')).status).toBe(200);
    const gone = await t.post(`/penatausahaan/spp/${spp.body.id}/cancel`, { reason: 'the order was withdrawn' }, 'treasurer-a');
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ status: 'CANCELLED', number: spp.body.number });
    expect((await t.post(`/penatausahaan/spp/${spp.body.id}/submit`, {}, 'treasurer-a')).status).toBe(409);
    // no longer in process: the whole allotment is available again
    const again = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: id, amount: '500000.00' }], payee: SUPPLIER, taxes: [] }, 'treasurer-a');
    expect((await t.post(`/penatausahaan/spp/${again.body.id}/submit`, {}, 'treasurer-a')).status).toBe(200);
    expect(await reasonOf('Spp', spp.body.id, 'SPP.CANCEL')).toBe('the order was withdrawn');
  });

  it('an SPJ is rejected back to its treasurer, who submits a corrected one', async () => {
    const id = await allottedLine(t, '1000000.00', '1000000.00');
    const { spmId } = await approvedSpm(t, { type: 'UP', organizationId: orgA, lines: [{ budgetLineId: id, amount: '200000.00' }], payee: TREASURER_ACCOUNT });
    const up = await issueSp2d(t, spmId);
    const spj = (amount: string) => t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: up, lines: [{ budgetLineId: id, amount, description: 'alat tulis' }] }, 'treasurer-a');
    const first = await spj('200000.00');
    expect(first.status).toBe(201);
    const rejected = await t.post(`/penatausahaan/spj/${first.body.id}/reject`, { reason: 'receipt 7 is missing' }, 'budget-user-a');
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectReason: 'receipt 7 is missing' });
    expect((await t.post(`/penatausahaan/spj/${first.body.id}/approve`, {}, 'budget-user-a')).status).toBe(409);
    const second = await spj('150000.00');
    expect(second.status).toBe(201);
    expect((await t.post(`/penatausahaan/spj/${second.body.id}/approve`, {}, 'budget-user-a')).status).toBe(200);
    expect(await line(t, id)).toMatchObject({ disbursed: '150000.00' });
    expect(await reasonOf('Spj', first.body.id, 'SPJ.REJECT')).toBe('receipt 7 is missing');
    await ledgerClean(t);
  });
});
