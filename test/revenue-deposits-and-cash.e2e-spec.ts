import { allottedLine, approvedSpm, ledgerClean, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Revenue through the budget and the treasury: an OPD's revenue RKA approved
// posts ESTIMATE (never on an expenditure document, nor financing outside
// BPKAD), its revenue treasurer's deposit slip (STS) realises it into the
// regional treasury and its own cash book (never into a closed month), the
// treasury's cash position moves by day, and an SP2D beyond that cash is
// refused with the arithmetic until the year's cash check is turned off.
describe('revenue: estimates, deposit slips and the treasury cash', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  const SUB = 'X.XX.01.1.04.0002';
  const ACCOUNT = '4.1.02.02.01.005';

  it('budgets revenue on a revenue document only, and approval posts the estimate', async () => {
    const exp = await t.post('/budgeting/documents', { fiscalYear: 2026, organizationId: orgA, subActivityCode: SUB, stage: 'MURNI' }, 'planner-a');
    expect(exp.status).toBe(201);
    expect(exp.body.kind).toBe('EXPENDITURE');
    const wrong = await t.post(`/budgeting/documents/${exp.body.id}/items`, { accountCode: ACCOUNT, fundingSourceCode: '1.1.2.02', description: 'sewa ruang', coefficients: [{ quantity: '1', unit: 'tahun' }], unitPrice: '1000', vat: false }, 'planner-a');
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('ACCOUNT_NOT_FOR_DOCUMENT');
    expect(wrong.body.detail).toContain(`account ${ACCOUNT} (code list version KMDN5889-2023 of fiscal year 2026) is a revenue (pendapatan, 4.*) account`);

    const rev = await t.post('/budgeting/documents', { fiscalYear: 2026, organizationId: orgA, subActivityCode: SUB, stage: 'MURNI', kind: 'REVENUE' }, 'planner-a');
    expect(rev.status).toBe(201);
    expect(rev.body.kind).toBe('REVENUE');
    const spend = await t.post(`/budgeting/documents/${rev.body.id}/items`, { accountCode: '5.1.02.01.01.0024', fundingSourceCode: '1.1.2.02', description: 'ATK', coefficients: [{ quantity: '1', unit: 'paket' }], unitPrice: '1000', vat: false }, 'planner-a');
    expect(spend.status).toBe(422);
    expect(spend.body.detail).toContain('account 5.1.02.01.01.0024 (code list version KMDN5889-2023 of fiscal year 2026) is an expenditure (belanja, 5.*) account; a REVENUE budget document takes revenue (pendapatan, 4.*) accounts only');
    const item = await t.post(`/budgeting/documents/${rev.body.id}/items`, { accountCode: ACCOUNT, fundingSourceCode: '1.1.2.02', description: 'Retribusi pemakaian ruangan', coefficients: [{ quantity: '12', unit: 'bulan' }], unitPrice: '2500000.50', vat: false }, 'planner-a');
    expect(item.status).toBe(201);
    expect((await t.post(`/budgeting/documents/${rev.body.id}/submit`, {}, 'planner-a')).status).toBe(200);
    const ok = await t.post(`/budgeting/documents/${rev.body.id}/approve`, {}, 'verifier');
    expect(ok.status).toBe(200);
    const lines = await t.get(`/budget-lines?fiscalYear=2026&organizationId=${orgA}&accountCode=${ACCOUNT}`, 'planner-a');
    expect(lines.body.data).toHaveLength(1);
    expect(lines.body.data[0]).toMatchObject({ estimated: '30000006.00', realized: '0.00', appropriated: '0.00' });
    const entries = await t.get(`/budget-lines/${lines.body.data[0].id}/entries`, 'auditor');
    expect(entries.body.data.map((e: { kind: string; amount: string }) => [e.kind, e.amount])).toEqual([['ESTIMATE', '30000006.00']]);

    const fin = await t.post('/budgeting/documents', { fiscalYear: 2026, organizationId: orgA, subActivityCode: SUB, stage: 'MURNI', kind: 'FINANCING' }, 'planner-a');
    expect(fin.status).toBe(422);
    expect(fin.body.code).toBe('FINANCING_OUTSIDE_BPKAD');
  });

  it('a deposit slip realises the revenue on its date, in the treasurer\'s book and the treasury; a closed month refuses it', async () => {
    const before = await t.get('/treasury/cash-position?date=2026-04-30', 'cash-authority');
    expect(before.status).toBe(200);
    const sts = await t.post('/penatausahaan/sts', { organizationId: orgA, receivedOn: '2026-04-09', depositDate: '2026-04-10', accountCode: ACCOUNT, amount: '2500000.50', payer: 'Himpunan Guru Fisika', description: 'Sewa aula April' }, 'revenue-treasurer-a');
    expect(sts.status).toBe(201);
    expect(sts.body).toMatchObject({ accountCode: ACCOUNT, amount: '2500000.50', depositDate: '2026-04-10', receivedOn: '2026-04-09' });
    expect(sts.body.number).toMatch(/^STS\/1\.01\.0\.00\.0\.00\.01\.0000\/2026\/\d{6}$/);
    const line = (await t.get(`/budget-lines?fiscalYear=2026&organizationId=${orgA}&accountCode=${ACCOUNT}`, 'auditor')).body.data[0];
    expect(line.realized).toBe('2500000.50');
    expect((await t.get(`/budget-lines/${line.id}?asOf=2026-04-09`, 'auditor')).body.realized).toBe('0.00');

    const book = await t.get(`/penatausahaan/revenue-book?fiscalYear=2026`, 'revenue-treasurer-a');
    expect(book.status).toBe(200);
    const mine = book.body.data.filter((e: { documentNumber: string }) => e.documentNumber === sts.body.number);
    expect(mine.map((e: { date: string; amount: string }) => [e.date, e.amount])).toEqual([['2026-04-09', '2500000.50'], ['2026-04-10', '-2500000.50']]);
    expect(book.body.balance).toBe('0.00');

    const after = await t.get('/treasury/cash-position?date=2026-04-30', 'cash-authority');
    const delta = (a: string, b: string) => (BigInt(a.replace('.', '')) - BigInt(b.replace('.', ''))).toString();
    expect(delta(after.body.revenueDeposited, before.body.revenueDeposited)).toBe('250000050');
    expect(delta(after.body.position, before.body.position)).toBe('250000050');
    expect(after.body.days.find((d: { date: string }) => d.date === '2026-04-10').revenueDeposited).toBe('2500000.50');

    expect((await t.post('/penatausahaan/sts', { organizationId: orgA, depositDate: '2026-04-11', accountCode: ACCOUNT, amount: '1', payer: 'x', description: 'x' }, 'treasurer-a')).status).toBe(403);
    const none = await t.post('/penatausahaan/sts', { organizationId: orgA, depositDate: '2026-04-11', accountCode: '4.1.02.02.01.006', amount: '1', payer: 'x', description: 'x' }, 'revenue-treasurer-a');
    expect(none.status).toBe(422);
    expect(none.body.detail).toContain('no revenue budget line for account 4.1.02.02.01.006 (code list version KMDN5889-2023, fiscal year 2026)');

    expect((await t.post('/ledger/periods/2026/5/close', { reason: 'tutup buku Mei' }, 'cash-authority')).status).toBe(200);
    const closed = await t.post('/penatausahaan/sts', { organizationId: orgA, depositDate: '2026-05-20', accountCode: ACCOUNT, amount: '100000', payer: 'x', description: 'late' }, 'revenue-treasurer-a');
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('PERIOD_CLOSED');
    expect((await t.get(`/budget-lines/${line.id}`, 'auditor')).body.realized).toBe('2500000.50');
    await ledgerClean(t);
  });

  it('refuses an SP2D beyond the treasury\'s cash with the arithmetic, unless the year\'s check is off', async () => {
    const pos = await t.get('/treasury/cash-position', 'cash-authority');
    const cash = BigInt(pos.body.position.replace('.', ''));
    const ask = cash + 100n;
    const amount = `${ask / 100n}.${String(ask % 100n).padStart(2, '0')}`;
    const id = await allottedLine(t, amount, amount);
    const { spmId } = await approvedSpm(t, { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: id, amount }], payee: SUPPLIER, taxes: [] });
    const refused = await t.post('/penatausahaan/sp2d', { spmId }, 'cash-authority');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('INSUFFICIENT_TREASURY_CASH');
    expect(refused.body.detail).toContain(`asks ${amount} but the regional treasury holds ${pos.body.position}`);
    expect(refused.body.detail).toContain(`revenue deposited ${pos.body.revenueDeposited} + financing receipts ${pos.body.financingReceipts} - SP2Ds ${pos.body.sp2dIssued} - financing expenditures ${pos.body.financingExpenditures}`);
    expect(refused.body.detail).toContain('short by 1.00');

    expect((await t.put('/treasury/settings/2026', { cashCheck: false }, 'cash-authority')).status).toBe(403);
    expect((await t.put('/treasury/settings/2026', { cashCheck: false }, 'admin')).body).toEqual({ fiscalYear: 2026, cashCheck: false });
    expect((await t.post('/penatausahaan/sp2d', { spmId }, 'cash-authority')).status).toBe(201);
    const now = await t.get('/treasury/cash-position', 'auditor');
    expect(now.body.position).toBe('-1.00');
    await ledgerClean(t);
  });
});
