import { startTestApp, TestApp } from './support/test-app';

interface Row { code: string; level: number; section: string; organizationCode?: string; accountCode?: string; budget: string; amendedBudget: string | null; realized: string }
interface Sums { budget: bigint; amended: bigint; realized: bigint }
type Cls = '4' | '5' | '6.1' | '6.2';
const sen = (s: string | null) => BigInt((s ?? '0').replace('.', ''));
const ZERO: Sums = { budget: 0n, amended: 0n, realized: 0n };
const add = (a: Sums, b: Sums): Sums => ({ budget: a.budget + b.budget, amended: a.amended + b.amended, realized: a.realized + b.realized });
const sub = (a: Sums, b: Sums): Sums => ({ budget: a.budget - b.budget, amended: a.amended - b.amended, realized: a.realized - b.realized });
const ofRows = (rows: Row[]): Sums => rows.reduce((s, r) => add(s, { budget: sen(r.budget), amended: sen(r.amendedBudget ?? r.budget), realized: sen(r.realized) }), ZERO);

// Every level of the LRA equals the ledger, for every grouping: the rows of
// each level (1-6 by account, per OPD, or akun and program/kegiatan/sub
// kegiatan) summed per statutory class give the ledger's sums of that class,
// to the sen, for the original budget, the amended budget and the
// realisation, before and after an amendment is valued, for the province,
// one OPD and an OPD user's own scope. The ledger side is summed here
// straight from the entries (the amendment's entries found through its
// PERUBAHAN document), not by the report's statement.
describe('reports: every level and grouping of the LRA reconciles with the ledger', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  /** The ledger per OPD code and statutory class, as of a date. */
  const ledger = async (asOf: string): Promise<Map<string, Map<Cls, Sums>>> => {
    const rows = await t.superSql<{ org: string; cls: Cls; budget: string; amended: string; realized: string }>(`
      SELECT o.code AS org, CASE WHEN b.account_code LIKE '4.%' THEN '4' WHEN b.account_code LIKE '5.%' THEN '5'
          WHEN b.account_code LIKE '6.1.%' THEN '6.1' WHEN b.account_code LIKE '6.2.%' THEN '6.2' END AS cls,
        COALESCE(sum(e.amount) FILTER (WHERE e.kind IN ('APPROPRIATION', 'ESTIMATE') AND d.id IS NULL), 0)::text AS budget,
        COALESCE(sum(e.amount) FILTER (WHERE e.kind IN ('APPROPRIATION', 'ESTIMATE') AND (d.id IS NULL OR e.value_date <= $1::date)), 0)::text AS amended,
        COALESCE(sum(e.amount) FILTER (WHERE e.kind IN ('DISBURSEMENT', 'REALIZATION') AND e.value_date <= $1::date), 0)::text AS realized
      FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id JOIN organizations o ON o.id = b.organization_id
      LEFT JOIN budget_documents d ON e.source_type = 'BudgetDocument' AND d.id::text = e.source_id AND d.stage = 'PERUBAHAN'
      WHERE b.fiscal_year = 2026 GROUP BY 1, 2`, [asOf]);
    const out = new Map<string, Map<Cls, Sums>>();
    for (const r of rows) {
      if (!out.has(r.org)) out.set(r.org, new Map());
      out.get(r.org)!.set(r.cls, { budget: sen(r.budget), amended: sen(r.amended), realized: sen(r.realized) });
    }
    return out;
  };
  const within = (l: Map<string, Map<Cls, Sums>>, orgs: Set<string> | null, cls: Cls): Sums =>
    [...l.entries()].filter(([o]) => !orgs || orgs.has(o)).reduce((s, [, m]) => add(s, m.get(cls) ?? ZERO), ZERO);
  const treeOf = async (id: string) => new Set((await t.superSql<{ code: string }>(
    `WITH RECURSIVE tree AS (SELECT id, code FROM organizations WHERE id = $1 UNION ALL SELECT o.id, o.code FROM organizations o JOIN tree t ON o.parent_id = t.id) SELECT code FROM tree`, [id])).map((r) => r.code));

  /** Each level's rows per class against the ledger of the OPDs the report covers; returns how many comparisons were made. */
  const reconcile = (groupBy: string, rows: Row[], l: Map<string, Map<Cls, Sums>>, orgs: Set<string> | null): number => {
    let compared = 0;
    const groups = groupBy === 'organization' ? [...new Set(rows.map((r) => r.organizationCode!))] : [null];
    for (const g of groups) {
      const mine = rows.filter((r) => r.level > 0 && (g === null || r.organizationCode === g));
      const scope = g === null ? orgs : new Set([g]);
      const want = (c: Cls) => within(l, scope, c);
      for (const n of [...new Set(mine.map((r) => r.level))]) {
        const at = mine.filter((r) => r.level === n);
        const akun = (r: Row) => (groupBy === 'program' ? r.accountCode! : r.code.slice(0, 1));
        const of = (a: string) => at.filter((r) => akun(r) === a);
        const check = (what: string, got: Sums, expected: Sums) => { expect([g, n, what, got]).toEqual([g, n, what, expected]); compared++; };
        check('4', ofRows(of('4')), want('4'));
        check('5', ofRows(of('5')), want('5'));
        if (n === 1) check('6 net', ofRows(of('6')), sub(want('6.1'), want('6.2')));
        else if (groupBy === 'program') check('6', ofRows(of('6')), add(want('6.1'), want('6.2')));
        else {
          check('6.1', ofRows(of('6').filter((r) => r.code.startsWith('6.1'))), want('6.1'));
          check('6.2', ofRows(of('6').filter((r) => r.code.startsWith('6.2'))), want('6.2'));
        }
      }
    }
    return compared;
  };

  it('sums every level of every grouping to the ledger, with and without an organization filter, before and after an amendment', async () => {
    // a revenue estimate of OPD A, approved, realised in part, then raised by an amendment (valued today)
    const sub = 'X.XX.01.1.04.0003';
    const approve = async (body: Record<string, unknown>, edit?: (doc: { id: string; items: { id: string }[] }) => Promise<void>) => {
      const doc = await t.post('/budgeting/documents', { fiscalYear: 2026, organizationId: orgA, subActivityCode: sub, kind: 'REVENUE', ...body }, 'planner-a');
      expect(doc.status).toBe(201);
      await edit?.(doc.body);
      expect((await t.post(`/budgeting/documents/${doc.body.id}/submit`, {}, 'planner-a')).status).toBe(200);
      expect((await t.post(`/budgeting/documents/${doc.body.id}/approve`, {}, 'verifier')).status).toBe(200);
    };
    await approve({ stage: 'MURNI' }, async (d) => {
      expect((await t.post(`/budgeting/documents/${d.id}/items`, { vat: false, accountCode: '4.1.02.02.01.001', fundingSourceCode: '1.1.2.02', description: 'Sewa tanah', coefficients: [{ quantity: '2', unit: 'tahun' }], unitPrice: '12500000.05' }, 'planner-a')).status).toBe(201);
    });
    expect((await t.post('/penatausahaan/sts', { organizationId: orgA, depositDate: '2026-04-15', accountCode: '4.1.02.02.01.001', amount: '7777777.77', payer: 'PT Sewa', description: 'Sewa' }, 'revenue-treasurer-a')).status).toBe(201);
    await approve({ stage: 'PERUBAHAN' }, async (d) => {
      expect((await t.patch(`/budgeting/documents/${d.id}/items/${d.items[0].id}`, { unitPrice: '15000000.10' }, 'planner-a')).status).toBe(200);
    });
    const today = (await t.sql<{ d: string }>(`SELECT current_date::text AS d`))[0].d;

    const inA = await treeOf(orgA);
    let compared = 0;
    for (const asOf of ['2026-06-30', today]) {
      const l = await ledger(asOf);
      // the amendment shows only once valued
      const amendedSeen = within(l, null, '4');
      expect(amendedSeen.amended === amendedSeen.budget).toBe(asOf < today);
      for (const [groupBy, level] of [['account', 6], ['account', 2], ['organization', 6], ['organization', 3], ['program', 5], ['program', 3]] as const) {
        for (const [user, filter, orgs] of [['auditor', '', null], ['auditor', `&organizationId=${orgA}`, inA], ['planner-a', '', inA]] as const) {
          const res = await t.get(`/reports/lra?fiscalYear=2026&asOf=${asOf}&groupBy=${groupBy}&level=${level}${filter}`, user);
          expect(res.status).toBe(200);
          const rows = res.body.rows as Row[];
          expect(Math.max(...rows.map((r) => r.level))).toBe(level);
          compared += reconcile(groupBy, rows, l, orgs);
          // and the totals
          const totals = res.body.totals as Record<string, { budget: string; amendedBudget: string | null; realized: string }>;
          for (const [k, c] of [['revenue', '4'], ['expenditure', '5'], ['financingReceipts', '6.1'], ['financingExpenditures', '6.2']] as const) {
            expect([k, ofRows([totals[k] as Row])]).toEqual([k, within(l, orgs, c)]);
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
