import { Client } from 'pg';
import { planNodes } from './support/plan-nodes';
import { startTestApp, TestApp } from './support/test-app';

// One OPD's page of budget lines (the auditor naming an organization, with an
// account prefix) is a range of one index in list order, and its count a range
// of the same index (decision 0064): no scan of the year's
// lines filtered down to the OPD, no sort of the OPD's lines. The page itself
// stays the exact set, order and total of that OPD's matching lines.
describe('budget lines: one OPD page off one index', () => {
  let t: TestApp;
  const sent: { text: string; params: unknown[] }[] = [];
  const original = Client.prototype.query;
  beforeAll(async () => {
    t = await startTestApp();
    (Client.prototype as { query: unknown }).query = function (this: Client, ...args: unknown[]) {
      if (typeof args[0] === 'string' && /FROM budget_lines b/.test(args[0])) sent.push({ text: args[0], params: (args[1] as unknown[]) ?? [] });
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  });
  afterAll(async () => { Client.prototype.query = original; await t.close(); });

  /** The plan of the one statement the API sent, as the planner would choose it on a table too big to read
   * whole (the demo table is tiny: sequential and bitmap scans are taken off the menu, nothing else). */
  const expectOpdIndexRanges = async () => {
    expect(sent).toHaveLength(1);
    const all = await planNodes(t.ownerUrl, sent[0], ['enable_seqscan = off', 'enable_bitmapscan = off']);
    const lineScans = all.filter((n) => n['Relation Name'] === 'budget_lines');
    expect(lineScans).toHaveLength(2); // the page and its count
    for (const s of lineScans) {
      expect(s['Index Name']).toBe('budget_lines_org_list_order_idx');
      expect(s['Index Cond']).toMatch(/organization_id = '[0-9a-f-]{36}'::uuid/); // an equality, not = ANY(...)
    }
    // the only sort is the top one, over the page's own rows beside their total (no sort of the OPD's lines)
    expect(all.filter((n) => n['Node Type'] === 'Sort').every((n) => n === all[0])).toBe(true);
  };

  it('reads the OPD page and its count as ranges of budget_lines_org_list_order_idx, and answers the exact lines', async () => {
    const orgA = await t.orgId('A');
    const [{ prefix }] = await t.sql<{ prefix: string }>(
      `SELECT split_part(account_code, '.', 1) || '.' || split_part(account_code, '.', 2) AS prefix FROM budget_lines
       WHERE fiscal_year = 2026 AND organization_id = $1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`, [orgA]);
    await t.get('/budget-lines?fiscalYear=2026&limit=1', 'auditor'); // logs in, sees the year
    sent.length = 0;
    const res = await t.get(`/budget-lines?fiscalYear=2026&organizationId=${orgA}&accountCode=${prefix}&limit=50`, 'auditor');
    expect(res.status).toBe(200);

    // the exact lines of that OPD under the prefix, in list order, and their number
    const expected = await t.sql<{ id: string }>(
      `SELECT id FROM budget_lines WHERE fiscal_year = 2026 AND organization_id = $1 AND (account_code = $2 OR account_code LIKE $2 || '.%')
       ORDER BY organization_code, sub_activity_code, account_code, funding_source_code, id`, [orgA, prefix]);
    expect(expected.length).toBeGreaterThan(0);
    expect(res.body.meta.total).toBe(expected.length);
    expect(res.body.data.map((r: { id: string }) => r.id)).toEqual(expected.slice(0, 50).map((r) => r.id));
    expect(res.body.data.every((r: { organizationId: string; accountCode: string }) => r.organizationId === orgA && r.accountCode.startsWith(`${prefix}.`))).toBe(true);

    await expectOpdIndexRanges();
  });

  it("reads an OPD role's own page (its scope of one organization) off the same index", async () => {
    const orgA = await t.orgId('A');
    await t.get('/budget-lines?fiscalYear=2026&limit=1', 'planner-a');
    sent.length = 0;
    const res = await t.get('/budget-lines?fiscalYear=2026&limit=50', 'planner-a');
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.every((r: { organizationId: string }) => r.organizationId === orgA)).toBe(true);
    expect(sent[0].text).toMatch(/b\.organization_id = \$1::uuid/);
    await expectOpdIndexRanges();
  });
});
