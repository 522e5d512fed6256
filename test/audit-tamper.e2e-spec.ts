import { runCli } from './support/cli';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

// Someone who holds the database itself (a superuser, a stolen backup
// restored and edited) tampers with the trail; the keys are not in the
// database, so `GET /audit/verify` and `grms audit:verify` find it
// (decision 0021).
describe('audit trail against a database superuser', () => {
  let t: TestApp;
  beforeEach(async () => { t = await startTestApp(); });
  afterEach(async () => { await t.close(); });

  const verify = async () => {
    const res = await t.get('/audit/verify', 'auditor');
    expect(res.status).toBe(200);
    return res.body;
  };

  it('an edited record with the chain recomputed after it is reported, at that record', async () => {
    expect((await t.post('/fiscal-years', { year: 2061, status: 'PLANNING' }, 'admin')).status).toBe(201);
    expect(await verify()).toMatchObject({ valid: true, firstInvalidId: null });
    const [victim] = await t.sql<{ id: string; chainNo: string }>(`SELECT e.id, c.chain_no::text AS "chainNo" FROM audit_events e JOIN audit_chain c ON c.event_id = e.id WHERE e.entity_type = 'FiscalYear' AND e.entity_id = '2061'`);
    // As a superuser would: triggers off, the record rewritten, its hash and every later link recomputed.
    await t.superSql(`
      BEGIN;
      SET LOCAL session_replication_role = replica;
      UPDATE audit_events SET after = jsonb_set(after, '{status}', '"EXECUTION"') WHERE id = '${victim.id}';
      UPDATE audit_events SET mac = encode(sha256(convert_to(id::text || after::text, 'UTF8')), 'hex') WHERE id = '${victim.id}';
      DO $$ DECLARE r record; prev text; BEGIN
        SELECT hash INTO prev FROM audit_chain WHERE chain_no = ${Number(victim.chainNo) - 1};
        FOR r IN SELECT c.chain_no, c.event_id, e.mac FROM audit_chain c JOIN audit_events e ON e.id = c.event_id WHERE c.chain_no >= ${victim.chainNo} ORDER BY c.chain_no LOOP
          UPDATE audit_chain SET prev_hash = prev, hash = encode(sha256(convert_to(r.chain_no || prev || r.event_id || coalesce(r.mac, ''), 'UTF8')), 'hex') WHERE chain_no = r.chain_no
            RETURNING hash INTO prev;
        END LOOP;
      END $$;
      COMMIT;`);
    const bad = await verify();
    expect(bad).toMatchObject({ valid: false, firstInvalidId: victim.id, firstInvalidChainNo: victim.chainNo });
    expect(bad.reason).toMatch(/keyed hash/);
    const cli = await runCli(t.ownerUrl, ['audit:verify']);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`AUDIT TRAIL BROKEN at record ${victim.id}`);
  });

  it('deleting the newest records is reported against the last signed checkpoint', async () => {
    for (const year of [2062, 2063, 2064]) expect((await t.post('/fiscal-years', { year, status: 'PLANNING' }, 'admin')).status).toBe(201);
    const ok = await verify();
    expect(ok).toMatchObject({ valid: true });
    expect(ok.checkpoint).toMatchObject({ count: ok.checked });
    // The newest three records go, with their chain links: what is left is a perfectly linked, shorter chain.
    await t.superSql(`
      BEGIN;
      SET LOCAL session_replication_role = replica;
      CREATE TEMP TABLE gone ON COMMIT DROP AS SELECT event_id FROM audit_chain ORDER BY chain_no DESC LIMIT 3;
      DELETE FROM audit_chain WHERE event_id IN (SELECT event_id FROM gone);
      DELETE FROM audit_events WHERE id IN (SELECT event_id FROM gone);
      COMMIT;`);
    const bad = await verify();
    expect(bad.valid).toBe(false);
    expect(bad.checked).toBe(ok.checked - 3);
    expect(bad.reason).toContain(`covers ${ok.checked} records: records were removed`);
    const cli = await runCli(t.ownerUrl, ['audit:verify']);
    expect(cli.code).toBe(1);
    expect(cli.out).toMatch(/records were removed from the end/);
  });

  it('a forged ledger entry with a matching balance passes the ledger check but not the audit trail', async () => {
    const [line] = await t.sql<{ id: string; appropriated: string }>(`SELECT id, appropriated FROM budget_lines WHERE appropriated > 0 ORDER BY id LIMIT 1`);
    await t.superSql(`
      BEGIN;
      SET LOCAL session_replication_role = replica;
      INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, description)
        VALUES ('${line.id}', 'APPROPRIATION', 1000000.00, 'BudgetDocument', 'forged', 'looks like any other');
      UPDATE budget_lines SET appropriated = appropriated + 1000000.00, entry_count = entry_count + 1 WHERE id = '${line.id}';
      COMMIT;`);
    const ledger = await t.get('/ledger/verify', 'auditor');
    expect(ledger.body.valid).toBe(true); // the balance agrees with the entries
    const bad = await verify();
    expect(bad.valid).toBe(false);
    expect(bad.reason).toMatch(new RegExp(`ledger entry .* APPROPRIATION 1000000.00 on budget line ${line.id}\\) has no audit record`));
  });
});
