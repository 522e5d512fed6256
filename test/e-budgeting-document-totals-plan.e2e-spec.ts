import { planNodes } from './support/plan-nodes';
import { StatementLog } from './support/statement-log';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

// A document's totals per budget line (what its detail, submit and approve
// read) name each line's account by its key: one index probe per line, not a
// hash of the whole accounts table (7,889 rows) built for the 25 lines of a
// 500-item document, which the planner chose on the province's statistics
// (decision 0236). The name is a subquery per line, so no statistics can make
// the planner read the table whole; the demo's small tables would not show the
// old plan, so the test holds the shape. The lines stay the exact sums of
// their items, with their account names.
describe('e-budgeting: the totals of a 500-item document read the account names by key', () => {
  let t: TestApp;
  const log = new StatementLog();
  beforeAll(async () => { t = await startTestApp(); log.install(); });
  afterAll(async () => { log.uninstall(); await t.close(); });

  it('plans the account names as index probes and answers each line as the sum of its items', async () => {
    const doc = await t.post('/budgeting/documents', { fiscalYear: 2027, subActivityCode: '1.01.02.1.01.0014', stage: 'MURNI' }, 'planner-a');
    expect(doc.status).toBe(201);
    const id: string = doc.body.id;
    // 500 items over 25 accounts, as the bench's document (setup by SQL), then the table's statistics
    await t.sql(`
      WITH acc AS (SELECT row_number() OVER (ORDER BY code) - 1 AS i, code FROM code_list_entries
                   WHERE version = (SELECT code_list_version FROM fiscal_years WHERE year = 2027) AND list = 'accounts' AND leaf AND level = 6 AND code LIKE '5.1.02.01.01.%' LIMIT 25)
      INSERT INTO budget_document_items (document_id, account_code, funding_source_code, description, coefficients, volume, volume_unit, unit_price, vat, vat_rate, subtotal, vat_amount, total)
      SELECT $1, acc.code, '1.1.1.01', 'Belanja ' || g, '[{"quantity":"3","unit":"paket"}]', 3, 'paket', 1000.25 + g, false, 0, 3 * (1000.25 + g), 0, 3 * (1000.25 + g)
      FROM generate_series(1, 500) g JOIN acc ON acc.i = g % 25`, [id]);
    await t.sql(`UPDATE budget_documents SET total = (SELECT sum(total) FROM budget_document_items WHERE document_id = $1) WHERE id = $1`, [id]);
    await t.sql('ANALYZE budget_document_items');

    log.clear();
    const res = await t.get(`/budgeting/documents/${id}`, 'planner-a');
    expect(res.status).toBe(200);
    const sent = log.sent.filter((s) => /^WITH l AS \(/.test(s.text));
    expect(sent).toHaveLength(1);

    const accounts = (await planNodes(t.ownerUrl, sent[0])).filter((n) => n['Relation Name'] === 'accounts');
    expect(accounts.length).toBeGreaterThan(0);
    for (const n of accounts) expect({ node: n['Node Type'], under: n['Parent Relationship'] }).toEqual({ node: expect.stringMatching(/^Index (Only )?Scan$/), under: 'SubPlan' });

    const expected = await t.sql<{ accountCode: string; accountName: string; total: string }>(
      `SELECT i.account_code AS "accountCode", a.name AS "accountName", sum(i.total)::numeric(20,2)::text AS total
       FROM budget_document_items i JOIN accounts a ON a.code = i.account_code WHERE i.document_id = $1 GROUP BY 1, 2 ORDER BY 1`, [id]);
    expect(expected).toHaveLength(25);
    expect(res.body.lines.map((l: { accountCode: string; accountName: string; total: string }) => ({ accountCode: l.accountCode, accountName: l.accountName, total: l.total })))
      .toEqual(expected);
    expect(res.body.itemCount).toBe(500);
    expect(res.body.items).toHaveLength(500);
  });
});
