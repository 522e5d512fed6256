import { evenPlan, freshLine, line, setPlan } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// DOMAIN.md: the PPKD (REGIONAL_FINANCE_HEAD, head of BPKAD) signs SPDs
// (decision 0119). The regional treasurer drafts; the PPKD, or another cash
// authority, approves; nobody approves an SPD they drafted; the PPKD neither
// drafts, revises nor withdraws one, and the limits of the cash plan hold for
// whoever signs.
describe('e-penatausahaan: the PPKD signs an SPD', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('finance-head approves an SPD drafted by cash-authority: ALLOTMENT posted, approvedBy finance-head', async () => {
    const id = await freshLine(t, 'A', '1200000.00');
    await setPlan(t, id, 'A', evenPlan('1200000.00'));
    const body = { fiscalYear: 2026, organizationId: orgA, month: 3, lines: [{ budgetLineId: id, amount: '300000.00' }] };
    expect((await t.post('/penatausahaan/spd', body, 'finance-head')).status).toBe(403);
    const spd = await t.post('/penatausahaan/spd', body, 'cash-authority');
    expect(spd.status).toBe(201);
    expect((await t.get(`/penatausahaan/spd/${spd.body.id}`, 'finance-head')).body.status).toBe('DRAFT');
    expect((await t.post(`/penatausahaan/spd/${spd.body.id}/withdraw`, { reason: 'salah bulan' }, 'finance-head')).status).toBe(403);
    for (const user of ['planner-a', 'treasurer-a', 'regional-secretary', 'auditor']) {
      expect({ user, status: (await t.post(`/penatausahaan/spd/${spd.body.id}/approve`, {}, user)).status }).toEqual({ user, status: 403 });
    }
    const ok = await t.post(`/penatausahaan/spd/${spd.body.id}/approve`, {}, 'finance-head');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'APPROVED', approvedBy: 'finance-head', total: '300000.00' });
    expect((await line(t, id)).allotted).toBe('300000.00');
    expect((await t.post(`/penatausahaan/spd/${spd.body.id}/approve`, {}, 'finance-head')).body.code).toBe('INVALID_STATE_TRANSITION');
    const entries = await t.get(`/budget-lines/${id}/entries`, 'auditor');
    expect(entries.body.data.filter((e: { kind: string }) => e.kind === 'ALLOTMENT')).toEqual([
      expect.objectContaining({ amount: '300000.00', sourceType: 'Spd', sourceId: spd.body.id }),
    ]);
    const audit = await t.get(`/audit/events?entityType=Spd&entityId=${spd.body.id}`, 'auditor');
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['SPD.APPROVE']));
  });

  it('the cash plan bounds the SPD whoever signs it, with the arithmetic', async () => {
    const id = await freshLine(t, 'A', '1200000.00');
    await setPlan(t, id, 'A', evenPlan('1200000.00'));
    const a = await t.post('/penatausahaan/spd', { fiscalYear: 2026, organizationId: orgA, month: 2, lines: [{ budgetLineId: id, amount: '200000.00' }] }, 'cash-authority');
    expect(a.status).toBe(201);
    // the plan is lowered for February and March before the SPD is signed
    await setPlan(t, id, 'A', ['50000.00', '50000.00', ...Array(10).fill('110000.00')]);
    const refused = await t.post(`/penatausahaan/spd/${a.body.id}/approve`, {}, 'finance-head');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('EXCEEDS_CASH_PLAN');
    expect(refused.body.detail).toContain(`budget line ${id}: requested 200000.00 > cash plan to date 100000.00 - earlier SPDs 0.00 = 100000.00`);
    expect((await line(t, id)).allotted).toBe('0.00');
  });
});
