import { evenPlan, freshLine, setPlan, SUPPLIER } from './support/penatausahaan-fixtures';
import { announcedPackage, expectOk } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Correcting the payee of a contract termin's SPP re-checks it against the
// contract: the vendor's NPWP, the contract's account, the vendor's tax
// attributes; a correction of any SPP that would change what its taxes were
// computed for is refused (a new SPP). Nothing is written on a refusal.
describe('e-delivery: an SPP payee correction is checked against the contract\'s vendor', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('refuses another NPWP, another account or other tax attributes; accepts the vendor\'s own', async () => {
    const lineId = await freshLine(t, 'A', '500000000.00');
    await setPlan(t, lineId, 'A', evenPlan('500000000.00'));
    const npwp = `0${String(Date.now() % 1e8).padStart(8, '0')}880001`;
    const account = `66${npwp.slice(-8)}`;
    const v = await t.post('/delivery/vendors', {
      kind: 'COMPANY', name: 'CV Sumber Rejeki Kendal', npwp, vatRegistered: false, qualification: 'MEDIUM', bankName: 'Bank Jateng', bankAccount: account,
      certificates: [{ code: 'SBU-BG009', qualification: 'MEDIUM', validFrom: '2020-01-01', validUntil: '2025-12-31' }],
    }, 'project-officer-a');
    expectOk(v, 201, 'vendor');
    const pkgId = await announcedPackage(t, lineId, '200000000.00');
    const c = await t.post('/delivery/contracts', {
      packageId: pkgId, vendorId: v.body.id, number: 'KTR/PAYEE/1/2026', signedOn: '2026-04-01', value: '200000000.00', startDate: '2026-04-05', endDate: '2026-12-15',
      maintenanceDays: 30, advance: '40000000.00', termins: [{ percent: '100', progressThreshold: '100' }],
    }, 'project-officer-a');
    expectOk(c, 201, 'contract');
    expectOk(await t.post(`/delivery/contracts/${c.body.id}/sign`, {}, 'budget-user-a'), 200, 'sign');
    const payee = { name: 'CV Sumber Rejeki Kendal', npwp, bankName: 'Bank Jateng', bankAccount: account };
    const spp = await t.post('/penatausahaan/spp', {
      type: 'LS', organizationId: orgA, lines: [{ budgetLineId: lineId, amount: '40000000.00' }], payee, contractId: c.body.id, terminNo: 1, taxes: [{ code: 'PPH4_2' }],
    }, 'treasurer-a');
    expectOk(spp, 201, 'SPP of the advance termin');
    expect(spp.body.payee).toMatchObject({ qualification: 'UNCERTIFIED', vatRegistered: false });
    const correct = (p: Record<string, unknown>) => t.patch(`/penatausahaan/spp/${spp.body.id}`, { payee: { ...payee, ...p }, reason: 'surat rekening dari penyedia' }, 'treasurer-a');

    const otherVendor = await correct({ npwp: '01.987.654.3-210.000' });
    expect([otherVendor.status, otherVendor.body.code]).toEqual([422, 'PAYEE_NOT_CONTRACT_VENDOR']);
    expect(otherVendor.body.errors).toEqual([{ field: 'payee.npwp', message: `the vendor's NPWP is ${npwp}` }]);
    const otherAccount = await correct({ bankAccount: '9999999999' });
    expect([otherAccount.status, otherAccount.body.code]).toEqual([422, 'PAYEE_NOT_CONTRACT_VENDOR']);
    expect(otherAccount.body.errors).toEqual([{ field: 'payee.bankAccount', message: `the contract's account is ${account}` }]);
    expect(otherAccount.body.detail).toContain(`account ${account}`);
    const claimed = await correct({ qualification: 'SMALL' });
    expect([claimed.status, claimed.body.code, claimed.body.errors?.[0]?.field]).toEqual([422, 'PAYEE_TAXES_OF_VENDOR', 'payee.qualification']);
    const pkp = await correct({ vatRegistered: true });
    expect([pkp.status, pkp.body.code]).toEqual([422, 'PAYEE_TAXES_OF_VENDOR']);
    // nothing written by the refusals
    expect((await t.get(`/penatausahaan/spp/${spp.body.id}`, 'treasurer-a')).body.payee).toEqual(spp.body.payee);

    // the vendor's own NPWP (formatted) and account, its name spelled out: corrected, taxes as they were
    const ok = await correct({ name: 'CV. Sumber Rejeki (Kendal)', npwp: `${npwp.slice(0, 2)}.${npwp.slice(2, 5)}.${npwp.slice(5, 8)}.${npwp.slice(8, 9)}-${npwp.slice(9, 12)}.${npwp.slice(12)}` });
    expectOk(ok, 200, 'correction');
    expect(ok.body.payee).toMatchObject({ name: 'CV. Sumber Rejeki (Kendal)', npwp, bankAccount: account, qualification: 'UNCERTIFIED' });
    expect(ok.body.taxes).toEqual(spp.body.taxes);
    const audit = await t.get(`/audit/events?entityType=Spp&entityId=${spp.body.id}`, 'auditor');
    expect(audit.body.data.map((e: { action: string }) => e.action)).toContain('SPP.CORRECT');
  });

  it('an LS SPP without a contract: a correction that would change its taxes is refused', async () => {
    const lineId = await freshLine(t, 'A', '100000000.00');
    await setPlan(t, lineId, 'A', evenPlan('100000000.00'));
    const spp = await t.post('/penatausahaan/spp', {
      type: 'LS', organizationId: orgA, lines: [{ budgetLineId: lineId, amount: '11100000.00' }], payee: SUPPLIER, taxes: [{ code: 'PPH22' }],
    }, 'treasurer-a');
    expectOk(spp, 201, 'SPP');
    const notPkp = await t.patch(`/penatausahaan/spp/${spp.body.id}`, { payee: { ...SUPPLIER, vatRegistered: false }, reason: 'bukan PKP' }, 'treasurer-a');
    expect([notPkp.status, notPkp.body.code]).toEqual([422, 'PAYEE_TAXES_CHANGED']);
    expect(notPkp.body.errors).toEqual([{ field: 'payee.vatRegistered', message: 'taxed as true, now false' }]);
    expect(notPkp.body.detail).toContain('cancel the SPP and make a new one');
    const fixed = await t.patch(`/penatausahaan/spp/${spp.body.id}`, { payee: { ...SUPPLIER, bankAccount: '1234500000' }, reason: 'nomor rekening' }, 'treasurer-a');
    expectOk(fixed, 200, 'account corrected');
    expect(fixed.body).toMatchObject({ taxesTotal: spp.body.taxesTotal, net: spp.body.net, payee: { bankAccount: '1234500000', vatRegistered: true } });
  });
});
