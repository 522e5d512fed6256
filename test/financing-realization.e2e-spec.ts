import { ledgerClean } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Financing through BPKAD's budget and the regional treasurer: a financing
// expenditure (6.2) is budgeted by BPKAD's planner, realised by the regional
// treasurer (CASH_AUTHORITY, no one else), never beyond its estimate (the
// arithmetic in the refusal) and it leaves the treasury's cash; the database
// itself refuses an entry kind on the wrong class of line.
describe('financing: budgeted by BPKAD, realised by the regional treasurer', () => {
  let t: TestApp;
  let bpkad: string;
  beforeAll(async () => {
    t = await startTestApp();
    [{ id: bpkad }] = await t.sql<{ id: string }>(`SELECT id FROM organizations WHERE code = '5.02.0.00.0.00.01.0000'`);
  });
  afterAll(async () => { await t.close(); });

  it('realises a financing expenditure up to its estimate, out of the treasury\'s cash', async () => {
    const doc = await t.post('/budgeting/documents', { fiscalYear: 2026, organizationId: bpkad, subActivityCode: 'X.XX.01.1.02.0001', stage: 'MURNI', kind: 'FINANCING' }, 'planner-bpkad');
    expect(doc.status).toBe(201);
    expect((await t.post(`/budgeting/documents/${doc.body.id}/items`, { accountCode: '6.2.02.01.01.001', fundingSourceCode: '1.2.1.01.02', description: 'Penyertaan modal BUMN', coefficients: [{ quantity: '1', unit: 'tahun' }], unitPrice: '1000000000', vat: false }, 'planner-bpkad')).status).toBe(201);
    expect((await t.post(`/budgeting/documents/${doc.body.id}/submit`, {}, 'planner-bpkad')).status).toBe(200);
    expect((await t.post(`/budgeting/documents/${doc.body.id}/approve`, {}, 'verifier')).status).toBe(200);
    const line = (await t.get('/budget-lines?fiscalYear=2026&accountCode=6.2.02.01.01.001', 'auditor')).body.data[0];
    expect(line).toMatchObject({ estimated: '1000000000.00', realized: '0.00' });

    const before = (await t.get('/treasury/cash-position?date=2026-10-31', 'auditor')).body;
    const body = { budgetLineId: line.id, realizedOn: '2026-10-01', amount: '800000000', description: 'Penyertaan modal tahap I' };
    expect((await t.post('/treasury/financing-realizations', body, 'admin')).status).toBe(403);
    const ok = await t.post('/treasury/financing-realizations', body, 'cash-authority');
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ direction: 'EXPENDITURE', accountCode: '6.2.02.01.01.001', amount: '800000000.00', realizedOn: '2026-10-01' });
    expect(ok.body.number).toMatch(/^PMB\/5\.02\.0\.00\.0\.00\.01\.0000\/2026\/\d{6}$/);
    const after = (await t.get('/treasury/cash-position?date=2026-10-31', 'auditor')).body;
    const sen = (s: string) => BigInt(s.replace('.', ''));
    expect(sen(after.financingExpenditures) - sen(before.financingExpenditures)).toBe(80000000000n);
    expect(sen(before.position) - sen(after.position)).toBe(80000000000n);

    const over = await t.post('/treasury/financing-realizations', { ...body, amount: '200000000.01', description: 'tahap II' }, 'cash-authority');
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('EXCEEDS_ESTIMATE');
    expect(over.body.detail).toBe(`budget line ${line.id} (financing expenditure 6.2.02.01.01.001): realised would become 1000000000.01 but only 1000000000.00 is budgeted (short by 0.01)`);
    expect((await t.get(`/budget-lines/${line.id}`, 'auditor')).body.realized).toBe('800000000.00');

    const notFinancing = (await t.get('/budget-lines?fiscalYear=2026&accountCode=5.1.02', 'auditor')).body.data[0];
    const wrong = await t.post('/treasury/financing-realizations', { ...body, budgetLineId: notFinancing.id }, 'cash-authority');
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('NOT_A_FINANCING_LINE');
    await ledgerClean(t);
  });

  it('the database refuses an entry kind on the wrong class of line, and a realisation above a financing expenditure\'s estimate', async () => {
    const exp = (await t.get('/budget-lines?fiscalYear=2026&accountCode=5.1.02', 'auditor')).body.data[0];
    const fin = (await t.get('/budget-lines?fiscalYear=2026&accountCode=6.2.02.01.01.001', 'auditor')).body.data[0];
    const insert = (line: string, kind: string) => t.superSql(
      `INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id) VALUES ($1, $2, 1, 'Forged', 'x')`, [line, kind]).catch((e: Error) => e.message);
    expect(await insert(exp.id, 'REALIZATION')).toMatch(/a REALIZATION entry does not fit budget line/);
    expect(await insert(fin.id, 'DISBURSEMENT')).toMatch(/a DISBURSEMENT entry does not fit budget line/);
    const beyond = await t.superSql(`UPDATE budget_lines SET realized = estimated + 0.01 WHERE id = $1`, [fin.id]).catch((e: Error) => e.message);
    expect(beyond).toMatch(/budget_line_financing_expenditure_within_estimate/);
    const mixed = await t.superSql(`UPDATE budget_lines SET estimated = 1 WHERE id = $1`, [exp.id]).catch((e: Error) => e.message);
    expect(mixed).toMatch(/budget_line_balances_of_its_class/);
  });
});
