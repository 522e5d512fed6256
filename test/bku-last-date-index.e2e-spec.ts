import { Client } from 'pg';
import { startTestApp, TestApp } from './support/test-app';

// An SP2D reads the last date of its OPD's cash book under its SPM's lock (the book is kept in date order,
// decision 0221). On (organization_id, fiscal_year, entry_date) that read is the last key of the OPD's year, read
// backwards; with only the entry numbers' index it visited every entry of the year, more of them each day until
// the year-end peak (decision 0027).
describe('the cash book\'s last date is one index probe', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('reads max(entry_date) of an OPD\'s year from the end of bku_entries_book_date_idx, with the answer of a scan', async () => {
    const orgA = await t.orgId('A');
    const c = new Client({ connectionString: t.ownerUrl });
    await c.connect();
    try {
      await c.query('BEGIN');
      await c.query('SET LOCAL enable_seqscan = off');
      const sql = `SELECT to_char(max(entry_date), 'YYYY-MM-DD') FROM bku_entries WHERE organization_id = $1 AND fiscal_year = $2`;
      const plan = (await c.query(`EXPLAIN (COSTS OFF) ${sql}`, [orgA, 2026])).rows.map((r) => r['QUERY PLAN'] as string).join('\n');
      expect(plan).toMatch(/Index Only Scan Backward using bku_entries_book_date_idx on bku_entries/);
      // the same answer as a scan of the OPD's entries
      const [probe] = (await c.query(sql, [orgA, 2026])).rows;
      const [scan] = (await c.query(`SELECT to_char(entry_date, 'YYYY-MM-DD') AS d FROM bku_entries WHERE organization_id = $1 AND fiscal_year = $2 ORDER BY entry_date DESC LIMIT 1`, [orgA, 2026])).rows;
      expect(Object.values(probe)[0]).toBe(scan?.d ?? null);
      await c.query('ROLLBACK');
    } finally {
      await c.end();
    }
  });
});
