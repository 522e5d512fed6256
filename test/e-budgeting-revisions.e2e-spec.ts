import { startTestApp, TestApp } from './support/test-app';

// Revisions of an approved 2026 DPA: a PERGESERAN moves money between lines
// (total unchanged, both ledger entries posted), a PERUBAHAN may change the
// total but never cuts a line below what is committed plus disbursed.
describe('e-budgeting revisions', () => {
  let t: TestApp;
  let orgA: string;

  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
  });
  afterAll(async () => { await t.close(); });

  const approvedOf = async (sub: string) => {
    const list = await t.get(`/budgeting/documents?fiscalYear=2026&organizationId=${orgA}&subActivityCode=${sub}&status=APPROVED`, 'planner-a');
    expect(list.body.meta.total).toBe(1);
    return list.body.data[0];
  };

  it('the demo DPAs were approved through the workflow and posted the appropriation', async () => {
    const dpa = await approvedOf('1.01.02.1.01.0070');
    expect(dpa).toMatchObject({ stage: 'MURNI', total: '87500000.00', approvedBy: 'verifier', createdBy: 'planner-a' });
    const entries = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entries WHERE source_type = 'DemoSeed'`);
    expect(entries[0].n).toBe(0);
    const plans = (await t.get(`/budgeting/cash-plans?fiscalYear=2026&organizationId=${orgA}`, 'planner-a')).body.data;
    expect(plans.length).toBeGreaterThanOrEqual(3);
  });

  it('a PERGESERAN moves money between two lines and the ledger shows both entries', async () => {
    const dpa = await approvedOf('1.01.02.1.01.0070');
    const rev = await t.post('/budgeting/documents', { fiscalYear: 2026, organizationId: orgA, subActivityCode: '1.01.02.1.01.0070', stage: 'PERGESERAN' }, 'planner-a');
    expect(rev.status).toBe(201);
    expect(rev.body).toMatchObject({ status: 'DRAFT', revision: 1, previousId: dpa.id, total: '87500000.00' });
    expect(rev.body.items.length).toBe(3);
    const anggota = rev.body.items.find((i: { description: string }) => i.description.includes('anggota'));
    expect(anggota.hsbVersion).toBe(1);
    // cut 5 orang x 12 bulan to 5 x 11 (-5,000,000) and move it to a new stationery line
    await t.patch(`/budgeting/documents/${rev.body.id}/items/${anggota.id}`, { coefficients: [{ quantity: '5', unit: 'orang' }, { quantity: '11', unit: 'bulan' }] }, 'planner-a');
    const add = await t.post(`/budgeting/documents/${rev.body.id}/items`, { accountCode: '5.1.02.01.01.0024', fundingSourceCode: '1.1.1.01', description: 'Alat tulis tim pelaksana',
      coefficients: [{ quantity: '100', unit: 'paket' }], unitPrice: '50000.01', vat: false }, 'planner-a');
    expect(add.status).toBe(201);
    // 100 x 50,000.01 = 5,000,001.00: one rupiah too much
    const tooMuch = await t.post(`/budgeting/documents/${rev.body.id}/submit`, {}, 'planner-a');
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('PERGESERAN_TOTAL_CHANGED');
    await t.patch(`/budgeting/documents/${rev.body.id}/items/${add.body.id}`, { unitPrice: '50000' }, 'planner-a');
    expect((await t.post(`/budgeting/documents/${rev.body.id}/submit`, {}, 'planner-a')).status).toBe(200);
    // between objek 5.1.02.02 and 5.1.02.01 of jenis 5.1.02: the regional secretary approves
    const wrong = await t.post(`/budgeting/documents/${rev.body.id}/approve`, {}, 'verifier');
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('WRONG_APPROVER');
    const ok = await t.post(`/budgeting/documents/${rev.body.id}/approve`, {}, 'regional-secretary');
    expect(ok.status).toBe(200);
    expect(ok.body.shiftClass).toBe('BETWEEN_OBJEK');
    expect(ok.body.lines).toEqual([
      expect.objectContaining({ accountCode: '5.1.02.01.01.0024', total: '5000000.00', previousTotal: null }),
      expect.objectContaining({ accountCode: '5.1.02.02.01.0004', total: '82500000.00', previousTotal: '87500000.00' }),
    ]);
    const entries = await t.sql<{ account_code: string; amount: string; kind: string }>(
      `SELECT b.account_code, e.amount, e.kind FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id
       WHERE e.source_type = 'BudgetDocument' AND e.source_id = $1 ORDER BY b.account_code`, [rev.body.id]);
    expect(entries).toEqual([
      { account_code: '5.1.02.01.01.0024', amount: '5000000.00', kind: 'APPROPRIATION' },
      { account_code: '5.1.02.02.01.0004', amount: '-5000000.00', kind: 'APPROPRIATION' },
    ]);
    expect((await t.get(`/budgeting/documents/${dpa.id}`, 'planner-a')).body.status).toBe('SUPERSEDED');
    const lines = (await t.get(`/budget-lines?fiscalYear=2026&organizationId=${orgA}&subActivityCode=1.01.02.1.01.0070`, 'planner-a')).body.data;
    expect(Object.fromEntries(lines.map((l: { accountCode: string; appropriated: string }) => [l.accountCode, l.appropriated])))
      .toEqual({ '5.1.02.01.01.0024': '5000000.00', '5.1.02.02.01.0004': '82500000.00' });
  });

  it('only one open revision at a time, and a MURNI cannot be made twice', async () => {
    const again = await t.post('/budgeting/documents', { fiscalYear: 2026, organizationId: orgA, subActivityCode: '1.01.02.1.01.0072', stage: 'MURNI' }, 'planner-a');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DOCUMENT_EXISTS');
    const none = await t.post('/budgeting/documents', { fiscalYear: 2026, organizationId: orgA, subActivityCode: '1.01.02.1.01.0010', stage: 'PERUBAHAN' }, 'planner-a');
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('NO_APPROVED_VERSION');
  });

  it('a PERUBAHAN cannot cut a line below what is committed plus disbursed on it', async () => {
    const [used] = await t.sql<{ account_code: string; funding_source_code: string; used: string }>(
      `SELECT account_code, funding_source_code, (committed + disbursed)::text AS used FROM budget_lines
       WHERE fiscal_year = 2026 AND organization_id = $1 AND sub_activity_code = '1.01.02.1.01.0072' AND committed + disbursed > 0 ORDER BY account_code LIMIT 1`, [orgA]);
    expect(used).toBeDefined();
    const rev = (await t.post('/budgeting/documents', { fiscalYear: 2026, organizationId: orgA, subActivityCode: '1.01.02.1.01.0072', stage: 'PERUBAHAN' }, 'planner-a')).body;
    for (const i of rev.items.filter((x: { accountCode: string; fundingSourceCode: string }) => x.accountCode === used.account_code && x.fundingSourceCode === used.funding_source_code)) {
      expect((await t.del(`/budgeting/documents/${rev.id}/items/${i.id}`, 'planner-a')).status).toBe(204);
    }
    const before = await t.sql(`SELECT count(*)::int AS n FROM ledger_entries`);
    const res = await t.post(`/budgeting/documents/${rev.id}/submit`, {}, 'planner-a');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('BELOW_COMMITTED');
    expect(res.body.detail).toContain(used.account_code);
    // the arithmetic: what is left, committed + disbursed, short by how much (decision 0117)
    const [b] = await t.sql<{ committed: string; disbursed: string }>(
      `SELECT committed::text, disbursed::text FROM budget_lines WHERE fiscal_year = 2026 AND organization_id = $1 AND sub_activity_code = '1.01.02.1.01.0072' AND account_code = $2 AND funding_source_code = $3`,
      [orgA, used.account_code, used.funding_source_code]);
    expect(res.body.detail).toContain(`line ${used.account_code} / ${used.funding_source_code} of sub kegiatan 1.01.02.1.01.0072 would have 0.00 but committed ${b.committed} + disbursed ${b.disbursed} = ${used.used} is already used on it (short by ${used.used})`);
    expect(await t.sql(`SELECT count(*)::int AS n FROM ledger_entries`)).toEqual(before);
    expect((await t.get(`/budgeting/documents/${rev.id}`, 'planner-a')).body.status).toBe('DRAFT');
  });
});
