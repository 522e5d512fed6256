import { allottedLine, approvedSpm, issueSp2d, TREASURER_ACCOUNT } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// A receipt (bukti) recorded by mistake is cancelled by its treasurer with a
// reason: its BKU entries are reversed, it no longer counts against the
// advance, and it keeps its number. A receipt an SPJ gathers is freed by
// rejecting that SPJ first. Before, a wrong receipt stayed for good.
describe('e-penatausahaan: a receipt recorded by mistake is cancelled', () => {
  let t: TestApp;
  let orgA: string;
  let today: string;
  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
    today = (await t.sql<{ d: string }>(`SELECT to_char(current_date, 'YYYY-MM-DD') AS d`))[0].d;
  });
  afterAll(async () => { await t.close(); });

  const closing = async () => (await t.get(`/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026`, 'treasurer-a')).body.closing;

  it('reverses its cash book entries, frees the advance, and is refused while an SPJ holds it', async () => {
    const id = await allottedLine(t, '6000000.00', '3000000.00');
    const { spmId } = await approvedSpm(t, { type: 'TU', organizationId: orgA, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: id, amount: '2000000.00' }] });
    const tu = await issueSp2d(t, spmId);
    const body = { organizationId: orgA, advanceSp2dId: tu, receiptDate: today, budgetLineId: id, medium: 'BANK', description: 'jasa kebersihan', payee: { name: 'CV Bersih' } };
    const start = await closing();

    const wrong = await t.post('/penatausahaan/receipts', { ...body, number: 'BKT-C01', gross: '1500000', taxes: [{ code: 'PPH23' }] }, 'treasurer-a');
    expect(wrong.status).toBe(201);
    expect((await t.post('/penatausahaan/receipts', { ...body, number: 'BKT-C02', gross: '600000' }, 'treasurer-a')).body.code).toBe('RECEIPT_EXCEEDS_ADVANCE');

    expect((await t.post(`/penatausahaan/receipts/${wrong.body.id}/cancel`, { reason: 'x' }, 'finance-officer-a')).status).toBe(403);
    expect((await t.post(`/penatausahaan/receipts/${wrong.body.id}/cancel`, {}, 'treasurer-a')).status).toBe(400);
    const cancelled = await t.post(`/penatausahaan/receipts/${wrong.body.id}/cancel`, { reason: 'nominal salah: seharusnya 150.000' }, 'treasurer-a');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', number: 'BKT-C01', cancelReason: 'nominal salah: seharusnya 150.000' });
    expect(await closing()).toEqual(start);
    const entries = (await t.get(`/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026&limit=500`, 'treasurer-a')).body.data
      .filter((e: { sourceType: string; sourceId: string }) => e.sourceType === 'ReceiptCancellation' && e.sourceId === wrong.body.id);
    expect(entries.length).toBe(3); // the net, the tax out of the bank, the tax out of the TAX sub-ledger
    expect((await t.post(`/penatausahaan/receipts/${wrong.body.id}/cancel`, { reason: 'again' }, 'treasurer-a')).status).toBe(409);
    const audit = (await t.get(`/audit/events?entityType=Receipt&entityId=${wrong.body.id}`, 'auditor')).body.data;
    expect(audit.find((e: { action: string }) => e.action === 'RECEIPT.CANCEL')?.after?.reason).toBe('nominal salah: seharusnya 150.000');

    // the whole advance is free again; an SPJ holds the new receipt until it is rejected
    const right = await t.post('/penatausahaan/receipts', { ...body, number: 'BKT-C03', gross: '2000000' }, 'treasurer-a');
    expect(right.status).toBe(201);
    expect((await t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: tu, receiptIds: [wrong.body.id] }, 'treasurer-a')).body.code).toBe('RECEIPT_CANCELLED');
    const spj = await t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: tu, receiptIds: [right.body.id] }, 'treasurer-a');
    expect(spj.status).toBe(201);
    const held = await t.post(`/penatausahaan/receipts/${right.body.id}/cancel`, { reason: 'salah' }, 'treasurer-a');
    expect([held.status, held.body.code]).toEqual([409, 'RECEIPT_IN_SPJ']);
    expect(held.body.detail).toContain(spj.body.number);
    expect((await t.post(`/penatausahaan/spj/${spj.body.id}/reject`, { reason: 'bukti salah' }, 'budget-user-a')).status).toBe(200);
    expect((await t.post(`/penatausahaan/receipts/${right.body.id}/cancel`, { reason: 'salah' }, 'treasurer-a')).body.status).toBe('CANCELLED');
    expect(await closing()).toEqual(start);
  });
});
