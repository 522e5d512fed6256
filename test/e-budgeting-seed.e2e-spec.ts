import { DemoSeedService } from '../apps/api/src/seed/demo-seed.service';
import { startTestApp, TestApp } from './support/test-app';

// The demo seed's budgets are real approved documents, and seeding again
// changes nothing in e-HSB or e-budgeting.
describe('demo budgets', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  const snapshot = () => t.sql(`SELECT
    (SELECT count(*) FROM hsb_items)::int AS items, (SELECT count(*) FROM hsb_item_versions)::int AS versions,
    (SELECT count(*) FROM budget_documents)::int AS docs, (SELECT count(*) FROM budget_document_items)::int AS doc_items,
    (SELECT COALESCE(sum(version), 0) FROM budget_ceilings)::int AS ceilings, (SELECT COALESCE(sum(version), 0) FROM cash_plans)::int AS plans,
    (SELECT count(*) FROM ledger_entries WHERE source_type = 'BudgetDocument')::int AS entries`);

  it('has approved 2026 DPAs for several OPDs with appropriation and cash plans, and a 2027 round in progress', async () => {
    const docs = await t.sql<{ year: number; status: string; n: number }>(`SELECT fiscal_year AS year, status, count(DISTINCT organization_id)::int AS n FROM budget_documents WHERE kind = 'EXPENDITURE' GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(docs).toEqual([{ year: 2026, status: 'APPROVED', n: 3 }, { year: 2027, status: 'DRAFT', n: 1 }, { year: 2027, status: 'SUBMITTED', n: 1 }]);
    // beside them, OPD A's revenue estimates and BPKAD's financing (issue 8)
    const other = await t.sql<{ kind: string; n: number }>(`SELECT kind, count(*)::int AS n FROM budget_documents WHERE kind <> 'EXPENDITURE' AND fiscal_year = 2026 AND status = 'APPROVED' GROUP BY 1 ORDER BY 1`);
    expect(other).toEqual([{ kind: 'FINANCING', n: 1 }, { kind: 'REVENUE', n: 1 }]);
    const lines = await t.sql<{ appropriated: string; plan: string | null; posted: string }>(
      `SELECT b.appropriated::text, c.total::text AS plan, (SELECT sum(amount)::text FROM ledger_entries e WHERE e.budget_line_id = b.id AND e.kind = 'APPROPRIATION' AND e.source_type = 'BudgetDocument') AS posted
       FROM budget_lines b LEFT JOIN cash_plans c ON c.budget_line_id = b.id WHERE b.fiscal_year = 2026 AND b.organization_id = ANY($1::uuid[]) AND b.account_code LIKE '5.%'`,
      [[await t.orgId('A'), await t.orgId('B')]]);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const l of lines) expect([l.plan, l.posted]).toEqual([l.appropriated, l.appropriated]);
  });

  it('seeding again changes nothing', async () => {
    const before = await snapshot();
    await t.app.get(DemoSeedService).seed();
    expect(await snapshot()).toEqual(before);
  });
});
