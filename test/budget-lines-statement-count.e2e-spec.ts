import { StatementLog } from './support/statement-log';
import { startTestApp, TestApp } from './support/test-app';

// A page of budget lines costs one statement: the page and its count together
// (decision 0060), sent on its own without BEGIN and COMMIT since one statement
// is its own snapshot, and no look-up of the fiscal year a minute after it was
// last seen (decision 0023). A cursor page after the first compares only the
// key columns the year does not already fix, so it is one index range.
describe('budget lines: statements per page', () => {
  let t: TestApp;
  const log = new StatementLog();
  beforeAll(async () => { t = await startTestApp(); log.install(); });
  afterAll(async () => { log.uninstall(); await t.close(); });

  /**
   * What the API sent for one request: the statements that read budget lines or fiscal years (the audit
   * sequencer polls on its own connections meanwhile), and on the page's connection the statements just
   * before and after the page (a transaction around it would show there: the connection is held for it).
   */
  const sentFor = async (path: string) => {
    log.clear();
    const res = await t.get(path, 'auditor');
    expect(res.status).toBe(200);
    const reads = log.sent.filter((s) => /budget_lines|fiscal_years/.test(s.text));
    const conn = log.sent.filter((s) => s.client === reads[0]?.client);
    const at = conn.indexOf(reads[0]);
    return { res, sent: reads.map((s) => s.text), before: conn[at - 1]?.text ?? null, after: conn[at + 1]?.text ?? null };
  };
  const noTransaction = (x: { before: string | null; after: string | null }) => {
    expect(x.before ?? '').not.toMatch(/^(START TRANSACTION|BEGIN|SET TRANSACTION)/);
    expect(x.after).not.toBe('COMMIT');
  };

  it('a numbered page and a cursor page are one statement each, with the year left out of the cursor comparison', async () => {
    await t.get('/budget-lines?fiscalYear=2026&limit=5', 'auditor'); // logs in, sees the year
    const first = await sentFor('/budget-lines?fiscalYear=2026&limit=5');
    expect(first.sent).toHaveLength(1);
    expect(first.sent[0]).toMatch(/^WITH p AS \( ?SELECT .* FROM budget_lines b .* WHERE .*b\.fiscal_year = \$\d+ .*ORDER BY b\.fiscal_year ASC, b\.organization_code ASC/);
    expect(first.res.body.meta.total).toBeGreaterThan(5);
    noTransaction(first);

    const next = await sentFor(`/budget-lines?fiscalYear=2026&limit=5&cursor=${first.res.body.meta.nextCursor}`);
    expect(next.sent).toHaveLength(1);
    expect(next.sent[0]).toContain('(b.organization_code, b.sub_activity_code, b.account_code, b.funding_source_code, b.id) > (');
    expect(next.sent[0]).not.toContain('(b.fiscal_year, b.organization_code');
    noTransaction(next);
    // the page continues where the first ended: the same rows as page 2 by number
    const page2 = await t.get('/budget-lines?fiscalYear=2026&limit=5&page=2', 'auditor');
    expect(next.res.body.data.map((r: { id: string }) => r.id)).toEqual(page2.body.data.map((r: { id: string }) => r.id));
  });
});
