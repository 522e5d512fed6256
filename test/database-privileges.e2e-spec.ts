import { startTestApp, TestApp } from './support/test-app';

// The database distrusts the application (decision 0020): the API's role can
// read and write what the API needs and nothing more.
describe('database roles: the API runs least-privileged', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('connects as a role that is no superuser and owns nothing', async () => {
    const [me] = await t.sql<{ role: string; superuser: boolean; createrole: boolean; createdb: boolean }>(
      `SELECT current_user AS role, rolsuper AS superuser, rolcreaterole AS createrole, rolcreatedb AS createdb FROM pg_roles WHERE rolname = current_user`);
    expect(me).toEqual({ role: 'grms_test_app', superuser: false, createrole: false, createdb: false });
    const owned = await t.sql(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = current_user`);
    expect(owned).toEqual([]);
  });

  it('cannot disable a trigger, drop one, or switch triggers off for its session', async () => {
    await expect(t.sql(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`)).rejects.toThrow(/must be owner/);
    await expect(t.sql(`ALTER TABLE ledger_entries DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    await expect(t.sql(`DROP TRIGGER ledger_entries_append_only ON ledger_entries`)).rejects.toThrow(/must be owner/);
    await expect(t.sql(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
  });

  it('has no UPDATE, DELETE or TRUNCATE on the audit trail, the ledger, the cash book and the version tables', async () => {
    for (const table of ['audit_events', 'audit_chain', 'ledger_entries', 'bku_entries', 'hsb_item_versions', 'budget_document_events']) {
      await expect(t.sql(`DELETE FROM ${table} WHERE false`)).rejects.toThrow(/permission denied/);
      await expect(t.sql(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
      const [priv] = await t.sql<{ u: boolean; d: boolean; tr: boolean; i: boolean }>(
        `SELECT has_table_privilege($1, 'UPDATE') AS u, has_table_privilege($1, 'DELETE') AS d, has_table_privilege($1, 'TRUNCATE') AS tr, has_table_privilege($1, 'INSERT') AS i`, [table]);
      expect({ table, ...priv }).toEqual({ table, u: false, d: false, tr: false, i: true });
    }
    const [row] = await t.sql<{ id: string }>(`SELECT id FROM audit_events LIMIT 1`);
    await expect(t.sql(`UPDATE audit_events SET action = 'X' WHERE id = $1`, [row.id])).rejects.toThrow(/permission denied/);
    const [entry] = await t.sql<{ id: string }>(`SELECT id FROM ledger_entries LIMIT 1`);
    await expect(t.sql(`UPDATE ledger_entries SET amount = amount + 1 WHERE id = $1`, [entry.id])).rejects.toThrow(/permission denied/);
  });

  it('cannot run programs or read server files', async () => {
    await t.sql(`CREATE TEMP TABLE loot (line text)`);
    await expect(t.sql(`COPY loot FROM PROGRAM 'id'`)).rejects.toThrow(/permission denied|must be superuser|pg_execute_server_program/);
    await expect(t.sql(`COPY loot FROM '/etc/passwd'`)).rejects.toThrow(/permission denied|must be superuser|pg_read_server_files/);
    await expect(t.sql(`SELECT pg_read_file('postgresql.conf')`)).rejects.toThrow(/permission denied/);
  });

  it('every append-only table refuses TRUNCATE by trigger too, even for the owner', async () => {
    const missing = await t.superSql(`
      SELECT DISTINCT c.relname FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
      WHERE tg.tgfoid = 'grms_reject_change'::regproc AND (tg.tgtype & 16) <> 0
        AND NOT EXISTS (SELECT 1 FROM pg_trigger x WHERE x.tgrelid = tg.tgrelid AND (x.tgtype & 32) <> 0 AND x.tgfoid = 'grms_reject_change'::regproc)`);
    expect(missing).toEqual([]);
    await expect(t.superSql(`TRUNCATE bku_entries CASCADE`)).rejects.toThrow(/append-only/);
    await expect(t.superSql(`TRUNCATE hsb_item_versions CASCADE`)).rejects.toThrow(/append-only/);
  });

  it('a table a later migration adds is usable by the API without a grant of its own', async () => {
    await t.superSql(`CREATE TABLE later_module_table (id serial PRIMARY KEY, v text)`);
    await t.sql(`INSERT INTO later_module_table (v) VALUES ('ok')`);
    expect(await t.sql(`SELECT v FROM later_module_table`)).toEqual([{ v: 'ok' }]);
  });
});
