import { allot, allottedLine, evenPlan, ledgerClean, line, setPlan, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Allotment comes back: an approved SPD is revised down (negative ALLOTMENT),
// never below what is disbursed or in process; a draft SPD is withdrawn; a
// budget revision that cuts a line below its unspent allotment goes through
// once the SPD is revised, or revises it on approval.
describe('SPD revision and withdrawal', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('revises an approved SPD down to what is spent or in process, and no further', async () => {
    const id = await allottedLine(t, '1000000.00', '600000.00');
    const [{ spd_id: spdId }] = await t.sql<{ spd_id: string }>(`SELECT spd_id FROM spd_lines WHERE budget_line_id = $1`, [id]);
    const spp = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: id, amount: '500000.00' }], payee: SUPPLIER, taxes: [] }, 'treasurer-a');
    expect((await t.post(`/penatausahaan/spp/${spp.body.id}/submit`, {}, 'treasurer-a')).status).toBe(200);

    const revise = (amount: string, user = 'cash-authority') => t.post(`/penatausahaan/spd/${spdId}/revise`, { lines: [{ budgetLineId: id, amount }], reason: 'the budget revision cuts this line' }, user);
    expect((await revise('50000.00', 'treasurer-a')).status).toBe(403);
    const below = await revise('50000.00');
    expect(below.status).toBe(422);
    expect(below.body.code).toBe('SPD_REVISION_BELOW_USED');
    expect(below.body.detail).toContain('allotted 600000.00 - cut 550000.00 = 50000.00 < disbursed 0.00 + in process 500000.00 = 500000.00 (at most 100000.00 can be given back)');
    expect(below.body.errors[0].field).toBe('lines.0.amount');
    const up = await revise('600000.01');
    expect(up.body.code).toBe('SPD_REVISION_NOT_A_CUT');
    expect((await t.post(`/penatausahaan/spd/${spdId}/revise`, { lines: [{ budgetLineId: id, amount: '1' }] }, 'cash-authority')).status).toBe(400);

    const ok = await revise('500000.00');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'APPROVED', total: '500000.00', revisions: 1, lines: [{ budgetLineId: id, amount: '500000.00' }] });
    expect(await line(t, id)).toMatchObject({ allotted: '500000.00' });
    const entries = (await t.get(`/budget-lines/${id}/entries`, 'auditor')).body.data;
    expect(entries.filter((e: { kind: string }) => e.kind === 'ALLOTMENT').map((e: { amount: string; sourceType: string }) => [e.amount, e.sourceType]))
      .toEqual([['600000.00', 'Spd'], ['-100000.00', 'SpdRevision']]);
    const audit = (await t.get(`/audit/events?entityType=Spd&entityId=${spdId}`, 'auditor')).body.data;
    expect(audit.find((e: { action: string }) => e.action === 'SPD.REVISE').after.reason).toBe('the budget revision cuts this line');
    expect((await t.post(`/penatausahaan/spd/${spdId}/withdraw`, { reason: 'x' }, 'cash-authority')).status).toBe(409);
    await ledgerClean(t);
  });

  it('withdraws a draft SPD, which then no longer counts against the cash plan', async () => {
    const id = await allottedLine(t, '1200000.00', '100000.00');
    const body = { fiscalYear: 2026, organizationId: orgA, month: 12, lines: [{ budgetLineId: id, amount: '1100000.00' }] };
    const draft = await t.post('/penatausahaan/spd', body, 'cash-authority');
    expect(draft.status).toBe(201);
    expect((await t.post('/penatausahaan/spd', body, 'cash-authority')).body.code).toBe('EXCEEDS_CASH_PLAN');
    expect((await t.post(`/penatausahaan/spd/${draft.body.id}/withdraw`, {}, 'cash-authority')).status).toBe(400);
    const gone = await t.post(`/penatausahaan/spd/${draft.body.id}/withdraw`, { reason: 'made for the wrong month' }, 'cash-authority');
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ status: 'WITHDRAWN', withdrawReason: 'made for the wrong month', number: draft.body.number });
    expect((await t.post(`/penatausahaan/spd/${draft.body.id}/approve`, {}, 'cash-authority-2')).status).toBe(409);
    expect((await t.post('/penatausahaan/spd', body, 'cash-authority')).status).toBe(201);
  });

  it('a cut below the unspent allotment goes through once the SPD is revised, or by the approval itself, never below what is in process', async () => {
    const sub = '1.01.02.1.01.0070';
    const [l] = await t.sql<{ id: string; appropriated: string; allotted: string }>(
      `SELECT id, appropriated::text, allotted::text FROM budget_lines WHERE fiscal_year = 2026 AND organization_id = $1 AND sub_activity_code = $2 AND account_code = '5.1.02.02.01.0004'`, [orgA, sub]);
    expect(l.appropriated).toBe('87500000.00');
    if (l.allotted === '0.00') await setPlan(t, l.id, 'A', evenPlan(l.appropriated));
    const [{ rest }] = await t.sql<{ rest: string }>(`SELECT (appropriated - allotted)::text AS rest FROM budget_lines WHERE id = $1`, [l.id]);
    const spdId = await allot(t, l.id, 'A', rest);
    expect((await line(t, l.id)).allotted).toBe('87500000.00');
    const spdAmount = async () => (await t.sql<{ amount: string }>(`SELECT amount::text FROM spd_lines WHERE spd_id = $1`, [spdId]))[0].amount;

    // a PERUBAHAN taking one month of 'anggota' (-5,000,000.00), submitted
    const cut = async (months: string) => {
      const rev = (await t.post('/budgeting/documents', { fiscalYear: 2026, organizationId: orgA, subActivityCode: sub, stage: 'PERUBAHAN' }, 'planner-a')).body;
      const anggota = rev.items.find((i: { description: string }) => i.description.includes('anggota'));
      expect((await t.patch(`/budgeting/documents/${rev.id}/items/${anggota.id}`, { coefficients: [{ quantity: '5', unit: 'orang' }, { quantity: months, unit: 'bulan' }] }, 'planner-a')).status).toBe(200);
      expect((await t.post(`/budgeting/documents/${rev.id}/submit`, {}, 'planner-a')).status).toBe(200);
      return rev.id as string;
    };

    // 1. the regional treasurer revises the SPD first, then the cut is approved
    const first = await cut('11');
    const before = await spdAmount();
    const revised = await t.post(`/penatausahaan/spd/${spdId}/revise`, { lines: [{ budgetLineId: l.id, amount: (Number(before) - 5000000).toFixed(2) }], reason: 'PERUBAHAN cuts 5,000,000.00' }, 'cash-authority');
    expect(revised.status).toBe(200);
    expect((await t.post(`/budgeting/documents/${first}/approve`, {}, 'verifier')).status).toBe(200);
    expect(await line(t, l.id)).toMatchObject({ appropriated: '82500000.00', allotted: '82500000.00' });

    // 2. or the approval gives the unspent allotment back itself, from the latest SPD, audited
    const second = await cut('10');
    const mid = await spdAmount();
    expect((await t.post(`/budgeting/documents/${second}/approve`, {}, 'verifier')).status).toBe(200);
    expect(await line(t, l.id)).toMatchObject({ appropriated: '77500000.00', allotted: '77500000.00' });
    expect(await spdAmount()).toBe((Number(mid) - 5000000).toFixed(2));
    const revisions = (await t.get(`/audit/events?entityType=Spd&entityId=${spdId}`, 'auditor')).body.data.filter((e: { action: string }) => e.action === 'SPD.REVISE');
    expect(revisions[0].after.reason).toContain(`PERUBAHAN revision`);
    expect(revisions[0].after.reason).toContain(second);

    // 3. never below what is in process: the whole unspent allotment is asked for, the cut is refused with the arithmetic
    const free = (await t.get(`/budget-lines/${l.id}`, 'auditor')).body.allottedUnspent;
    const spp = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: l.id, amount: free }], payee: SUPPLIER, taxes: [] }, 'treasurer-a');
    expect((await t.post(`/penatausahaan/spp/${spp.body.id}/submit`, {}, 'treasurer-a')).status).toBe(200);
    const third = await cut('9');
    const entries = await t.sql(`SELECT count(*)::int AS n FROM ledger_entries`);
    const refused = await t.post(`/budgeting/documents/${third}/approve`, {}, 'verifier');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('SPD_REVISION_BELOW_USED');
    expect(refused.body.detail).toContain(`in process ${free}`);
    // and the line as the DPA names it (decision 0117)
    const codes = (await t.get(`/budget-lines/${l.id}`, 'auditor')).body;
    expect(refused.body.detail).toContain(`(sub kegiatan ${codes.subActivityCode} / account ${codes.accountCode} / funding source ${codes.fundingSourceCode})`);
    expect(await t.sql(`SELECT count(*)::int AS n FROM ledger_entries`)).toEqual(entries);
    expect((await t.get(`/budgeting/documents/${third}`, 'planner-a')).body.status).toBe('SUBMITTED');
    await ledgerClean(t);
    expect((await t.get('/audit/verify', 'auditor')).body.valid).toBe(true);
  });
});
