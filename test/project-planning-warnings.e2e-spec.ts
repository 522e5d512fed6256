import { Money } from '@grms/core';
import { evenPlan, freshLine, setPlan } from './support/penatausahaan-fixtures';
import { expectOk, packageBody, planOf } from './support/delivery-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Two warnings that do not block: a budget shift approved after the packages
// were planned cuts a line below them (the shift goes through, every package
// of the line then shows BUDGET_BELOW_PACKAGES); a package whose financial
// plan runs ahead of its line's cash plan shows PLAN_ABOVE_CASH_PLAN.
describe('e-project planning: warnings that do not block', () => {
  let t: TestApp;
  let orgA: string;
  const sub = '1.01.02.1.01.0070';
  const from = '5.1.02.02.01.0004';
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('a later budget cut below a line\'s packages flags them and is not refused', async () => {
    const [line] = await t.sql<{ id: string; appropriated: string; packaged: string }>(
      `SELECT b.id, b.appropriated::text AS appropriated,
         COALESCE((SELECT sum(f.amount) FROM package_funding f JOIN packages p ON p.id = f.package_id WHERE f.budget_line_id = b.id AND p.status <> 'CANCELLED'), 0)::text AS packaged
       FROM budget_lines b WHERE b.fiscal_year = 2026 AND b.organization_id = $1 AND b.sub_activity_code = $2 AND b.account_code = $3`, [orgA, sub, from]);
    // two packages take the whole rest of the line
    const rest = Money.of(line.appropriated).minus(Money.of(line.packaged));
    const first = rest.times(0.5).floorRupiah();
    const body = (value: string, name: string) => packageBody(orgA, sub, line.id, value, { type: 'GOODS', method: 'E_PURCHASING', name });
    const a = await t.post('/project-planning/packages', body(first.toString(), 'Honorarium narasumber triwulan I-II'), 'planner-a');
    expectOk(a, 201, 'package a');
    const b = await t.post('/project-planning/packages', body(rest.minus(first).toString(), 'Honorarium narasumber triwulan III-IV'), 'planner-a');
    expectOk(b, 201, 'package b');
    expect(a.body.warnings.filter((w: string) => w.startsWith('BUDGET_BELOW_PACKAGES'))).toEqual([]);

    // a PERGESERAN takes one month of the members' honorarium off the line
    const rev = await t.post('/budgeting/documents', { fiscalYear: 2026, organizationId: orgA, subActivityCode: sub, stage: 'PERGESERAN' }, 'planner-a');
    expectOk(rev, 201, 'shift');
    const anggota = rev.body.items.find((i: { description: string; accountCode: string }) => i.description.includes('anggota') && i.accountCode === from);
    const coefficients = anggota.coefficients.map((c: { quantity: string; unit: string }) => (c.unit === 'bulan' ? { ...c, quantity: String(Number(c.quantity) - 1) } : c));
    expectOk(await t.patch(`/budgeting/documents/${rev.body.id}/items/${anggota.id}`, { coefficients }, 'planner-a'), 200, 'cut');
    const to = (await t.sql<{ code: string }>(`SELECT code FROM accounts WHERE level = 6 AND code LIKE '5.1.02.02.%' AND code <> $1 ORDER BY code LIMIT 1`, [from]))[0].code;
    expectOk(await t.post(`/budgeting/documents/${rev.body.id}/items`, { accountCode: to, fundingSourceCode: anggota.fundingSourceCode, description: 'pergeseran',
      coefficients: [{ quantity: '100', unit: 'paket' }], unitPrice: '50000', vat: false }, 'planner-a'), 201, 'add');
    expectOk(await t.post(`/budgeting/documents/${rev.body.id}/submit`, {}, 'planner-a'), 200, 'submit');
    const approved = await t.post(`/budgeting/documents/${rev.body.id}/approve`, {}, 'finance-head');
    expectOk(approved, 200, 'the cut is not blocked by the packages');

    const [after] = await t.sql<{ appropriated: string }>(`SELECT appropriated::text AS appropriated FROM budget_lines WHERE id = $1`, [line.id]);
    expect(Money.of(after.appropriated).lt(Money.of(line.appropriated))).toBe(true);
    const packaged = Money.of(line.appropriated).toString();
    const warning = `BUDGET_BELOW_PACKAGES: budget line ${line.id}: packages ${packaged} > appropriated ${after.appropriated}`;
    for (const p of [a, b]) {
      const got = await t.get(`/project-planning/packages/${p.body.id}`, 'planner-a');
      expectOk(got, 200, 'package');
      expect(got.body.warnings).toContain(warning);
      expect(got.body.status).toBe('DRAFT');
    }
    // a new package on the cut line is refused: the line has nothing left
    const more = await t.post('/project-planning/packages', body('1000', 'Honorarium tambahan'), 'planner-a');
    expect(more.status).toBe(422);
    expect(more.body.code).toBe('PACKAGE_EXCEEDS_APPROPRIATION');
  });

  it('packages whose plan runs ahead of the line\'s cash plan are warned, not refused', async () => {
    const lineId = await freshLine(t, 'A', '120000000.00');
    await setPlan(t, lineId, 'A', evenPlan('120000000.00'));
    const [{ code }] = await t.sql<{ code: string }>(`SELECT sub_activity_code AS code FROM budget_lines WHERE id = $1`, [lineId]);
    const p = await t.post('/project-planning/packages', packageBody(orgA, code, lineId, '60000000', { type: 'GOODS', method: 'E_PURCHASING', name: 'Laptop bidang' }), 'planner-a');
    expectOk(p, 201, 'package');
    // paid in December: within the cash plan
    const late = await t.put(`/project-planning/packages/${p.body.id}/plan`, planOf('60000000'), 'planner-a');
    expectOk(late, 200, 'plan in December');
    expect(late.body.warnings).toEqual([]);
    // all paid in March: 60,000,000.00 by month 3 against a cash plan of 3 x 10,000,000.00
    const early = await t.put(`/project-planning/packages/${p.body.id}/plan`, { physical: planOf('1').physical, financial: ['0', '0', '60000000', ...Array(9).fill('0')] }, 'planner-a');
    expectOk(early, 200, 'plan in March is not refused');
    expect(early.body.warnings).toEqual([`PLAN_ABOVE_CASH_PLAN: budget line ${lineId}: packages plan 60000000.00 to month 3 > cash plan 30000000.00`]);
    expect((await t.get(`/project-planning/packages/${p.body.id}`, 'planner-a')).body.warnings).toEqual(early.body.warnings);
  });
});
