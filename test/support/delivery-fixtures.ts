import { BudgetLinesService, LedgerKind, LedgerService } from '@grms/budget';
import { Money, TransactionService } from '@grms/core';
import { TestApp } from './test-app';

// Fixtures for the e-project planning and e-delivery end-to-end specs.

export function expectOk(res: { status: number; body: unknown }, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
}

export function packageBody(organizationId: string, subActivityCode: string, lineId: string, value: string, extra: Record<string, unknown> = {}) {
  return {
    fiscalYear: 2026, organizationId, subActivityCode, name: 'Rehabilitasi ruang kelas SMA N 1 Semarang', volume: '1', unit: 'paket',
    locations: [{ regionCode: '33.74', detail: 'Jl. Menteri Supeno 1, Semarang' }], type: 'CONSTRUCTION', method: 'TENDER', value,
    fundingLines: [{ budgetLineId: lineId, amount: value }],
    procurementStart: '2026-02-01', procurementEnd: '2026-03-31', executionStart: '2026-04-01', executionEnd: '2026-12-15', ...extra,
  };
}

/** An even S-curve and a financial plan of `value` in December. */
export function planOf(value: string) {
  return { physical: ['0', '0', '0', '10', '20', '30', '45', '60', '75', '90', '100', '100'], financial: [...Array(11).fill('0'), value] };
}

/** Package planned by planner-a, approved by budget-user-a, announced. */
export async function announcedPackage(t: TestApp, lineId: string, value: string, extra: Record<string, unknown> = {}): Promise<string> {
  const organizationId = await t.orgId('A');
  const [{ sub }] = await t.sql<{ sub: string }>(`SELECT sub_activity_code AS sub FROM budget_lines WHERE id = $1`, [lineId]);
  const p = await t.post('/project-planning/packages', packageBody(organizationId, sub, lineId, value, extra), 'planner-a');
  expectOk(p, 201, 'package');
  expectOk(await t.put(`/project-planning/packages/${p.body.id}/plan`, planOf(value), 'planner-a'), 200, 'plan');
  expectOk(await t.post(`/project-planning/packages/${p.body.id}/submit`, {}, 'planner-a'), 200, 'submit');
  expectOk(await t.post(`/project-planning/packages/${p.body.id}/approve`, {}, 'budget-user-a'), 200, 'approve');
  expectOk(await t.post(`/project-planning/packages/${p.body.id}/announce`, {}, 'planner-a'), 200, 'announce');
  return p.body.id;
}

let vendorCounter = 0;

export async function vendor(t: TestApp, qualification = 'SMALL'): Promise<{ id: string; npwp: string; bankAccount: string; name: string }> {
  vendorCounter++;
  const npwp = `0${String(Date.now() % 1e8).padStart(8, '0')}${String(vendorCounter).padStart(6, '0')}`;
  const name = `CV Karya Bangun ${vendorCounter}`;
  const res = await t.post('/delivery/vendors', {
    kind: 'COMPANY', name, npwp, vatRegistered: true, qualification, bankName: 'Bank Jateng', bankAccount: `88${npwp.slice(-8)}`,
    certificates: [{ code: 'SBU-BG004', qualification, validFrom: '2025-01-01', validUntil: '2028-01-01' }],
  }, 'project-officer-a');
  expectOk(res, 201, 'vendor');
  return { id: res.body.id, npwp, bankAccount: `88${npwp.slice(-8)}`, name };
}

/** SPP (for a contract termin) -> submitted -> SPM -> approved -> SP2D; returns the SP2D id. */
export async function payTermin(t: TestApp, o: { contractId: string; terminNo: number; lineId: string; amount: string; payee: Record<string, string> }): Promise<string> {
  const organizationId = await t.orgId('A');
  const s = await t.post('/penatausahaan/spp', { type: 'LS', organizationId, lines: [{ budgetLineId: o.lineId, amount: o.amount }], payee: o.payee, contractId: o.contractId, terminNo: o.terminNo }, 'treasurer-a');
  expectOk(s, 201, `SPP termin ${o.terminNo}`);
  expectOk(await t.post(`/penatausahaan/spp/${s.body.id}/submit`, {}, 'treasurer-a'), 200, 'SPP submit');
  const spm = await t.post('/penatausahaan/spm', { sppId: s.body.id }, 'finance-officer-a');
  expectOk(spm, 201, 'SPM');
  expectOk(await t.post(`/penatausahaan/spm/${spm.body.id}/approve`, {}, 'budget-user-a'), 200, 'SPM approve');
  const sp2d = await t.post('/penatausahaan/sp2d', { spmId: spm.body.id }, 'cash-authority');
  expectOk(sp2d, 201, 'SP2D');
  return sp2d.body.id;
}

/** A second line of the same OPD, year, sub kegiatan and funding source as `first`, on another account, with `appropriation`. */
export async function siblingLine(t: TestApp, first: string, appropriation: string): Promise<string> {
  const [b] = await t.sql<{ org: string; sub: string; fs: string }>(
    `SELECT organization_id AS org, sub_activity_code AS sub, funding_source_code AS fs FROM budget_lines WHERE id = $1`, [first]);
  const [acc] = await t.sql<{ code: string }>(
    `SELECT a.code FROM code_list_entries a WHERE a.version = (SELECT code_list_version FROM fiscal_years WHERE year = 2026) AND a.list = 'accounts' AND a.level = 6 AND a.code LIKE '5.1.02.%'
       AND NOT EXISTS (SELECT 1 FROM budget_lines x WHERE x.fiscal_year = 2026 AND x.organization_id = $1 AND x.sub_activity_code = $2 AND x.account_code = a.code AND x.funding_source_code = $3)
     ORDER BY a.code LIMIT 1`, [b.org, b.sub, b.fs]);
  const id = await t.app.get(TransactionService).run((m) =>
    t.app.get(BudgetLinesService).ensureLine(m, { fiscalYear: 2026, organizationId: b.org, subActivityCode: b.sub, accountCode: acc.code, fundingSourceCode: b.fs }));
  await appropriate(t, id, appropriation);
  return id;
}

/** Posts an APPROPRIATION (a budget amendment in the ledger) of `amount` on the line. */
export async function appropriate(t: TestApp, lineId: string, amount: string): Promise<void> {
  await t.app.get(TransactionService).run((m) => t.app.get(LedgerService).post(m, [{ budgetLineId: lineId, kind: LedgerKind.APPROPRIATION, amount: Money.of(amount), sourceType: 'TestFixture', sourceId: 'e2e' }]));
}
