import { Row } from './support/controlling-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// e-controlling refuses bad input with a 4xx and a stable code, and writes
// nothing: a future month's snapshot, malformed filters, an escalation out of
// order, for a contract that is not critical, or with a percentage above 100.
describe('e-controlling: bad input', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const count = async () => (await t.sql<{ n: number }>(`SELECT (SELECT count(*) FROM rfk_snapshots)::int + (SELECT count(*) FROM contract_escalations)::int AS n`))[0].n;
    const n0 = await count();
    const future = await t.post('/controlling/rfk/2026/12/freeze', {}, 'admin');
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('RFK_MONTH_NOT_OVER');
    expect((await t.post('/controlling/rfk/2026/13/freeze', {}, 'admin')).status).toBe(400);
    expect((await t.post('/controlling/rfk/2026/9/freeze', { reason: 'x' }, 'planner-a')).status).toBe(403);
    expect((await t.post('/controlling/rfk/2031/9/freeze', {}, 'admin')).body.code).toBe('FISCAL_YEAR_NOT_FOUND');
    const asOf = await t.get('/controlling/packages?fiscalYear=2026&asOf=2025-12-31', 'auditor');
    expect(asOf.status).toBe(400);
    expect(asOf.body.errors[0].field).toBe('asOf');
    expect((await t.get('/controlling/packages?fiscalYear=2026&status=SLOW', 'auditor')).status).toBe(400);
    expect((await t.get('/controlling/realization?fiscalYear=2026&groupBy=street', 'auditor')).status).toBe(400);
    expect((await t.get('/controlling/rfk?fiscalYear=2026&month=9&version=7', 'auditor')).status).toBe(404);

    const pkgs = (await t.get('/controlling/packages?fiscalYear=2026&month=9', 'project-officer-a')).body.data as Row[];
    const id = (n: string) => pkgs.find((p) => p.contractNumber === n)!.contractId as string;
    const notCritical = await t.post(`/controlling/contracts/${id('KTR/005/DISDIKBUD/2026')}/escalations`, { kind: 'SHOW_CAUSE_MEETING', stage: 1, heldOn: '2026-09-30', targetPercent: '85.00', targetDate: '2026-10-20', note: 'rapat' }, 'project-officer-a');
    expect(notCritical.status).toBe(422);
    expect(notCritical.body.code).toBe('CONTRACT_NOT_CRITICAL');
    expect(notCritical.body.detail).toContain('planned 80.00%, actual 76.00%');
    const skip = await t.post(`/controlling/contracts/${id('KTR/004/DISDIKBUD/2026')}/escalations`, { kind: 'SHOW_CAUSE_MEETING', stage: 3, heldOn: '2026-10-20', targetPercent: '50.00', targetDate: '2026-11-10', note: 'rapat' }, 'project-officer-a');
    expect(skip.body.code).toBe('ESCALATION_OUT_OF_ORDER');
    const pct = await t.post(`/controlling/contracts/${id('KTR/004/DISDIKBUD/2026')}/escalations`, { kind: 'SHOW_CAUSE_MEETING', stage: 2, heldOn: '2026-10-27', targetPercent: '150', targetDate: '2026-11-10', note: 'rapat' }, 'project-officer-a');
    expect(pct.status).toBe(400);
    expect(pct.body.errors[0].field).toBe('targetPercent');
    expect((await t.post(`/controlling/contracts/${id('KTR/004/DISDIKBUD/2026')}/escalations`, { kind: 'WARNING_LETTER', stage: 1, heldOn: '2026-10-27', note: 'SP-1' }, 'project-officer-a')).body.errors[0].field).toBe('documentNumber');
    expect(await count()).toBe(n0);
    const letter = await t.post(`/controlling/contracts/${id('KTR/004/DISDIKBUD/2026')}/escalations`, { kind: 'WARNING_LETTER', stage: 1, heldOn: '2026-10-27', documentNumber: 'SP-1/PPK/2026', note: 'target uji coba I tidak tercapai' }, 'project-officer-a');
    expect(letter.status).toBe(201);
  });
});
