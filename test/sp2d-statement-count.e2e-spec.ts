import { approvedSpm, allottedLine, ledgerClean, line, SUPPLIER } from './support/penatausahaan-fixtures';
import { StatementLog } from './support/statement-log';
import { startTestApp, TestApp } from './support/test-app';

// What one SP2D issuance sends to the database: every statement on the
// connection that writes the SP2D, from BEGIN to COMMIT, counted by wrapping
// the driver's query call. The count is the money path's round trips; it is
// asserted so that it cannot silently grow back (it was 30 before the
// statements were folded; docs/benchmarks.md).
describe('SP2D issuance: statements per SP2D', () => {
  let t: TestApp;
  let orgA: string;
  const log = new StatementLog();
  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
    log.install();
  });
  afterAll(async () => {
    log.uninstall();
    await t.close();
  });

  it('an LS SP2D with a tax withheld, with an Idempotency-Key: 10 statements from BEGIN to COMMIT, every lock still taken', async () => {
    const id = await allottedLine(t, '120000000.00', '20000000.00');
    const { spmId } = await approvedSpm(t, { type: 'LS', lsSubtype: 'GOODS_SERVICES', purpose: 'Pengadaan laptop', organizationId: orgA, payee: SUPPLIER,
      lines: [{ budgetLineId: id, amount: '10000000.00' }], taxes: [{ code: 'PPH22' }] });
    await t.token('cash-authority');
    log.clear();
    const res = await t.post('/penatausahaan/sp2d', { spmId }, 'cash-authority', { 'Idempotency-Key': `count-${spmId}` });
    expect(res.status).toBe(201);
    expect(res.body.deductions).toEqual({ PPH22: '135135.00' });
    // expired idempotency keys are purged at most once a minute per process: not part of the per-SP2D cost
    const tx = log.transactionOf(/^(WITH .*)?INSERT INTO sp2d\b/).filter((s) => !s.startsWith('DELETE FROM idempotency_keys'));
    const has = (re: RegExp) => tx.filter((s) => re.test(s)).length;
    // the locks that keep two payments from spending the same money: the SPM, the budget line, the cash book, the treasury's cash
    expect(has(/FROM spm m .* FOR UPDATE OF m$/)).toBe(1);
    // the budget line: locked in the statement that takes the number, writes the SP2D and marks its SPP paid, after
    // them (the lateral subquery names both; decision 0029)
    expect(has(/^WITH n AS .* d AS \(INSERT INTO sp2d .* LEFT JOIN LATERAL \(SELECT id, .* FROM budget_lines WHERE id = ANY\(\$11::uuid\[\]\) AND d\.id IS NOT NULL AND p\.n IS NOT NULL ORDER BY id FOR UPDATE\) l ON true$/)).toBe(1);
    expect(has(/FROM budget_lines WHERE id = ANY\(\$1::uuid\[\]\) ORDER BY id FOR UPDATE$/)).toBe(0);
    // the cash book: locked by the row trigger of its entries (an LS SP2D's entries never take it below where it stands; decision 0026)
    expect(has(/^INSERT INTO bku_books/)).toBe(0);
    // the treasury's cash: checked, taken from a stripe of escrowed cash and booked in one statement (decision 0024),
    // with the SP2D read back for the response and the audit record (decision 0026)
    expect(has(/FROM treasury_cash_spend\(.* LEFT JOIN \(\s*SELECT d\.id, d\.number/)).toBe(1);
    expect(has(/pg_advisory_xact_lock\(hashtext\('treasury-cash:'/)).toBe(0);
    // the ledger entries, the cash-book entries and the audit records each in one statement; the cash-book entries
    // ride in the ledger's statement, after the lines' locks (decision 0029: 12 -> 10 statements with the line lock above)
    expect(has(/INSERT INTO ledger_entries/)).toBe(1);
    expect(has(/^INSERT INTO bku_entries/)).toBe(0);
    expect(has(/^WITH balances AS \(.*\), alongside AS \(INSERT INTO bku_entries .*\) INSERT INTO ledger_entries/)).toBe(1);
    expect(has(/INSERT INTO audit_events/)).toBe(1);
    expect(tx).toHaveLength(10);
    // every statement but BEGIN and COMMIT goes as a named, prepared statement: planned once per connection (decision 0027)
    const entries = log.transactionEntriesOf(/^(WITH .*)?INSERT INTO sp2d\b/).filter((s) => !s.text.startsWith('DELETE FROM idempotency_keys'));
    expect(entries.filter((s) => !s.named).map((s) => s.text)).toEqual(['START TRANSACTION', 'COMMIT']);

    expect(await line(t, id)).toMatchObject({ committed: '0.00', disbursed: '10000000.00' });
    const replay = await t.post('/penatausahaan/sp2d', { spmId }, 'cash-authority', { 'Idempotency-Key': `count-${spmId}` });
    expect([replay.status, replay.body.id, replay.headers['idempotent-replayed']]).toEqual([201, res.body.id, 'true']);
    // a second SP2D reuses the connection's prepared statements: the same statements, the same answers
    const id2 = await allottedLine(t, '120000000.00', '20000000.00');
    const second = await approvedSpm(t, { type: 'LS', lsSubtype: 'GOODS_SERVICES', purpose: 'Pengadaan printer', organizationId: orgA, payee: SUPPLIER,
      lines: [{ budgetLineId: id2, amount: '5000000.00' }], taxes: [{ code: 'PPH22' }] });
    log.clear();
    const res2 = await t.post('/penatausahaan/sp2d', { spmId: second.spmId }, 'cash-authority', { 'Idempotency-Key': `count-${second.spmId}` });
    expect(res2.status).toBe(201);
    expect(res2.body.deductions).toEqual({ PPH22: '67567.00' });
    expect(log.transactionOf(/^(WITH .*)?INSERT INTO sp2d\b/).filter((s) => !s.startsWith('DELETE FROM idempotency_keys'))).toHaveLength(10);
    expect(await line(t, id2)).toMatchObject({ committed: '0.00', disbursed: '5000000.00' });
    await ledgerClean(t);
    const verify = await t.get('/audit/verify', 'auditor');
    expect(verify.body.valid).toBe(true);
  });
});
