import { allottedLine, approvedSpm, issueSp2d, ledgerClean, line, TREASURER_ACCOUNT } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

interface Entry { no: number; entryDate: string; subLedger: string; receipt: string; expenditure: string; balance: string; documentNumber: string | null; taxCode: string | null; sourceType: string }

// Transaction first: the treasurer records each payment from an advance as a
// receipt (bukti) on its day; the BKU follows on that day with numbers 1..N
// and a running balance; withheld taxes wait in the TAX sub-ledger until
// deposited with billing code and NTPN; the SPJ gathers the receipts and its
// approval realises each of them.
describe('e-penatausahaan: receipts, the cash book and tax deposits', () => {
  let t: TestApp;
  let orgA: string;
  let today: string;
  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
    today = (await t.sql<{ d: string }>(`SELECT to_char(current_date, 'YYYY-MM-DD') AS d`))[0].d;
  });
  afterAll(async () => { await t.close(); });

  const book = async (q = '') => (await t.get(`/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026${q}`, 'treasurer-a')).body as { entries: Entry[]; closing: Record<string, string> };
  const receipt = (body: Record<string, unknown>) => t.post('/penatausahaan/receipts', { organizationId: orgA, receiptDate: today, medium: 'BANK', description: 'belanja', ...body }, 'treasurer-a');

  it('records receipts on their day, numbers the book 1..N with a running balance, deposits taxes, and realises receipts through the SPJ', async () => {
    const id = await allottedLine(t, '24000000.00', '12000000.00');
    const { spmId } = await approvedSpm(t, { type: 'TU', organizationId: orgA, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: id, amount: '10000000.00' }] });
    const tu = await issueSp2d(t, spmId);
    const move = await t.post('/penatausahaan/bku/entries', { organizationId: orgA, entryDate: today, subLedger: 'BANK', direction: 'OUT', toSubLedger: 'CASH', amount: '300000.00', description: 'penarikan tunai' }, 'treasurer-a');
    expect(move.status).toBe(201);

    // from a VAT-registered supplier: taxes on the DPP (3,330,000 x 100/111 = 3,000,000)
    const r1 = await receipt({ advanceSp2dId: tu, number: 'BKT-001', payee: { name: 'CV Sinar Abadi', npwp: '02.345.678.9-517.000', vatRegistered: true },
      budgetLineId: id, gross: '3330000.00', taxes: [{ code: 'PPN' }, { code: 'PPH22' }], description: 'printer' });
    expect(r1.status).toBe(201);
    expect(r1.body).toMatchObject({ receiptDate: today, dpp: '3000000.00', taxesTotal: '375000.00', net: '2955000.00', status: 'RECORDED' });
    const r2 = await receipt({ advanceSp2dId: tu, number: 'BKT-002', payee: { name: 'Toko Murah' }, budgetLineId: id, gross: '250000.00', medium: 'CASH', description: 'ATK' });
    expect(r2.status).toBe(201);
    const r3 = await receipt({ advanceSp2dId: tu, number: 'BKT-003', payee: { name: 'CV Jasa Kebersihan' }, budgetLineId: id, gross: '2000000.00', taxes: [{ code: 'PPH23' }], description: 'jasa kebersihan' });
    expect(r3.body).toMatchObject({ taxesTotal: '80000.00' }); // no NPWP: PPh 23 at 4% of the gross (not VAT-registered)

    // refusals name the rule and the arithmetic, and write nothing
    const rest = 10000000 - 3330000 - 250000 - 2000000;
    const over = await receipt({ advanceSp2dId: tu, number: 'BKT-004', payee: { name: 'x' }, budgetLineId: id, gross: `${rest}.01` });
    expect([over.status, over.body.code]).toEqual([422, 'RECEIPT_EXCEEDS_ADVANCE']);
    expect(over.body.detail).toContain(`already accounted or recorded 5580000.00 = ${rest}.00`);
    expect((await receipt({ advanceSp2dId: tu, number: 'BKT-001', payee: { name: 'x' }, budgetLineId: id, gross: '1.00' })).body.code).toBe('RECEIPT_NUMBER_TAKEN');
    expect((await receipt({ advanceSp2dId: tu, number: 'BKT-005', payee: { name: 'x' }, budgetLineId: id, gross: '1.00', receiptDate: '2026-01-01' })).body.code).toBe('BKU_DATE_BEFORE_LAST');
    expect((await receipt({ advanceSp2dId: tu, number: 'BKT-006', payee: { name: 'x' }, budgetLineId: id, gross: '300000.01', medium: 'CASH' })).body.code).toBe('BKU_NEGATIVE_BALANCE');
    // PPN from a payee stated not to be a PKP (unstated, PPN would say it is one: decision 0115)
    expect((await receipt({ advanceSp2dId: tu, number: 'BKT-007', payee: { name: 'x', vatRegistered: false }, budgetLineId: id, gross: '5.00', taxes: [{ code: 'PPN' }] })).body.code).toBe('TAX_NOT_APPLICABLE');
    expect((await t.get(`/penatausahaan/receipts?organizationId=${orgA}&advanceSp2dId=${tu}`, 'auditor')).body.meta.total).toBe(3);

    // the taxes withheld wait in the TAX sub-ledger per type until deposited
    const heldPpn = (await book()).entries.filter((e) => e.taxCode === 'PPN');
    const held = heldPpn.reduce((s, e) => s + BigInt(e.receipt.replace('.', '')) - BigInt(e.expenditure.replace('.', '')), 0n);
    expect(held).toBe(33000000n); // the demo's PPN is deposited already; only this receipt's is held
    const tooMuch = await t.post('/penatausahaan/tax-deposits', { organizationId: orgA, taxCode: 'PPN', amount: '330000.01', depositDate: today, billingCode: '820260300000002', ntpn: 'E2E0RCPT0PPN0001' }, 'treasurer-a');
    expect([tooMuch.status, tooMuch.body.code]).toEqual([422, 'DEPOSIT_EXCEEDS_TAX_HELD']);
    expect(tooMuch.body.detail).toContain('PPN 330000.01 > PPN withheld and not yet deposited 330000.00');
    const dep = await t.post('/penatausahaan/tax-deposits', { organizationId: orgA, taxCode: 'PPN', amount: '330000.00', depositDate: today, billingCode: '820260300000002', ntpn: 'E2E0RCPT0PPN0001' }, 'treasurer-a');
    expect(dep.status).toBe(201);
    expect(dep.body).toMatchObject({ taxCode: 'PPN', amount: '330000.00', billingCode: '820260300000002', ntpn: 'E2E0RCPT0PPN0001', sourceType: 'Treasurer' });
    const again = await t.post('/penatausahaan/tax-deposits', { organizationId: orgA, taxCode: 'PPH22', amount: '45000.00', depositDate: today, billingCode: '820260300000003', ntpn: 'E2E0RCPT0PPN0001' }, 'treasurer-a');
    expect([again.status, again.body.code]).toEqual([409, 'NTPN_ALREADY_USED']);

    // the book: numbers 1..N as numbers, each balance = the previous + receipt - expenditure, receipts on their date
    const b = await book();
    expect(b.entries.map((e) => e.no)).toEqual(b.entries.map((_, i) => i + 1));
    expect(b.entries.length).toBeGreaterThan(10);
    let running = 0n;
    const sen = (s: string) => BigInt(s.replace('.', ''));
    for (const e of b.entries) {
      running += sen(e.receipt) - sen(e.expenditure);
      expect(sen(e.balance)).toBe(running);
    }
    expect(sen(b.closing.total)).toBe(running);
    const mine = b.entries.filter((e) => e.documentNumber === 'bukti BKT-001');
    expect(mine.map((e) => [e.entryDate, e.subLedger, e.receipt, e.expenditure, e.taxCode])).toEqual([
      [today, 'BANK', '0.00', '2955000.00', null], [today, 'BANK', '0.00', '330000.00', null], [today, 'TAX', '330000.00', '0.00', 'PPN'],
      [today, 'BANK', '0.00', '45000.00', null], [today, 'TAX', '45000.00', '0.00', 'PPH22']]);
    const csv = (await t.get(`/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026&format=csv`, 'treasurer-a')).text.trim().split('\r\n').slice(1);
    expect(csv.map((r) => Number(r.split(',')[0]))).toEqual(b.entries.map((e) => e.no));
    expect(csv.join('\n')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);

    // the SPJ gathers the receipts; its approval realises each, and the BKU (already written) does not move for them
    const spj = await t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: tu, receiptIds: [r1.body.id, r2.body.id, r3.body.id] }, 'treasurer-a');
    expect(spj.status).toBe(201);
    expect(spj.body).toMatchObject({ total: '5580000.00', lines: [{ budgetLineId: id, amount: '5580000.00', description: 'receipts BKT-001, BKT-002, BKT-003' }] });
    expect((await t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: tu, receiptIds: [r1.body.id] }, 'treasurer-a')).status).toBe(409);
    const bankBefore = (await book()).closing.bank;
    expect((await t.post(`/penatausahaan/spj/${spj.body.id}/approve`, {}, 'budget-user-a')).status).toBe(200);
    expect(await line(t, id)).toMatchObject({ disbursed: '5580000.00' });
    const realised = await t.sql<{ source_type: string; amount: string; number: string }>(
      `SELECT e.source_type, e.amount::text, r.number FROM ledger_entries e JOIN receipts r ON r.id::text = e.source_id::text WHERE r.spj_id = $1 ORDER BY r.number`, [spj.body.id]);
    expect(realised).toEqual([{ source_type: 'Receipt', amount: '3330000.00', number: 'BKT-001' }, { source_type: 'Receipt', amount: '250000.00', number: 'BKT-002' }, { source_type: 'Receipt', amount: '2000000.00', number: 'BKT-003' }]);
    expect((await t.get(`/penatausahaan/receipts/${r1.body.id}`, 'auditor')).body).toMatchObject({ status: 'REALISED', spjNumber: spj.body.number });
    // TU: only the unused rest leaves the bank at approval
    expect(sen((await book()).closing.bank)).toBe(sen(bankBefore) - sen('4420000.00'));
    await ledgerClean(t);
    expect((await t.get('/audit/verify', 'auditor')).body.valid).toBe(true);
    const actions = (await t.get(`/audit/events?entityType=Receipt&entityId=${r1.body.id}`, 'auditor')).body.data.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['RECEIPT.CREATE']);
  });
});
