import { allot, evenPlan, freshLine, issueSp2d, ledgerClean, line, setPlan } from './support/penatausahaan-fixtures';
import { announcedPackage, expectOk, packageBody, vendor } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// A planner packages a DPA line; a contract on it is signed (four-eyes) and
// commits exactly its value; a termin before its progress threshold is
// refused; after verified progress passes it, the termin is paid through
// SPP -> SPM -> SP2D and the line shows commitment turned into disbursement
// to the sen. OPD B sees none of it.
describe('e-delivery: from a package to a paid termin', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('packages within the line, contracts within the budget, termins paid only when due', async () => {
    const lineId = await freshLine(t, 'A', '1000000000.00');
    await setPlan(t, lineId, 'A', evenPlan('1000000000.00'));
    const [{ sub }] = await t.sql<{ sub: string }>(`SELECT sub_activity_code AS sub FROM budget_lines WHERE id = $1`, [lineId]);

    const pkgId = await announcedPackage(t, lineId, '500000000.00');
    const pkg = (await t.get(`/project-planning/packages/${pkgId}`, 'planner-a')).body;
    expect(pkg).toMatchObject({ status: 'ANNOUNCED', value: '500000000.00', rupCode: expect.stringMatching(/^\d+$/), approvedBy: 'budget-user-a' });

    // a package above what is left on the line
    const over = await t.post('/project-planning/packages', packageBody(orgA, sub, lineId, '500000000.01'), 'planner-a');
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('PACKAGE_EXCEEDS_APPROPRIATION');
    expect(over.body.detail).toContain(`requested 500000000.01 > appropriated 1000000000.00 - other packages 500000000.00 = 500000000.00 on budget line ${lineId}`);
    // direct procurement of construction above Rp400 million
    const direct = await t.post('/project-planning/packages', packageBody(orgA, sub, lineId, '400000000.01', { method: 'DIRECT_PROCUREMENT' }), 'planner-a');
    expect(direct.status).toBe(422);
    expect(direct.body.code).toBe('METHOD_ABOVE_THRESHOLD');
    expect((await t.sql(`SELECT 1 FROM packages WHERE value IN (500000000.01, 400000000.01)`)).length).toBe(0);

    const v = await vendor(t, 'SMALL');
    const contractBody = {
      packageId: pkgId, vendorId: v.id, number: 'KTR/027/DISDIKBUD/2026', signedOn: '2026-04-01', value: '450000000.00', startDate: '2026-04-05', endDate: '2026-12-15',
      maintenanceDays: 30, advance: '90000000.00', termins: [{ percent: '50', progressThreshold: '50' }, { percent: '50', progressThreshold: '100' }],
    };
    const bigAdvance = await t.post('/delivery/contracts', { ...contractBody, advance: '135000000.01' }, 'project-officer-a');
    expect(bigAdvance.status).toBe(422);
    expect(bigAdvance.body.code).toBe('ADVANCE_ABOVE_LIMIT');
    const tooBig = await t.post('/delivery/contracts', { ...contractBody, value: '500000000.01' }, 'project-officer-a');
    expect(tooBig.body.code).toBe('CONTRACT_EXCEEDS_PACKAGE');
    const draft = await t.post('/delivery/contracts', contractBody, 'project-officer-a');
    expectOk(draft, 201, 'contract');
    expect(draft.body.termins.map((x: { kind: string; payable: string }) => [x.kind, x.payable])).toEqual([
      ['ADVANCE', '90000000.00'], ['PROGRESS', '168750000.00'], ['PROGRESS', '168750000.00'], ['RETENTION', '22500000.00']]);
    expect((await line(t, lineId)).committed).toBe('0.00');
    const same = await t.post(`/delivery/contracts/${draft.body.id}/sign`, {}, 'project-officer-a');
    expect(same.status).toBe(403);
    expect(same.body.code).toBe('SAME_MAKER_AND_APPROVER');
    const signed = await t.post(`/delivery/contracts/${draft.body.id}/sign`, {}, 'budget-user-a');
    expectOk(signed, 200, 'sign');
    expect(await line(t, lineId)).toMatchObject({ committed: '450000000.00', disbursed: '0.00' });
    expect((await t.get(`/project-planning/packages/${pkgId}`, 'planner-a')).body.status).toBe('CONTRACTED');
    const contractId = draft.body.id;

    await allot(t, lineId, 'A', '1000000000.00');
    const payee = { name: v.name, npwp: v.npwp, bankName: 'Bank Jateng', bankAccount: v.bankAccount };
    const spp = (terminNo: number, amount: string, p = payee) => t.post('/penatausahaan/spp', {
      type: 'LS', organizationId: orgA, lines: [{ budgetLineId: lineId, amount }], payee: p, contractId, terminNo,
    }, 'treasurer-a');
    const pay = async (terminNo: number, amount: string) => {
      const s = await spp(terminNo, amount);
      expectOk(s, 201, `SPP termin ${terminNo}`);
      expectOk(await t.post(`/penatausahaan/spp/${s.body.id}/submit`, {}, 'treasurer-a'), 200, 'submit');
      const spm = await t.post('/penatausahaan/spm', { sppId: s.body.id }, 'finance-officer-a');
      expectOk(spm, 201, 'SPM');
      expectOk(await t.post(`/penatausahaan/spm/${spm.body.id}/approve`, {}, 'budget-user-a'), 200, 'SPM approve');
      // the SPM does not commit again
      expect((await line(t, lineId)).committed).toBe((await t.get(`/delivery/contracts/${contractId}`, 'project-officer-a')).body.fundingLines[0].committed);
      return issueSp2d(t, spm.body.id);
    };

    // the advance is due at signing
    await pay(1, '90000000.00');
    expect(await line(t, lineId)).toMatchObject({ committed: '360000000.00', disbursed: '90000000.00' });

    // termin 2 before its progress threshold
    const early = await spp(2, '168750000.00');
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('TERMIN_NOT_DUE');
    expect(early.body.detail).toContain('payable at 50.00% verified progress; verified progress of contract KTR/027/DISDIKBUD/2026 is 0.00%');

    const rep = await t.post(`/delivery/contracts/${contractId}/progress`, { reportedOn: '2026-07-31', cumulativePercent: '60', note: 'MC-4', evidence: ['MC-4/2026'] }, 'project-officer-a');
    expectOk(rep, 201, 'progress');
    // not verified yet: still not due
    expect((await spp(2, '168750000.00')).body.code).toBe('TERMIN_NOT_DUE');
    const down = await t.post(`/delivery/contracts/${contractId}/progress`, { reportedOn: '2026-08-31', cumulativePercent: '59.99' }, 'project-officer-a');
    expect(down.status).toBe(422);
    expect(down.body.code).toBe('PROGRESS_DECREASING');
    const above = await t.post(`/delivery/contracts/${contractId}/progress`, { reportedOn: '2026-08-31', cumulativePercent: '100.01' }, 'project-officer-a');
    expect(above.status).toBe(400);
    expect((await t.post(`/delivery/progress/${rep.body.id}/verify`, {}, 'project-officer-a')).status).toBe(403);
    expectOk(await t.post(`/delivery/progress/${rep.body.id}/verify`, {}, 'supervisor-a'), 200, 'verify');

    const wrongGross = await spp(2, '225000000.00');
    expect(wrongGross.status).toBe(422);
    expect(wrongGross.body.code).toBe('TERMIN_GROSS_MISMATCH');
    expect(wrongGross.body.detail).toContain('termin 2 pays 225000000.00 - advance recovered 45000000.00 - retention held 11250000.00 - penalty 0.00 = 168750000.00');
    const otherPayee = await spp(2, '168750000.00', { ...payee, npwp: '019876543210000' });
    expect(otherPayee.body.code).toBe('PAYEE_NOT_CONTRACT_VENDOR');

    await pay(2, '168750000.00');
    expect(await line(t, lineId)).toMatchObject({ committed: '191250000.00', disbursed: '258750000.00' });
    const twice = await spp(2, '168750000.00');
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('TERMIN_ALREADY_PAID');

    const card = (await t.get(`/delivery/contracts/${contractId}`, 'supervisor-a')).body;
    expect(card).toMatchObject({ status: 'SIGNED', progress: '60.00', paid: '258750000.00', remaining: '191250000.00' });
    expect(card.termins[1].paidSp2dNumber).toMatch(/^SP2D-LS\/[0-9.]+\/2026\/\d{6}$/);
    expect(card.fundingLines).toEqual([{ budgetLineId: lineId, amount: '450000000.00', committed: '191250000.00' }]);

    // OPD B sees none of OPD A's packages or contracts
    expect((await t.get(`/project-planning/packages/${pkgId}`, 'planner-b')).status).toBe(404);
    expect((await t.get('/project-planning/packages?fiscalYear=2026', 'planner-b')).body.data.map((p: { id: string }) => p.id)).not.toContain(pkgId);
    const audit = await t.get(`/audit/events?entityType=Contract&entityId=${contractId}`, 'auditor');
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['CONTRACT.CREATE', 'CONTRACT.SIGN', 'CONTRACT.TERMIN_PAID']));
    await ledgerClean(t);
  });
});
