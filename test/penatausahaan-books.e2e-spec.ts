import { allottedLine, approvedSpm, issueSp2d, TREASURER_ACCOUNT } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

interface Row { no: number; bkuNo: number | null; date: string; documentNumber: string | null; group: string; groupName: string | null; receipt: string; expenditure: string; balance: string }
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

// The subsidiary books a treasurer signs beside the BKU (cash, bank, tax per
// type, spending per rincian objek) and the month-end cash count, each
// exportable with document numbers and names.
describe('e-penatausahaan: subsidiary books and the cash count', () => {
  let t: TestApp;
  let orgA: string;
  let today: string;
  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
    today = (await t.sql<{ d: string }>(`SELECT to_char(current_date, 'YYYY-MM-DD') AS d`))[0].d;
  });
  afterAll(async () => { await t.close(); });

  const book = async (kind: string, q = '') => (await t.get(`/penatausahaan/bku/books/${kind}?organizationId=${orgA}&fiscalYear=2026${q}`, 'treasurer-a')).body as { rows: Row[]; organizationName: string };
  const sen = (s: string) => BigInt(s.replace('.', ''));

  it('keeps each book in entry order with its own running balance, and counts the cash against the book', async () => {
    const id = await allottedLine(t, '24000000.00', '12000000.00');
    const [{ ro }] = await t.sql<{ ro: string }>(`SELECT array_to_string((string_to_array(account_code, '.'))[1:5], '.') AS ro FROM budget_lines WHERE id = $1`, [id]);
    const { spmId } = await approvedSpm(t, { type: 'TU', organizationId: orgA, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: id, amount: '5000000.00' }] });
    const tu = await issueSp2d(t, spmId);
    expect((await t.post('/penatausahaan/bku/entries', { organizationId: orgA, entryDate: today, subLedger: 'BANK', direction: 'OUT', toSubLedger: 'CASH', amount: '700000.00', description: 'penarikan' }, 'treasurer-a')).status).toBe(201);
    const pay = (number: string, gross: string, medium: string, taxes: string[] = []) => t.post('/penatausahaan/receipts', { organizationId: orgA, advanceSp2dId: tu, receiptDate: today, number,
      payee: { name: 'CV Jasa', npwp: '01.234.567.8-901.000' }, budgetLineId: id, gross, taxes: taxes.map((code) => ({ code })), medium, description: `belanja ${number}` }, 'treasurer-a');
    expect((await pay('BP-1', '400000.00', 'CASH')).status).toBe(201);
    expect((await pay('BP-2', '1000000.00', 'BANK', ['PPH23'])).status).toBe(201); // PPh 23 2% = 20,000 held
    expect((await pay('BP-3', '100000.00', 'CASH')).status).toBe(201);

    // cash book: only CASH, its running balance ends on the BKU's cash
    const cash = await book('cash');
    const bku = (await t.get(`/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026`, 'treasurer-a')).body;
    expect(cash.rows.map((r) => r.no)).toEqual(cash.rows.map((_, i) => i + 1));
    expect(cash.rows.at(-1)!.balance).toBe(bku.closing.cash);
    expect(cash.rows.slice(-3).map((r) => [r.documentNumber, r.receipt, r.expenditure])).toEqual([[null, '700000.00', '0.00'], ['bukti BP-1', '0.00', '400000.00'], ['bukti BP-3', '0.00', '100000.00']]);
    expect((await book('bank')).rows.at(-1)!.balance).toBe(bku.closing.bank);
    // tax book per type: PPh 23 withheld and not yet deposited
    const pph23 = await book('tax', '&taxCode=PPH23');
    expect(pph23.rows.every((r) => r.group === 'PPH23')).toBe(true);
    expect(pph23.rows.at(-1)).toMatchObject({ documentNumber: 'bukti BP-2', receipt: '20000.00', balance: '20000.00' });
    const allTax = await book('tax');
    expect(allTax.rows.reduce((s, r) => s + sen(r.receipt) - sen(r.expenditure), 0n)).toBe(sen(bku.closing.tax));

    // spending per rincian objek, once the SPJ realises the receipts
    const receipts = (await t.get(`/penatausahaan/receipts?organizationId=${orgA}&advanceSp2dId=${tu}`, 'treasurer-a')).body.data.map((r: { id: string }) => r.id);
    const spj = await t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: tu, receiptIds: receipts }, 'treasurer-a');
    // the demo's own payments may already stand on this rincian objek: ours follow them
    const prior = (await book('rincian-objek', `&accountCode=${ro}`)).rows;
    const base = sen(prior.at(-1)?.balance ?? '0.00');
    expect((await t.post(`/penatausahaan/spj/${spj.body.id}/approve`, {}, 'budget-user-a')).status).toBe(200);
    const spending = await book('rincian-objek', `&accountCode=${ro}`);
    const mine = spending.rows.slice(prior.length);
    expect(mine.map((r) => r.expenditure)).toEqual(['400000.00', '1000000.00', '100000.00']);
    expect(mine.map((r) => sen(r.balance) - base)).toEqual([40000000n, 140000000n, 150000000n]);
    expect(mine[0]).toMatchObject({ group: ro, groupName: expect.any(String) });
    expect(mine[1].documentNumber).toContain('receipt BP-2');
    const csv = await t.get(`/penatausahaan/bku/books/rincian-objek?organizationId=${orgA}&fiscalYear=2026&accountCode=${ro}&format=csv`, 'auditor');
    expect(csv.headers['content-disposition']).toMatch(/buku-rincian-objek-2026\.csv/);
    expect(csv.text).not.toMatch(UUID);
    expect(csv.text.trim().split('\r\n')).toHaveLength(4 + prior.length);
    expect((await t.get(`/penatausahaan/bku/books/tax?organizationId=${orgA}&fiscalYear=2026&format=xlsx`, 'auditor')).headers['content-type']).toMatch(/spreadsheetml/);
    expect((await t.get(`/penatausahaan/bku/books/nonsense?organizationId=${orgA}&fiscalYear=2026`, 'auditor')).status).toBe(400);
    expect((await t.get(`/penatausahaan/bku/books/cash?organizationId=${await t.orgId('B')}&fiscalYear=2026`, 'treasurer-a')).status).toBe(404);

    // panjar: cash handed to an activity officer, spent by them on a receipt, the rest handed back
    const entry = (body: Record<string, unknown>) => t.post('/penatausahaan/bku/entries', { organizationId: orgA, entryDate: today, direction: 'OUT', description: 'panjar', ...body }, 'treasurer-a');
    const officer = 'Budi Santoso (PPTK)';
    expect((await entry({ subLedger: 'CASH', toSubLedger: 'PANJAR', amount: '150000.00' })).body.code).toBe('VALIDATION_FAILED'); // no officer named
    expect((await entry({ subLedger: 'CASH', toSubLedger: 'PANJAR', amount: '150000.00', officer })).status).toBe(201);
    const tu2 = await approvedSpm(t, { type: 'TU', organizationId: orgA, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: id, amount: '1000000.00' }] });
    const adv2 = await issueSp2d(t, tu2.spmId);
    const byOfficer = (gross: string) => t.post('/penatausahaan/receipts', { organizationId: orgA, advanceSp2dId: adv2, receiptDate: today, number: `BP-P${gross}`, payee: { name: 'Warung Makan' },
      budgetLineId: id, gross, medium: 'PANJAR', officer, description: 'konsumsi rapat' }, 'treasurer-a');
    const tooMuch = await byOfficer('150000.01');
    expect([tooMuch.status, tooMuch.body.code]).toEqual([422, 'BKU_NEGATIVE_BALANCE']);
    expect((await byOfficer('120000.00')).status).toBe(201);
    const back = await entry({ subLedger: 'PANJAR', toSubLedger: 'CASH', amount: '30000.01', officer });
    expect([back.status, back.body.code]).toEqual([422, 'BKU_NEGATIVE_BALANCE']);
    expect((await entry({ subLedger: 'PANJAR', toSubLedger: 'CASH', amount: '30000.00', officer })).status).toBe(201);
    const panjar = await book('panjar', `&officer=${encodeURIComponent(officer)}`);
    expect(panjar.rows.map((r) => [r.group, r.receipt, r.expenditure, r.balance])).toEqual([
      [officer, '150000.00', '0.00', '150000.00'], [officer, '0.00', '120000.00', '30000.00'], [officer, '0.00', '30000.00', '0.00']]);
    expect((await t.get(`/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026`, 'treasurer-a')).body.closing.panjar).toBe('0.00');

    // the cash count against the book at the end of the day, differences kept
    const now = (await t.get(`/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026`, 'treasurer-a')).body.closing;
    const short = (sen(now.cash) - 5000n).toString();
    const count = await t.post('/penatausahaan/cash-counts', { organizationId: orgA, countedOn: today, cashCounted: `${short.slice(0, -2) || '0'}.${short.slice(-2)}`, bankStatement: now.bank, notes: 'uang rusak' }, 'treasurer-a');
    expect(count.status).toBe(201);
    expect(count.body).toMatchObject({ bookCash: now.cash, bookBank: now.bank, bookTax: now.tax, cashDifference: '-50.00', bankDifference: '0.00', countedBy: 'treasurer-a' });
    expect((await t.post('/penatausahaan/cash-counts', { organizationId: orgA, countedOn: today, cashCounted: '0', bankStatement: '0' }, 'treasurer-a')).body.code).toBe('CASH_COUNT_EXISTS');
    expect((await t.post('/penatausahaan/cash-counts', { organizationId: orgA, countedOn: '2026-12-31', cashCounted: '0', bankStatement: '0' }, 'treasurer-a')).status).toBe(today < '2026-12-31' ? 422 : 409);
    expect((await t.post('/penatausahaan/cash-counts', { organizationId: orgA, countedOn: today, cashCounted: '0', bankStatement: '0' }, 'auditor')).status).toBe(403);
    const list = await t.get(`/penatausahaan/cash-counts?organizationId=${orgA}&fiscalYear=2026&format=csv`, 'auditor');
    expect(list.text).toContain('Saldo kas tunai BKU');
    expect(list.text).not.toMatch(UUID);
    await expect(t.sql(`UPDATE cash_counts SET cash_counted = 0`)).rejects.toThrow();
  });
});
