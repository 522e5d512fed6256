import { LedgerKind, LedgerService, BudgetLinesService } from '@grms/budget';
import { Money, TransactionService } from '@grms/core';
import { TestApp } from './test-app';

// Fixtures for the e-penatausahaan end-to-end specs: fresh budget lines with
// their own appropriation, cash plan and approved SPD, so that the specs do not
// depend on the demo amounts.

let counter = 0;

/** A fresh 2026 line of OPD `org`, appropriated `appropriation`. */
export async function freshLine(t: TestApp, org: 'A' | 'B', appropriation: string): Promise<string> {
  const organizationId = await t.orgId(org);
  const [sub] = await t.sql<{ code: string }>(`SELECT code FROM code_list_entries WHERE version = (SELECT code_list_version FROM fiscal_years WHERE year = 2026) AND list = 'nomenclature' AND leaf AND level = 5 ORDER BY code LIMIT 1 OFFSET $1`, [counter % 5]);
  const [fs] = await t.sql<{ code: string }>(`SELECT code FROM code_list_entries WHERE version = (SELECT code_list_version FROM fiscal_years WHERE year = 2026) AND list = 'funding_sources' AND leaf ORDER BY code LIMIT 1`);
  const [acc] = await t.sql<{ code: string }>(
    `SELECT a.code FROM code_list_entries a WHERE a.version = (SELECT code_list_version FROM fiscal_years WHERE year = 2026) AND a.list = 'accounts' AND a.level = 6 AND a.code LIKE '5.1.02.%'
       AND NOT EXISTS (SELECT 1 FROM budget_lines b WHERE b.fiscal_year = 2026 AND b.organization_id = $1 AND b.sub_activity_code = $2 AND b.account_code = a.code AND b.funding_source_code = $3)
     ORDER BY a.code LIMIT 1`, [organizationId, sub.code, fs.code]);
  counter++;
  const tx = t.app.get(TransactionService);
  return tx.run(async (m) => {
    const id = await t.app.get(BudgetLinesService).ensureLine(m, { fiscalYear: 2026, organizationId, subActivityCode: sub.code, accountCode: acc.code, fundingSourceCode: fs.code });
    await t.app.get(LedgerService).post(m, [{ budgetLineId: id, kind: LedgerKind.APPROPRIATION, amount: Money.of(appropriation), sourceType: 'TestFixture', sourceId: 'e2e' }]);
    return id;
  });
}

/** Twelve months summing to `total`, the rest in December. */
export function evenPlan(total: string): string[] {
  const t = Money.of(total);
  const month = Money.fromDecimal(t.toDecimal().dividedBy(12)).floorRupiah();
  return [...Array(11).fill(month.toString()), t.minus(month.times(11)).toString()];
}

export async function setPlan(t: TestApp, lineId: string, org: 'A' | 'B', months: string[]): Promise<void> {
  const res = await t.put(`/budgeting/cash-plans/${lineId}`, { months }, org === 'A' ? 'planner-a' : 'planner-b');
  if (res.status !== 200) throw new Error(`cash plan: ${res.status} ${JSON.stringify(res.body)}`);
}

/** An approved SPD of `amount` on the line (cash-authority makes, cash-authority-2 approves). */
export async function allot(t: TestApp, lineId: string, org: 'A' | 'B', amount: string, month = 12): Promise<string> {
  const organizationId = await t.orgId(org);
  const spd = await t.post('/penatausahaan/spd', { fiscalYear: 2026, organizationId, month, lines: [{ budgetLineId: lineId, amount }] }, 'cash-authority');
  if (spd.status !== 201) throw new Error(`SPD: ${spd.status} ${JSON.stringify(spd.body)}`);
  const ok = await t.post(`/penatausahaan/spd/${spd.body.id}/approve`, {}, 'cash-authority-2');
  if (ok.status !== 200) throw new Error(`SPD approve: ${ok.status} ${JSON.stringify(ok.body)}`);
  return spd.body.id;
}

/** A line of OPD A with `appropriation` appropriated, an even cash plan, and `allotted` allotted. */
export async function allottedLine(t: TestApp, appropriation: string, allotted: string, org: 'A' | 'B' = 'A'): Promise<string> {
  const id = await freshLine(t, org, appropriation);
  await setPlan(t, id, org, evenPlan(appropriation));
  await allot(t, id, org, allotted);
  return id;
}

export const SUPPLIER = { name: 'CV Maju Jaya', npwp: '01.234.567.8-901.000', bankName: 'Bank Jateng', bankAccount: '1234567890', vatRegistered: true };
export const TREASURER_ACCOUNT = { name: 'Bendahara Pengeluaran', bankName: 'Bank Jateng', bankAccount: '2019876543' };

export async function line(t: TestApp, id: string): Promise<{ appropriated: string; allotted: string; committed: string; disbursed: string }> {
  const [b] = await t.sql<{ appropriated: string; allotted: string; committed: string; disbursed: string }>(
    `SELECT appropriated::text, allotted::text, committed::text, disbursed::text FROM budget_lines WHERE id = $1`, [id]);
  return b;
}

function expectStatus(res: { status: number; body: unknown }, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
}

/** SPP (DRAFT) -> submitted -> SPM (finance-officer-a) -> issued by the PA/KPA (budget-user-a); returns the ids. */
export async function approvedSpm(t: TestApp, body: Record<string, unknown>, treasurer = 'treasurer-a', fo = 'finance-officer-a', head = 'budget-user-a'): Promise<{ sppId: string; spmId: string }> {
  const spp = await t.post('/penatausahaan/spp', body, treasurer);
  expectStatus(spp, 201, 'SPP');
  expectStatus(await t.post(`/penatausahaan/spp/${spp.body.id}/submit`, {}, treasurer), 200, 'SPP submit');
  const spm = await t.post('/penatausahaan/spm', { sppId: spp.body.id }, fo);
  expectStatus(spm, 201, 'SPM');
  expectStatus(await t.post(`/penatausahaan/spm/${spm.body.id}/approve`, {}, head), 200, 'SPM approve');
  return { sppId: spp.body.id, spmId: spm.body.id };
}

export async function issueSp2d(t: TestApp, spmId: string, key?: string): Promise<string> {
  const res = await t.post('/penatausahaan/sp2d', { spmId }, 'cash-authority', key ? { 'Idempotency-Key': key } : undefined);
  expectStatus(res, 201, 'SP2D');
  return res.body.id;
}

export async function ledgerClean(t: TestApp): Promise<void> {
  const v = await t.get('/ledger/verify', 'auditor');
  if (v.status !== 200 || v.body.valid !== true) throw new Error(`ledger verify: ${v.status} ${JSON.stringify(v.body)}`);
}
