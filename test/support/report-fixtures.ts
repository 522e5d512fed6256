import { BudgetLinesService, LedgerKind, LedgerService } from '@grms/budget';
import { Money, TransactionService } from '@grms/core';
import { allot, evenPlan, setPlan } from './penatausahaan-fixtures';
import { TestApp } from './test-app';

// Fixtures for the report specs: lines on a chosen sub kegiatan, account and
// funding source, appropriated, planned and allotted like the demo's.

const VERSION_2026 = `(SELECT code_list_version FROM fiscal_years WHERE year = 2026)`;

/** A 2026 sub kegiatan on which OPD `org` has no line yet. */
export async function unusedSubActivity(t: TestApp, org: 'A' | 'B'): Promise<string> {
  const [row] = await t.sql<{ code: string }>(
    `SELECT code FROM code_list_entries n WHERE version = ${VERSION_2026} AND list = 'nomenclature' AND leaf AND level = 5
       AND NOT EXISTS (SELECT 1 FROM budget_lines b WHERE b.sub_activity_code = n.code AND b.organization_id = $1) ORDER BY code OFFSET 7 LIMIT 1`,
    [await t.orgId(org)]);
  return row.code;
}

/** The `n`-th expenditure account leaf under `prefix` in the 2026 version. */
export async function accountLeaf(t: TestApp, prefix: string, n = 0): Promise<{ code: string; name: string }> {
  const [row] = await t.sql<{ code: string; name: string }>(
    `SELECT code, name FROM code_list_entries WHERE version = ${VERSION_2026} AND list = 'accounts' AND level = 6 AND code LIKE $1 || '%' ORDER BY code OFFSET $2 LIMIT 1`, [prefix, n]);
  return row;
}

/** The `n`-th leaf funding source under `prefix` (e.g. 2.2.1.01.03: DAK Fisik) in the 2026 version. */
export async function fundingLeaf(t: TestApp, prefix: string, n = 0): Promise<string> {
  const [row] = await t.sql<{ code: string }>(
    `SELECT code FROM code_list_entries WHERE version = ${VERSION_2026} AND list = 'funding_sources' AND leaf AND code LIKE $1 || '%' ORDER BY code OFFSET $2 LIMIT 1`, [prefix, n]);
  return row.code;
}

/** A line of OPD `org` appropriated `appropriation`, with an even cash plan and an approved SPD of `allotted`. */
export async function plannedLine(t: TestApp, org: 'A' | 'B', key: { subActivityCode: string; accountCode: string; fundingSourceCode: string }, appropriation: string, allotted: string): Promise<string> {
  const organizationId = await t.orgId(org);
  const id = await t.app.get(TransactionService).run(async (m) => {
    const line = await t.app.get(BudgetLinesService).ensureLine(m, { fiscalYear: 2026, organizationId, ...key });
    await t.app.get(LedgerService).post(m, [{ budgetLineId: line, kind: LedgerKind.APPROPRIATION, amount: Money.of(appropriation), sourceType: 'TestFixture', sourceId: 'e2e' }]);
    return line;
  });
  await setPlan(t, id, org, evenPlan(appropriation));
  await allot(t, id, org, allotted);
  return id;
}

/** Yesterday, YYYY-MM-DD (UTC): an asOf before everything a test posts today. */
export function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

/** A CSV body as rows of cells (the exports quote every cell that needs it). */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
