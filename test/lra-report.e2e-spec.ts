import ExcelJS from 'exceljs';
import request from 'supertest';
import { allottedLine, approvedSpm, ledgerClean, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

interface Amounts { budget: string; amendedBudget: string | null; realized: string; difference: string; percent: string | null }
interface Row extends Amounts { code: string; name: string; level: number; section: string; organizationCode?: string }
const sen = (s: string | null) => BigInt((s ?? '0').replace('.', ''));
const fmt = (n: bigint) => `${n < 0n ? '-' : ''}${(n < 0n ? -n : n) / 100n}.${String((n < 0n ? -n : n) % 100n).padStart(2, '0')}`;

// The acceptance scenario of the LRA: a revenue estimate and a financing
// receipt approved, deposits recorded, payments made; the LRA as of a date
// shows each section, the surplus/deficit and the SiLPA, and every figure
// equals the ledger to the sen (summed by SQL over the entries, and summed
// over the report's own leaf rows), in JSON, CSV and XLSX; an amendment shows
// beside the original budget; OPD roles read their own OPD only.
describe('reports: the LRA reconciles with the ledger', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); orgB = await t.orgId('B'); });
  afterAll(async () => { await t.close(); });

  const approve = async (planner: string, body: Record<string, unknown>, items: Record<string, unknown>[]) => {
    const doc = await t.post('/budgeting/documents', body, planner);
    expect(doc.status).toBe(201);
    for (const i of items) expect((await t.post(`/budgeting/documents/${doc.body.id}/items`, { vat: false, ...i }, planner)).status).toBe(201);
    expect((await t.post(`/budgeting/documents/${doc.body.id}/submit`, {}, planner)).status).toBe(200);
    expect((await t.post(`/budgeting/documents/${doc.body.id}/approve`, {}, 'verifier')).status).toBe(200);
    return doc.body.id as string;
  };

  /** The ledger summed directly: budget and realisation per statutory class, realisation up to asOf by value date. */
  const ledger = async (asOf: string, org?: string) => {
    const [r] = await t.sql<Record<string, string>>(
      `SELECT ${[['revenue', "'4.%'"], ['expenditure', "'5.%'"], ['financingReceipts', "'6.1.%'"], ['financingExpenditures', "'6.2.%'"]].map(([k, like]) => `
         COALESCE(sum(e.amount) FILTER (WHERE b.account_code LIKE ${like} AND e.kind IN ('APPROPRIATION','ESTIMATE')), 0)::text AS "${k}Budget",
         COALESCE(sum(e.amount) FILTER (WHERE b.account_code LIKE ${like} AND e.kind IN ('DISBURSEMENT','REALIZATION') AND e.value_date <= $1::date), 0)::text AS "${k}Realized"`).join(',')}
       FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id WHERE b.fiscal_year = 2026 AND ($2::uuid IS NULL OR b.organization_id = $2::uuid)`, [asOf, org ?? null]);
    return r;
  };

  it('shows every section, the surplus and the SiLPA equal to the ledger to the sen, in JSON, CSV and XLSX', async () => {
    // a revenue estimate (OPD A) and a financing receipt (BPKAD), approved
    await approve('planner-a', { fiscalYear: 2026, organizationId: orgA, subActivityCode: 'X.XX.01.1.04.0003', stage: 'MURNI', kind: 'REVENUE' },
      [{ accountCode: '4.1.02.02.01.001', fundingSourceCode: '1.1.2.02', description: 'Sewa tanah dan bangunan', coefficients: [{ quantity: '3', unit: 'tahun' }], unitPrice: '33333333.33' }]);
    const [bpkad] = await t.sql<{ id: string }>(`SELECT id FROM organizations WHERE code = '5.02.0.00.0.00.01.0000'`);
    await approve('planner-bpkad', { fiscalYear: 2026, organizationId: bpkad.id, subActivityCode: 'X.XX.01.1.02.0002', stage: 'MURNI', kind: 'FINANCING' },
      [{ accountCode: '6.1.02.01.01.001', fundingSourceCode: '1.2.1.01.02', description: 'Pencairan dana cadangan', coefficients: [{ quantity: '1', unit: 'tahun' }], unitPrice: '750000000.25' }]);
    const reserve = (await t.get('/budget-lines?fiscalYear=2026&accountCode=6.1.02.01.01.001', 'auditor')).body.data[0];
    expect((await t.post('/treasury/financing-realizations', { budgetLineId: reserve.id, realizedOn: '2026-02-02', amount: '750000000.25', description: 'Pencairan dana cadangan' }, 'cash-authority')).status).toBe(201);
    // deposits and payments
    expect((await t.post('/penatausahaan/sts', { organizationId: orgA, depositDate: '2026-04-15', accountCode: '4.1.02.02.01.001', amount: '8333333.33', payer: 'PT Sewa', description: 'Sewa triwulan I' }, 'revenue-treasurer-a')).status).toBe(201);
    expect((await t.post('/penatausahaan/sts', { organizationId: orgA, depositDate: '2026-07-15', accountCode: '4.1.02.02.01.001', amount: '8333333.34', payer: 'PT Sewa', description: 'Sewa triwulan II' }, 'revenue-treasurer-a')).status).toBe(201);
    const line = await allottedLine(t, '10000000.00', '10000000.00');
    for (const [amount, issuedOn] of [['1234567.89', '2026-05-04'], ['765432.11', '2026-08-03']]) {
      const { spmId } = await approvedSpm(t, { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: line, amount }], payee: SUPPLIER, taxes: [] });
      expect((await t.post('/penatausahaan/sp2d', { spmId, issuedOn }, 'cash-authority')).status).toBe(201);
    }
    await ledgerClean(t);

    for (const asOf of ['2026-06-30', '2026-11-15']) {
      const res = await t.get(`/reports/lra?fiscalYear=2026&asOf=${asOf}&level=6`, 'auditor');
      expect(res.status).toBe(200);
      const { rows, totals } = res.body as { rows: Row[]; totals: Record<string, Amounts> };
      const want = await ledger(asOf);
      // the ledger summed by SQL
      for (const k of ['revenue', 'expenditure', 'financingReceipts', 'financingExpenditures']) {
        expect([k, totals[k].budget, totals[k].realized]).toEqual([k, fmt(sen(want[`${k}Budget`])), fmt(sen(want[`${k}Realized`]))]);
      }
      const surplus = sen(want.revenueRealized) - sen(want.expenditureRealized);
      const net = sen(want.financingReceiptsRealized) - sen(want.financingExpendituresRealized);
      expect(totals.surplus.realized).toBe(fmt(surplus));
      expect(totals.financingNet.realized).toBe(fmt(net));
      expect(totals.silpa.realized).toBe(fmt(surplus + net));
      expect(totals.silpa.budget).toBe(fmt(sen(want.revenueBudget) - sen(want.expenditureBudget) + sen(want.financingReceiptsBudget) - sen(want.financingExpendituresBudget)));
      // the report's own leaf rows summed per class give the totals again
      const leaves = (prefix: string) => rows.filter((r) => r.level === 6 && r.code.startsWith(prefix));
      for (const [k, prefix] of [['revenue', '4.'], ['expenditure', '5.'], ['financingReceipts', '6.1.'], ['financingExpenditures', '6.2.']]) {
        expect(fmt(leaves(prefix).reduce((s, r) => s + sen(r.realized), 0n))).toBe(totals[k].realized);
        expect(fmt(leaves(prefix).reduce((s, r) => s + sen(r.budget), 0n))).toBe(totals[k].budget);
      }
      // the statutory order: 4, 5 (operating, capital), surplus, 6 (net), receipts, expenditures, net, SiLPA
      const order = rows.filter((r) => r.level <= 2).map((r) => r.code);
      expect(order.slice(0, 2)).toEqual(['4', '4.1']);
      expect(order.indexOf('5')).toBeLessThan(order.indexOf('5.1'));
      expect(order.indexOf('5.2')).toBeLessThan(order.indexOf('SURPLUS'));
      expect(order.slice(order.indexOf('SURPLUS'))).toEqual(['SURPLUS', '6', '6.1', '6.2', 'PEMBIAYAAN_NETTO', 'SILPA']);
      const six = rows.find((r) => r.code === '6')!;
      expect(six.realized).toBe(totals.financingNet.realized);
      const pad = rows.find((r) => r.code === '4.1')!;
      expect(pad.name).toBe('PENDAPATAN ASLI DAERAH (PAD)');
      expect(sen(pad.difference)).toBe(sen(pad.realized) - sen(pad.budget));
    }
    // as of 30 June the second deposit and payment are not yet realised
    const june = (await t.get('/reports/lra?fiscalYear=2026&asOf=2026-06-30&level=6', 'auditor')).body as { rows: Row[] };
    const sewa = june.rows.find((r) => r.code === '4.1.02.02.01.001')!;
    expect(sewa).toMatchObject({ budget: '99999999.99', amendedBudget: null, realized: '8333333.33', difference: '-91666666.66', percent: '8.33' });

    const json = (await t.get('/reports/lra?fiscalYear=2026&asOf=2026-11-15&level=4', 'auditor')).body as { rows: Row[] };
    const csv = await t.get('/reports/lra?fiscalYear=2026&asOf=2026-11-15&level=4&format=csv', 'auditor');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/lra-2026-2026-11-15\.csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('Kode,Uraian,Level,Anggaran,Anggaran Setelah Perubahan,Realisasi s.d. 2026-11-15,Lebih/(Kurang),%');
    expect(lines).toHaveLength(json.rows.length + 1);
    json.rows.forEach((r, i) => expect(lines[i + 1]).toContain(`,${r.level},${r.budget},${r.amendedBudget ?? ''},${r.realized},${r.difference},${r.percent ?? ''}`));

    const x = await request(t.app.getHttpServer()).get('/api/v1/reports/lra?fiscalYear=2026&asOf=2026-11-15&level=4&format=xlsx')
      .set('Authorization', `Bearer ${await t.token('auditor')}`).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as never);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(json.rows.length + 1);
    json.rows.forEach((r, i) => {
      const cells = ws.getRow(i + 2).values as unknown[];
      expect([cells[1], Number(cells[4]).toFixed(2), Number(cells[6]).toFixed(2)]).toEqual([r.code, r.budget, r.realized]);
    });
  });

  it('shows an amended budget beside the original after a PERUBAHAN, and per OPD or program to its own OPD only', async () => {
    const sub = 'X.XX.01.1.04.0003';
    const [{ id: murni }] = await t.sql<{ id: string }>(`SELECT id FROM budget_documents WHERE organization_id = $1 AND sub_activity_code = $2 AND kind = 'REVENUE' AND status = 'APPROVED'`, [orgA, sub]);
    expect(murni).toBeDefined();
    const rev = await t.post('/budgeting/documents', { fiscalYear: 2026, organizationId: orgA, subActivityCode: sub, stage: 'PERUBAHAN', kind: 'REVENUE' }, 'planner-a');
    expect(rev.status).toBe(201);
    const item = rev.body.items[0];
    expect((await t.patch(`/budgeting/documents/${rev.body.id}/items/${item.id}`, { unitPrice: '40000000' }, 'planner-a')).status).toBe(200);
    expect((await t.post(`/budgeting/documents/${rev.body.id}/submit`, {}, 'planner-a')).status).toBe(200);
    expect((await t.post(`/budgeting/documents/${rev.body.id}/approve`, {}, 'verifier')).status).toBe(200);
    const today = (await t.sql<{ d: string }>(`SELECT current_date::text AS d`))[0].d;
    const after = (await t.get(`/reports/lra?fiscalYear=2026&asOf=${today}&level=6`, 'auditor')).body as { rows: Row[]; totals: Record<string, Amounts> };
    expect(after.rows.find((r) => r.code === '4.1.02.02.01.001')).toMatchObject({ budget: '99999999.99', amendedBudget: '120000000.00', realized: '16666666.67', difference: '-103333333.33', percent: '13.89' });
    expect(after.totals.revenue.amendedBudget).toBe(fmt(sen(after.totals.revenue.budget) + sen('20000000.01')));
    expect(after.totals.expenditure.amendedBudget).toBeNull();

    // OPD A's planner reads OPD A, grouped per OPD or per program; OPD B is 404 to it
    const own = await t.get(`/reports/lra?fiscalYear=2026&asOf=${today}&groupBy=organization&level=1`, 'planner-a');
    expect(own.status).toBe(200);
    const codes = new Set((own.body.rows as Row[]).map((r) => r.organizationCode));
    expect([...codes]).toEqual(['1.01.0.00.0.00.01.0000']);
    const wantA = await ledger(today, orgA);
    expect(own.body.totals.expenditure.realized).toBe(fmt(sen(wantA.expenditureRealized)));
    expect(own.body.totals.revenue.realized).toBe(fmt(sen(wantA.revenueRealized)));
    expect((await t.get(`/reports/lra?fiscalYear=2026&organizationId=${orgB}`, 'planner-a')).status).toBe(404);
    const program = await t.get(`/reports/lra?fiscalYear=2026&asOf=${today}&groupBy=program&level=5&organizationId=${orgA}`, 'auditor');
    expect(program.status).toBe(200);
    const subs = (program.body.rows as (Row & { accountCode: string })[]).filter((r) => r.level === 5 && r.accountCode === '5');
    expect(fmt(subs.reduce((s, r) => s + sen(r.realized), 0n))).toBe(fmt(sen(wantA.expenditureRealized)));
    expect(subs.find((r) => r.code === '1.01.02.1.01.0072')?.name).toBeTruthy();
    await ledgerClean(t);
  });
});
