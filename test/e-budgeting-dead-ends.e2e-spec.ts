import { startTestApp, TestApp } from './support/test-app';

// No dead ends in budgeting: a draft budget document is deleted (with a
// reason, kept in its history) and the sub kegiatan takes a new one; a
// ceiling cannot be set below what its scope already uses, unless the budget
// team forces it with a reason.
describe('e-budgeting: deleting drafts and ceilings below what is used', () => {
  let t: TestApp;
  let orgA: string;
  const sub = '1.01.02.1.01.0070';
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('deletes a draft budget document, keeps it out of the lists, and lets the sub kegiatan take a new one', async () => {
    const make = () => t.post('/budgeting/documents', { fiscalYear: 2026, organizationId: orgA, subActivityCode: sub, stage: 'PERGESERAN' }, 'planner-a');
    const draft = await make();
    expect(draft.status).toBe(201);
    expect((await t.req('delete', `/budgeting/documents/${draft.body.id}`, { user: 'planner-a', body: {} })).status).toBe(400);
    expect((await t.req('delete', `/budgeting/documents/${draft.body.id}`, { user: 'planner-b', body: { reason: 'not ours' } })).status).toBe(404);
    const gone = await t.req('delete', `/budgeting/documents/${draft.body.id}`, { user: 'planner-a', body: { reason: 'started on the wrong sub kegiatan' } });
    expect(gone.status).toBe(200);
    expect(gone.body.status).toBe('DELETED');
    const listed = await t.get(`/budgeting/documents?fiscalYear=2026&organizationId=${orgA}&subActivityCode=${sub}`, 'planner-a');
    expect(listed.body.data.map((d: { status: string }) => d.status)).toEqual(['APPROVED']);
    const history = (await t.get(`/budgeting/documents/${draft.body.id}/history`, 'planner-a')).body.data;
    expect(history.at(-1)).toMatchObject({ action: 'DELETED', toStatus: 'DELETED', reason: 'started on the wrong sub kegiatan', actorUsername: 'planner-a' });
    const again = await make();
    expect(again.status).toBe(201);
    expect(again.body.revision).toBe(draft.body.revision);
    expect((await t.post(`/budgeting/documents/${again.body.id}/submit`, {}, 'planner-a')).status).toBe(200);
    expect((await t.req('delete', `/budgeting/documents/${again.body.id}`, { user: 'planner-a', body: { reason: 'too late' } })).status).toBe(409);
  });

  it('refuses a ceiling below what is used, naming the amount, unless forced by the budget team with a reason', async () => {
    const [current] = (await t.get(`/budgeting/ceilings?fiscalYear=2026&organizationId=${orgA}`, 'verifier')).body.data
      .filter((c: { programCode: string | null }) => c.programCode === null);
    expect(Number(current.used)).toBeGreaterThan(0);
    const [lo, cents] = current.used.split('.');
    const below = `${BigInt(lo) - (cents === '00' ? 1n : 0n)}.${cents === '00' ? '99' : String(Number(cents) - 1).padStart(2, '0')}`;
    const body = { fiscalYear: 2026, organizationId: orgA, amount: below };
    const refused = await t.post('/budgeting/ceilings', body, 'verifier');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CEILING_BELOW_USED');
    expect(refused.body.detail).toContain(`would be ${below} but its submitted or approved documents already use ${current.used} (short by 0.01)`);
    expect((await t.post('/budgeting/ceilings', { ...body, force: true }, 'verifier')).status).toBe(400);
    expect((await t.post('/budgeting/ceilings', { ...body, force: true, reason: 'x' }, 'planner-a')).status).toBe(403);
    const forced = await t.post('/budgeting/ceilings', { ...body, force: true, reason: 'KUA-PPAS amended; the OPD cuts its documents' }, 'verifier');
    expect(forced.status).toBe(201);
    expect(forced.body).toMatchObject({ amount: below, used: current.used, remaining: '-0.01', forceReason: 'KUA-PPAS amended; the OPD cuts its documents' });
    const events = (await t.get(`/audit/events?entityType=BudgetCeiling&entityId=${forced.body.id}`, 'auditor')).body.data;
    expect(events[0]).toMatchObject({ action: 'CEILING.FORCE' });
    expect(events[0].after.reason).toBe('KUA-PPAS amended; the OPD cuts its documents');
    // at or above what is used needs no force
    expect((await t.post('/budgeting/ceilings', { ...body, amount: current.used }, 'verifier')).body.forceReason).toBeNull();
  });
});
