import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allot, evenPlan, freshLine, setPlan } from './support/penatausahaan-fixtures';
import { announcedPackage, expectOk, payTermin, vendor } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const DIR = join(__dirname, '..', 'data', 'standards', 'ocds-1.1.5');
const schema = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8'));
const codes = (f: string) => readFileSync(join(DIR, 'codelists', f), 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(',')[0]);

// The OCDS export of a year with a signed contract, an amendment and a paid
// termin validates, offline, against the OCDS 1.1.5 release-package schema
// and its codelists; OPD B's export holds none of OPD A's processes.
describe('e-delivery: OCDS 1.1 release package', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('validates against the release-package schema and the open codelists', async () => {
    const lineId = await freshLine(t, 'A', '800000000.00');
    await setPlan(t, lineId, 'A', evenPlan('800000000.00'));
    await allot(t, lineId, 'A', '800000000.00');
    const pkgId = await announcedPackage(t, lineId, '600000000.00');
    const v = await vendor(t, 'MEDIUM');
    const c = await t.post('/delivery/contracts', {
      packageId: pkgId, vendorId: v.id, number: 'KTR/OCDS/2026', signedOn: '2026-04-01', value: '500000000.00', startDate: '2026-04-05', endDate: '2026-11-30',
      advance: '100000000.00', termins: [{ percent: '40', progressThreshold: '40' }, { percent: '60', progressThreshold: '100' }],
    }, 'project-officer-a');
    expectOk(c, 201, 'contract');
    expectOk(await t.post(`/delivery/contracts/${c.body.id}/sign`, {}, 'budget-user-a'), 200, 'sign');
    expectOk(await t.post(`/delivery/contracts/${c.body.id}/addenda`, { value: '550000000.00', reason: 'pekerjaan tambah' }, 'project-officer-a'), 201, 'addendum');
    const over = await t.post(`/delivery/contracts/${c.body.id}/addenda/approve`, {}, 'project-officer-a');
    expect(over.body.code).toBe('SAME_MAKER_AND_APPROVER');
    expectOk(await t.post(`/delivery/contracts/${c.body.id}/addenda/approve`, {}, 'budget-user-a'), 200, 'addendum approve');
    const tooMuch = await t.post(`/delivery/contracts/${c.body.id}/addenda`, { value: '550000000.01', reason: 'lagi' }, 'project-officer-a');
    expect(tooMuch.body.code).toBe('ADDENDUM_ABOVE_LIMIT');
    await payTermin(t, { contractId: c.body.id, terminNo: 1, lineId, amount: '100000000.00', payee: { name: v.name, npwp: v.npwp, bankName: 'Bank Jateng', bankAccount: v.bankAccount } });

    const res = await t.get('/delivery/ocds?fiscalYear=2026', 'auditor');
    expect(res.status).toBe(200);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(schema('release-schema.json'));
    const validate = ajv.compile(schema('release-package-schema.json'));
    const valid = validate(res.body);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    const mine = res.body.releases.find((r: { planning: { budget: { projectID: string } } }) => r.planning.budget.projectID.startsWith('PKT/'));
    expect(mine).toBeDefined();
    const release = res.body.releases.find((r: { contracts?: { title: string }[] }) => r.contracts?.some((x) => x.title === 'KTR/OCDS/2026'));
    const contract = release.contracts[0];
    expect(contract.value).toEqual({ amount: 550000000, currency: 'IDR' });
    expect(contract.amendments).toHaveLength(1);
    expect(contract.implementation.transactions).toEqual([expect.objectContaining({ value: { amount: 100000000, currency: 'IDR' }, id: expect.stringMatching(/^SP2D-LS/) })]);
    const milestoneTypes = codes('milestoneType.csv');
    const roles = codes('partyRole.csv');
    for (const r of res.body.releases) {
      for (const p of r.parties) for (const role of p.roles) expect(roles).toContain(role);
      for (const k of r.contracts ?? []) for (const m of k.milestones) expect(milestoneTypes).toContain(m.type);
    }
    const b = await t.get('/delivery/ocds?fiscalYear=2026', 'planner-b');
    expect(b.status).toBe(200);
    expect(b.body.releases.map((r: { ocid: string }) => r.ocid)).not.toContain(release.ocid);
  });
});
