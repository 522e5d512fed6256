import { Client } from 'pg';
import { startTestApp, TestApp } from './support/test-app';

// The row triggers that keep budget lines to their fiscal year's code list
// look each code up by the code list's primary key. They pass TG_TABLE_NAME
// (type name, collation "C") along, which once made the whole lookup compare
// in collation "C", where the key (default collation) cannot serve: every
// checked code scanned the code lists (decision 0014). The plans the trigger
// actually runs are read back through auto_explain.
describe('code-list checks in row triggers use the code list key', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  const plansOf = async (sql: string, params: unknown[]): Promise<{ plans: string[]; error?: { code?: string; message: string } }> => {
    const c = new Client({ connectionString: t.ownerUrl });
    const plans: string[] = [];
    c.on('notice', (n) => plans.push(n.message ?? ''));
    await c.connect();
    try {
      await c.query(`LOAD 'auto_explain'`);
      await c.query('BEGIN');
      for (const s of ['auto_explain.log_min_duration = 0', 'auto_explain.log_nested_statements = on', 'auto_explain.log_level = notice', 'enable_seqscan = off']) await c.query(`SET LOCAL ${s}`);
      // The test's code lists are small, so the planner may as well take the (version, list) index and filter
      // the code; without it (rolled back below) the key is the only way in, if the comparison can use it at all.
      await c.query('DROP INDEX code_list_entries_parent_idx');
      try {
        await c.query(sql, params);
        return { plans: plans.filter((p) => p.includes('code_list_entries')) };
      } catch (e) {
        return { plans: plans.filter((p) => p.includes('code_list_entries')), error: e as { code?: string; message: string } };
      }
    } finally {
      await c.query('ROLLBACK').catch(() => undefined);
      await c.end();
    }
  };

  it('looks the line\'s three codes up by the key, and still refuses a code outside the year\'s list', async () => {
    const [line] = await t.sql<{ id: string }>(`SELECT id FROM budget_lines WHERE fiscal_year = 2026 ORDER BY id LIMIT 1`);
    const ok = await plansOf(
      `UPDATE budget_lines SET sub_activity_code = sub_activity_code, account_code = account_code, funding_source_code = funding_source_code WHERE id = $1`, [line.id]);
    expect(ok.error).toBeUndefined();
    expect(ok.plans).toHaveLength(3); // nomenclature, account, funding source
    for (const p of ok.plans) {
      expect(p).toMatch(/Index (Only )?Scan using code_list_entries_pkey/);
      expect(p).not.toMatch(/Seq Scan on code_list_entries/);
    }
    const bad = await plansOf(`UPDATE budget_lines SET account_code = '9.9.99.99.99.9999' WHERE id = $1`, [line.id]);
    expect(bad.error?.code).toBe('23514');
    expect(bad.error?.message).toContain('accounts code 9.9.99.99.99.9999 is not in the code list version of fiscal year 2026');
    expect(bad.plans.join('\n')).not.toMatch(/Seq Scan on code_list_entries/);
  });
});
