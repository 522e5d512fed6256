import { StatementLog } from './support/statement-log';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

// Approving an RKA costs a fixed number of statements however many items and
// budget lines it has (decision 0235): the sums, line totals, ceiling lock and
// editor check in one; the ceilings with their usage in one; the lines found
// or created and posted set-based; the transition with its event and summary
// in one, with the items' JSON for the answer; every audit record of the
// approval in one insert. The items' JSON is read in the transition's statement
// (decision 0237: eleven statements, was twelve). The answer is the same detail
// a GET shows, and the batched records verify, and a tampered one is found.
describe('e-budgeting: what one approval sends', () => {
  let t: TestApp;
  const log = new StatementLog();
  beforeAll(async () => { t = await startTestApp(); log.install(); });
  afterAll(async () => { log.uninstall(); await t.close(); });

  const ACCOUNTS = ['5.1.02.01.01.0024', '5.1.02.01.01.0026', '5.1.02.02.01.0004', '5.1.02.01.01.0001'];

  /** A submitted MURNI document of `items` items spread over the first `lines` accounts (one funding source). */
  const submitted = async (sub: string, items: number, lines: number): Promise<string> => {
    const doc = await t.post('/budgeting/documents', { fiscalYear: 2027, subActivityCode: sub, stage: 'MURNI' }, 'planner-a');
    expect(doc.status).toBe(201);
    for (let i = 0; i < items; i++) {
      const res = await t.post(`/budgeting/documents/${doc.body.id}/items`, {
        accountCode: ACCOUNTS[i % lines], fundingSourceCode: '1.1.1.01', description: `Belanja ${i + 1}`,
        coefficients: [{ quantity: String(i + 1), unit: 'paket' }], unitPrice: `${1000 + i}.25`, vat: false,
      }, 'planner-a');
      expect(res.status).toBe(201);
    }
    expect((await t.post(`/budgeting/documents/${doc.body.id}/submit`, {}, 'planner-a')).status).toBe(200);
    return doc.body.id;
  };

  const approve = async (id: string) => {
    log.clear();
    const res = await t.post(`/budgeting/documents/${id}/approve`, {}, 'verifier');
    expect(res.status).toBe(200);
    // the approval's transaction: around its transition, from BEGIN to COMMIT on its connection (the audit
    // sequencer may use the same pooled connection just before or after)
    const at = log.sent.find((s) => /^WITH d AS \(UPDATE budget_documents SET status = 'APPROVED'/.test(s.text))!;
    const entries = log.sent.filter((s) => s.client === at.client);
    const mine = entries.map((s) => s.text);
    const i = mine.indexOf(at.text);
    const from = mine.slice(0, i).map((s) => /^(START TRANSACTION|BEGIN)/.test(s)).lastIndexOf(true);
    const to = mine.indexOf('COMMIT', i);
    return { res, sent: mine.slice(from, to + 1), named: entries.slice(from, to + 1).map((s) => s.named === true) };
  };

  it('sends the same statements for 2 items on 1 line as for 12 items on 4 lines, one audit insert among them', async () => {
    const small = await approve(await submitted('1.01.02.1.01.0003', 2, 1));
    const large = await approve(await submitted('1.01.02.1.01.0010', 12, 4));
    expect(large.sent.length).toBeGreaterThan(0);
    expect(large.sent.length).toBe(small.sent.length);
    // 11: the items' read went into the transition's statement (decision 0237)
    expect(large.sent.length).toBeLessThanOrEqual(11);
    expect(large.sent[0]).toMatch(/^(START TRANSACTION|BEGIN)/);
    expect(large.sent.filter((s) => /^INSERT INTO audit_events/.test(s))).toHaveLength(1);
    // every statement but BEGIN and COMMIT goes as a prepared statement, planned once per connection (decision 0236)
    expect(large.sent.filter((_, k) => !large.named[k])).toEqual([expect.stringMatching(/^(START TRANSACTION|BEGIN)/), 'COMMIT']);
    // the items are read once, as JSON, by the transition's statement: no statement of their own
    expect(large.sent.filter((s) => /json_agg\(t\)/.test(s))).toEqual([expect.stringMatching(/^WITH d AS \(UPDATE budget_documents SET status = 'APPROVED'/)]);
    expect(large.sent.filter((s) => /^ ?SELECT i\.id/.test(s))).toHaveLength(0);
    expect(large.res.body).toMatchObject({ status: 'APPROVED', approvedBy: 'verifier', itemCount: 12 });
    expect(large.res.body.lines).toHaveLength(4);
  });

  it('answers with the detail a GET shows, posts each line total and audits each line and the document', async () => {
    const id = await submitted('1.01.02.1.01.0011', 9, 3);
    const { res } = await approve(id);
    const read = await t.get(`/budgeting/documents/${id}`, 'verifier');
    expect(res.body).toEqual(read.body);
    // the answer is JSON text written as PostgreSQL and the splice made it (decision 0237): the content type res.json
    // gives, the items by account and then in the order they were added, every amount a decimal string to the sen
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(read.headers['content-type']).toBe('application/json; charset=utf-8');
    const byAccount = [0, 3, 6, 1, 4, 7, 2, 5, 8].map((i) => ({ accountCode: ACCOUNTS[i % 3], description: `Belanja ${i + 1}`, unitPrice: `${1000 + i}.25` }))
      .sort((a, b) => a.accountCode.localeCompare(b.accountCode));
    expect(res.body.items.map((i: { accountCode: string; description: string; unitPrice: string }) => ({ accountCode: i.accountCode, description: i.description, unitPrice: i.unitPrice })))
      .toEqual(byAccount);
    expect(res.body.items[0]).toMatchObject({ volume: expect.any(String), subtotal: expect.stringMatching(/^\d+\.\d{2}$/), total: expect.stringMatching(/^\d+\.\d{2}$/), vat: false, coefficients: [{ quantity: expect.any(String), unit: 'paket' }] });
    // items 1..9 of (i+1) x (1000+i).25 over three accounts: each line's total is its items' sum, to the sen
    const expected = ACCOUNTS.slice(0, 3).map((code, a) => {
      let cents = 0n;
      for (let i = a; i < 9; i += 3) cents += BigInt(i + 1) * BigInt((1000 + i) * 100 + 25);
      return { accountCode: code, total: `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}` };
    });
    expect(res.body.lines.map((l: { accountCode: string; total: string }) => ({ accountCode: l.accountCode, total: l.total })))
      .toEqual([...expected].sort((a, b) => a.accountCode.localeCompare(b.accountCode)));
    const posted = await t.sql<{ accountCode: string; amount: string }>(
      `SELECT b.account_code AS "accountCode", e.amount::text AS amount FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id
       WHERE e.source_type = 'BudgetDocument' AND e.source_id = $1 ORDER BY 1`, [id]);
    expect(posted.map((p) => ({ accountCode: p.accountCode, total: p.amount }))).toEqual([...expected].sort((a, b) => a.accountCode.localeCompare(b.accountCode)));

    const records = await t.sql<{ id: string; action: string; requestId: string }>(
      `SELECT id, action, request_id AS "requestId" FROM audit_events WHERE request_id = (SELECT request_id FROM audit_events WHERE action = 'BUDGET_DOCUMENT.APPROVED' AND entity_id = $1) ORDER BY action`, [id]);
    expect(records.map((r) => r.action)).toEqual(['BUDGET_DOCUMENT.APPROVED', 'LEDGER.POST', 'LEDGER.POST', 'LEDGER.POST']);

    // the records are chained after commit: wait for the sequencer, then verify; then tamper one line's record
    let ok = (await t.get('/audit/verify', 'auditor')).body;
    for (let i = 0; i < 50 && ok.pending > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ok = (await t.get('/audit/verify', 'auditor')).body;
    }
    expect(ok).toMatchObject({ valid: true, firstInvalidId: null });
    const victim = records.find((r) => r.action === 'LEDGER.POST')!;
    await t.superSql(`
      BEGIN;
      SET LOCAL session_replication_role = replica;
      UPDATE audit_events SET after = jsonb_set(after, '{appropriated}', '"1.00"') WHERE id = '${victim.id}';
      COMMIT;`);
    const bad = (await t.get('/audit/verify', 'auditor')).body;
    expect(bad).toMatchObject({ valid: false, firstInvalidId: victim.id });
  });
});
