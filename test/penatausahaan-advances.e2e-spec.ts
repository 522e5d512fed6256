import { allottedLine, approvedSpm, issueSp2d, ledgerClean, line, TREASURER_ACCOUNT } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Advances (UP, GU, TU) move cash to the treasurer but post nothing; the SPJ's
// approval realises the spending (DISBURSEMENT), bounded by the allotment.
describe('e-penatausahaan: advances and SPJ', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  const bank = async () => (await t.get(`/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026`, 'treasurer-a')).body.closing.bank as string;

  it('UP is realised only when its SPJ is approved; GU replenishes the approved SPJ', async () => {
    const id = await allottedLine(t, '12000000.00', '2000000.00');
    const used = (await t.get(`/penatausahaan/up-limits/2026/${orgA}`, 'treasurer-a')).body.used as string; // the demo's UP
    const below = await t.put(`/penatausahaan/up-limits/2026/${orgA}`, { amount: '0.00' }, 'admin');
    expect(below.body.code).toBe(Number(used) > 0 ? 'UP_LIMIT_BELOW_USED' : undefined);
    const limit = await t.put(`/penatausahaan/up-limits/2026/${orgA}`, { amount: (Number(used) + 1000000).toFixed(2) }, 'admin');
    expect(limit.body).toMatchObject({ configured: true, used });
    const bankBefore = await bank();
    const { spmId } = await approvedSpm(t, { type: 'UP', organizationId: orgA, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: id, amount: '600000.00' }] });
    const up = await issueSp2d(t, spmId);
    expect(await line(t, id)).toMatchObject({ allotted: '2000000.00', committed: '0.00', disbursed: '0.00' });
    expect((await t.sql(`SELECT 1 FROM ledger_entries WHERE source_id = $1`, [up]))).toHaveLength(0);
    expect(Number(await bank()) - Number(bankBefore)).toBe(600000);

    const over = await t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: up, lines: [{ budgetLineId: id, amount: '600000.01', description: 'too much' }] }, 'treasurer-a');
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('SPJ_EXCEEDS_ADVANCE');
    expect(over.body.detail).toContain('SPJ total 600000.01 > advance 600000.00 - already accounted 0.00 = 600000.00');
    const spj = await t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: up, lines: [{ budgetLineId: id, amount: '400000.00', description: 'ATK' }] }, 'treasurer-a');
    expect(spj.status).toBe(201);
    expect(spj.body).toMatchObject({ status: 'SUBMITTED', total: '400000.00', advanceType: 'UP' });
    expect((await line(t, id)).disbursed).toBe('0.00');
    expect((await t.post(`/penatausahaan/spj/${spj.body.id}/approve`, {}, 'treasurer-a')).status).toBe(403);
    const ok = await t.post(`/penatausahaan/spj/${spj.body.id}/approve`, {}, 'budget-user-a');
    expect(ok.status).toBe(200);
    expect(await line(t, id)).toMatchObject({ disbursed: '400000.00', committed: '0.00' });
    expect(Number(await bank()) - Number(bankBefore)).toBe(200000);

    // a second UP above the limit (600,000 of 1,000,000 used)
    const up2 = await t.post('/penatausahaan/spp', { type: 'UP', organizationId: orgA, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: id, amount: '400000.01' }] }, 'treasurer-a');
    const refused = await t.post(`/penatausahaan/spp/${up2.body.id}/submit`, {}, 'treasurer-a');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('UP_LIMIT_EXCEEDED');

    // GU: needs an approved SPJ, at most its total, once
    const guBody = { type: 'GU', organizationId: orgA, payee: TREASURER_ACCOUNT, spjId: spj.body.id, lines: [{ budgetLineId: id, amount: '400000.00' }] };
    expect((await t.post('/penatausahaan/spp', { ...guBody, lines: [{ budgetLineId: id, amount: '400000.01' }] }, 'treasurer-a')).body.code).toBe('GU_EXCEEDS_SPJ');
    expect((await t.post('/penatausahaan/spp', { ...guBody, spjId: undefined }, 'treasurer-a')).status).toBe(400);
    const gu = await approvedSpm(t, guBody);
    await issueSp2d(t, gu.spmId);
    expect(Number(await bank()) - Number(bankBefore)).toBe(600000);
    expect((await t.post('/penatausahaan/spp', guBody, 'treasurer-a')).body.code).toBe('SPJ_ALREADY_REPLENISHED');
    expect((await line(t, id)).disbursed).toBe('400000.00');

    // an advance already accounted cannot be cancelled
    expect((await t.post(`/penatausahaan/sp2d/${up}/cancel`, { reason: 'x' }, 'cash-authority')).body.code).toBe('ADVANCE_ALREADY_ACCOUNTED');
    await ledgerClean(t);
  });

  it('TU: one sub kegiatan, one SPJ, the unused rest returned', async () => {
    const id = await allottedLine(t, '12000000.00', '2000000.00');
    const { spmId } = await approvedSpm(t, { type: 'TU', organizationId: orgA, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: id, amount: '300000.00' }] });
    const bankBefore = await bank();
    const tu = await issueSp2d(t, spmId);
    const sp2d = await t.get(`/penatausahaan/sp2d/${tu}`, 'treasurer-a');
    expect(sp2d.body.accountDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sp2d.body.accountOverdue).toBe(false);
    await t.sql(`UPDATE sp2d SET account_due_on = current_date - 1 WHERE id = $1`, [tu]); // a month later
    expect((await t.get(`/penatausahaan/sp2d/${tu}`, 'treasurer-a')).body.accountOverdue).toBe(true);
    const spj = await t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: tu, lines: [{ budgetLineId: id, amount: '250000.00', description: 'konsumsi rapat' }] }, 'treasurer-a');
    expect(spj.status).toBe(201);
    expect((await t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: tu, lines: [{ budgetLineId: id, amount: '1.00', description: 'x' }] }, 'treasurer-a')).body.code).toBe('TU_ALREADY_ACCOUNTED');
    const ok = await t.post(`/penatausahaan/spj/${spj.body.id}/approve`, {}, 'budget-user-a');
    expect(ok.body).toMatchObject({ status: 'APPROVED', returned: '50000.00' });
    expect((await t.get(`/penatausahaan/sp2d/${tu}`, 'treasurer-a')).body.accountOverdue).toBe(false);
    expect((await line(t, id)).disbursed).toBe('250000.00');
    expect(await bank()).toBe(bankBefore);
    await ledgerClean(t);
  });

  it('an SPJ above the allotment is refused at approval with the arithmetic, writing nothing', async () => {
    const id = await allottedLine(t, '12000000.00', '100000.00');
    const other = await allottedLine(t, '12000000.00', '1000000.00');
    const { spmId } = await approvedSpm(t, { type: 'UP', organizationId: orgA, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: other, amount: '300000.00' }] });
    const up = await issueSp2d(t, spmId);
    const spj = await t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: up, lines: [{ budgetLineId: id, amount: '100000.01', description: 'x' }] }, 'treasurer-a');
    expect(spj.status).toBe(201);
    const res = await t.post(`/penatausahaan/spj/${spj.body.id}/approve`, {}, 'budget-user-a');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INSUFFICIENT_ALLOTMENT');
    expect(res.body.detail).toContain('only 100000.00 is allotted');
    expect((await t.get(`/penatausahaan/spj/${spj.body.id}`, 'treasurer-a')).body.status).toBe('SUBMITTED');
    expect((await line(t, id)).disbursed).toBe('0.00');
  });
});
