import { allottedLine, approvedSpm, evenPlan, freshLine, issueSp2d, ledgerClean, line, setPlan, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// From an approved budget line and cash plan: SPD -> SPP LS -> SPM -> SP2D
// moves the line's allotted, committed and disbursed exactly; the BKU follows;
// cancellation reverses exactly what the SP2D posted.
describe('e-penatausahaan: the LS flow', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('SPD is bounded by the cash plan to the month, and approved by a second cash authority', async () => {
    const id = await freshLine(t, 'A', '1200000.00');
    await setPlan(t, id, 'A', evenPlan('1200000.00')); // 100,000.00 a month
    const body = (amount: string, month: number) => ({ fiscalYear: 2026, organizationId: orgA, month, lines: [{ budgetLineId: id, amount }] });
    const over = await t.post('/penatausahaan/spd', body('300000.01', 3), 'cash-authority');
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('EXCEEDS_CASH_PLAN');
    expect(over.body.detail).toContain('requested 300000.01 > cash plan to date 300000.00 - earlier SPDs 0.00 = 300000.00');
    const spd = await t.post('/penatausahaan/spd', body('300000', 3), 'cash-authority');
    expect(spd.status).toBe(201);
    expect(spd.body).toMatchObject({ status: 'DRAFT', total: '300000.00', month: 3, number: expect.stringMatching(/^SPD\/[0-9.]+\/2026\/\d{6}$/) });
    expect((await line(t, id)).allotted).toBe('0.00');
    // earlier SPDs (drafts included) count: nothing more to month 3
    const second = await t.post('/penatausahaan/spd', body('0.01', 3), 'cash-authority');
    expect(second.body.code).toBe('EXCEEDS_CASH_PLAN');
    const same = await t.post(`/penatausahaan/spd/${spd.body.id}/approve`, {}, 'cash-authority');
    expect(same.status).toBe(403);
    expect(same.body.code).toBe('SAME_MAKER_AND_APPROVER');
    const ok = await t.post(`/penatausahaan/spd/${spd.body.id}/approve`, {}, 'cash-authority-2');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'APPROVED', approvedBy: 'cash-authority-2' });
    expect((await line(t, id)).allotted).toBe('300000.00');
    expect((await t.post(`/penatausahaan/spd/${spd.body.id}/approve`, {}, 'cash-authority-2')).body.code).toBe('INVALID_STATE_TRANSITION');
    const entries = await t.get(`/budget-lines/${id}/entries`, 'auditor');
    expect(entries.body.data.filter((e: { kind: string }) => e.kind === 'ALLOTMENT')).toEqual([
      expect.objectContaining({ amount: '300000.00', sourceType: 'Spd', sourceId: spd.body.id }),
    ]);
  });

  it('moves allotted/committed/disbursed exactly through SPP -> SPM -> SP2D, withholds taxes, and the BKU follows', async () => {
    const id = await allottedLine(t, '12000000.00', '5000000.00');
    const spp = await t.post('/penatausahaan/spp', {
      type: 'LS', organizationId: orgA, lines: [{ budgetLineId: id, amount: '1000000.55' }], payee: SUPPLIER, taxes: [{ code: 'PPN' }, { code: 'PPH23' }],
    }, 'treasurer-a');
    expect(spp.status).toBe(201);
    // taxes on the DPP (1000000.55 x 100/111 = 900901); PPN is not collected at most Rp2,000,000
    expect(spp.body).toMatchObject({ status: 'DRAFT', gross: '1000000.55', dpp: '900901.00', taxesTotal: '18018.00', net: '981982.55' });
    expect(spp.body.payee.npwp).toBe('012345678901000');
    expect(spp.body.taxes).toEqual([
      { code: 'PPH23', name: expect.any(String), base: 'DPP', baseAmount: '900901.00', rate: '2.0000', surcharge: '0.0000', amount: '18018.00', note: null },
      { code: 'PPN', name: expect.any(String), base: 'DPP', baseAmount: '900901.00', rate: '11.0000', surcharge: '0.0000', amount: '0.00', note: expect.stringContaining('at most 2000000.00') },
    ]);
    expect((await t.post(`/penatausahaan/spp/${spp.body.id}/submit`, {}, 'treasurer-a')).body.status).toBe('SUBMITTED');
    const spm = await t.post('/penatausahaan/spm', { sppId: spp.body.id }, 'finance-officer-a');
    expect(spm.status).toBe(201);
    expect((await t.get(`/penatausahaan/spp/${spp.body.id}`, 'treasurer-a')).body).toMatchObject({ status: 'VERIFIED', verifiedBy: 'finance-officer-a' });
    // SP2D from an unapproved SPM
    const early = await t.post('/penatausahaan/sp2d', { spmId: spm.body.id }, 'cash-authority');
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('SPM_NOT_APPROVED');
    expect((await t.post(`/penatausahaan/spm/${spm.body.id}/approve`, {}, 'finance-officer-a')).status).toBe(403); // the finance officer drafts, the PA/KPA issues
    expect((await t.post(`/penatausahaan/spm/${spm.body.id}/approve`, {}, 'budget-user-a')).status).toBe(200);
    expect(await line(t, id)).toMatchObject({ allotted: '5000000.00', committed: '1000000.55', disbursed: '0.00' });

    const sp2dId = await issueSp2d(t, spm.body.id);
    expect(await line(t, id)).toMatchObject({ allotted: '5000000.00', committed: '0.00', disbursed: '1000000.55' });
    expect((await t.get(`/penatausahaan/spp/${spp.body.id}`, 'treasurer-a')).body.status).toBe('PAID');
    const second = await t.post('/penatausahaan/sp2d', { spmId: spm.body.id }, 'cash-authority');
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('SP2D_ALREADY_ISSUED');

    const bku = await t.get(`/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026`, 'treasurer-a');
    expect(bku.status).toBe(200);
    const mine = bku.body.entries.filter((e: { sourceId: string }) => e.sourceId === sp2dId);
    expect(mine.map((e: { subLedger: string; receipt: string; expenditure: string }) => [e.subLedger, e.receipt, e.expenditure])).toEqual([
      ['BANK', '1000000.55', '0.00'], ['BANK', '0.00', '981982.55'], ['BANK', '0.00', '18018.00'], ['TAX', '18018.00', '0.00'], ['TAX', '0.00', '18018.00'],
    ]);
    for (const e of bku.body.entries) expect(Number(e.balance)).toBeGreaterThanOrEqual(0);
    await ledgerClean(t);

    // cancellation reverses exactly the SP2D's entries and names it
    const noReason = await t.post(`/penatausahaan/sp2d/${sp2dId}/cancel`, {}, 'cash-authority');
    expect(noReason.status).toBe(400);
    const cancel = await t.post(`/penatausahaan/sp2d/${sp2dId}/cancel`, { reason: 'wrong bank account' }, 'cash-authority');
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'wrong bank account', cancelledBy: 'cash-authority' });
    expect(await line(t, id)).toMatchObject({ committed: '1000000.55', disbursed: '0.00' });
    const rev = await t.sql<{ kind: string; amount: string; reverses: string }>(
      `SELECT r.kind, r.amount::text, o.source_id AS reverses FROM ledger_entries r JOIN ledger_entries o ON o.id = r.reverses_entry_id
       WHERE r.source_type = 'Sp2dCancellation' AND r.source_id = $1 ORDER BY r.kind`, [sp2dId]);
    expect(rev).toEqual([{ kind: 'COMMITMENT', amount: '1000000.55', reverses: sp2dId }, { kind: 'DISBURSEMENT', amount: '-1000000.55', reverses: sp2dId }]);
    expect((await t.post(`/penatausahaan/sp2d/${sp2dId}/cancel`, { reason: 'again' }, 'cash-authority')).body.code).toBe('INVALID_STATE_TRANSITION');
    // a new SP2D may then be issued for the same SPM
    await issueSp2d(t, spm.body.id);
    expect(await line(t, id)).toMatchObject({ committed: '0.00', disbursed: '1000000.55' });
    await ledgerClean(t);
    const actions = async (entityType: string, entityId: string) =>
      (await t.get(`/audit/events?entityType=${entityType}&entityId=${entityId}`, 'auditor')).body.data.map((e: { action: string; actorUsername: string }) => `${e.action} by ${e.actorUsername}`).sort();
    expect(await actions('Sp2d', sp2dId)).toEqual(['SP2D.CANCEL by cash-authority', 'SP2D.ISSUE by cash-authority']);
    expect(await actions('Spp', spp.body.id)).toEqual(['SPP.CREATE by treasurer-a', 'SPP.SUBMIT by treasurer-a', 'SPP.VERIFY by finance-officer-a']);
    expect(await actions('Spm', spm.body.id)).toEqual(['SPM.APPROVE by budget-user-a', 'SPM.CREATE by finance-officer-a']);
    expect((await t.get('/audit/verify', 'auditor')).body.valid).toBe(true);
  });

  it('refuses bad input with a clear 4xx and a stable code, writing nothing', async () => {
    const id = await allottedLine(t, '1200000.00', '100000.00');
    const idB = await freshLine(t, 'B', '1000000.00');
    const base = { type: 'LS', organizationId: orgA, payee: SUPPLIER, taxes: [] };
    const [{ n: before }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM spp`);
    const cases: [unknown, number, string][] = [
      [{ ...base, lines: [{ budgetLineId: id, amount: '10.001' }] }, 400, 'VALIDATION_FAILED'],
      [{ ...base, lines: [{ budgetLineId: id, amount: '-10.00' }] }, 400, 'VALIDATION_FAILED'],
      [{ ...base, lines: [{ budgetLineId: id, amount: 10 }] }, 400, 'VALIDATION_FAILED'],
      [{ ...base, lines: [{ budgetLineId: id, amount: '0' }] }, 400, 'VALIDATION_FAILED'],
      [{ ...base, lines: [{ budgetLineId: idB, amount: '10.00' }] }, 404, 'NOT_FOUND'],
      [{ ...base, payee: { ...SUPPLIER, npwp: '12345' }, lines: [{ budgetLineId: id, amount: '10.00' }] }, 400, 'INVALID_NPWP'],
      [{ ...base, taxes: [{ code: 'PPH99' }], lines: [{ budgetLineId: id, amount: '10.00' }] }, 422, 'UNKNOWN_TAX_CODE'],
      [{ ...base, lines: [{ budgetLineId: id, amount: '10.00' }, { budgetLineId: id, amount: '5.00' }] }, 400, 'DUPLICATE_LINE'],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.post('/penatausahaan/spp', body, 'treasurer-a');
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    }
    expect((await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM spp`))[0].n).toBe(before);
    // an SPD for a year that is not in execution
    const closed = await t.post('/penatausahaan/spd', { fiscalYear: 2027, organizationId: orgA, month: 1, lines: [{ budgetLineId: id, amount: '1.00' }] }, 'cash-authority');
    expect(closed.status).toBe(422);
    expect(closed.body.code).toBe('FISCAL_YEAR_NOT_OPEN');
    // more than the allotment: refusal names the line and the arithmetic
    const big = await approvedSpm(t, { ...base, lines: [{ budgetLineId: id, amount: '60000.00' }] }).catch((e) => e);
    expect(big).toHaveProperty('sppId');
    const spp2 = await t.post('/penatausahaan/spp', { ...base, lines: [{ budgetLineId: id, amount: '40000.01' }] }, 'treasurer-a');
    const refused = await t.post(`/penatausahaan/spp/${spp2.body.id}/submit`, {}, 'treasurer-a');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('INSUFFICIENT_ALLOTMENT');
    expect(refused.body.detail).toContain(`budget line ${id}: requested 40000.01 > allotted 100000.00 - disbursed 0.00 - in process 60000.00 = 40000.00`);
    expect((await t.get(`/penatausahaan/spp/${spp2.body.id}`, 'treasurer-a')).body.status).toBe('DRAFT');
    // rejection with a reason, then resubmission
    const rj = await t.post(`/penatausahaan/spp/${spp2.body.id}/reject`, { reason: 'x' }, 'finance-officer-a');
    expect(rj.body.code).toBe('INVALID_STATE_TRANSITION');
  });

  it('closes the year: nothing more can be submitted in a CLOSED year', async () => {
    const id = await allottedLine(t, '1200000.00', '100000.00');
    const spp = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: orgA, payee: SUPPLIER, lines: [{ budgetLineId: id, amount: '10.00' }] }, 'treasurer-a');
    expect(spp.status).toBe(201);
    await t.sql(`UPDATE fiscal_years SET status = 'CLOSED' WHERE year = 2026`);
    try {
      const res = await t.post(`/penatausahaan/spp/${spp.body.id}/submit`, {}, 'treasurer-a');
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('FISCAL_YEAR_NOT_OPEN');
      const created = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: orgA, payee: SUPPLIER, lines: [{ budgetLineId: id, amount: '10.00' }] }, 'treasurer-a');
      expect(created.body.code).toBe('FISCAL_YEAR_NOT_OPEN');
    } finally {
      await t.sql(`UPDATE fiscal_years SET status = 'EXECUTION' WHERE year = 2026`);
    }
  });
  it('uses the year\'s tax table, which only ADMIN edits', async () => {
    const id = await allottedLine(t, '1200000.00', '100000.00');
    expect((await t.put('/tax-rates/2026/PPH23', { name: 'PPh 23', rate: '3' }, 'treasurer-a')).status).toBe(403);
    expect((await t.put('/tax-rates/2026/PPH23', { name: 'PPh 23', rate: 3 }, 'admin')).status).toBe(400);
    const put = await t.put('/tax-rates/2026/PPH23', { name: 'PPh 23', rate: '3' }, 'admin');
    expect(put.body).toMatchObject({ fiscalYear: 2026, code: 'PPH23', rate: '3.0000', configured: true });
    expect((await t.put('/tax-rates/2026/FULL', { name: 'test: everything', rate: '100' }, 'admin')).status).toBe(200);
    const table = await t.get('/tax-rates?fiscalYear=2026', 'treasurer-a');
    expect(table.body.find((r: { code: string }) => r.code === 'PPH21_IV')).toMatchObject({ rate: '15.0000', configured: false });
    const body = (taxes: string[]) => ({ type: 'LS', organizationId: orgA, payee: SUPPLIER, lines: [{ budgetLineId: id, amount: '33.33' }], taxes: taxes.map((code) => ({ code })) });
    const spp = await t.post('/penatausahaan/spp', body(['PPH23']), 'treasurer-a');
    expect(spp.body).toMatchObject({ gross: '33.33', taxesTotal: '0.00', net: '33.33' }); // 0.9999 rounds down to 0
    const big = await t.post('/penatausahaan/spp', { ...body(['PPH23']), lines: [{ budgetLineId: id, amount: '1000.00' }] }, 'treasurer-a');
    expect(big.body).toMatchObject({ dpp: '900.00', taxesTotal: '27.00', net: '973.00' }); // 3% of the DPP
    const over = await t.post('/penatausahaan/spp', body(['FULL', 'PPH21_IV']), 'treasurer-a');
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('TAXES_EXCEED_GROSS');
    expect((await t.post('/penatausahaan/spp', { ...body([]), type: 'UP', taxes: [{ code: 'PPN' }] }, 'treasurer-a')).status).toBe(400);
  });
});
