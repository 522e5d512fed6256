import { QueryRunner } from 'typeorm';

/**
 * Tables the database keeps append-only: every table with a row trigger that
 * calls grms_reject_change() (the audit trail, the ledger, the cash book, the
 * version and event tables, and whatever a later migration protects the same
 * way). Found in the catalogue, so no module has to register its tables here.
 */
export async function appendOnlyTables(q: QueryRunner): Promise<string[]> {
  const rows: { name: string }[] = await q.query(`
    SELECT DISTINCT c.relname AS name
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND NOT t.tgisinternal
      AND t.tgfoid = 'grms_reject_change'::regproc
      AND (t.tgtype & 16) <> 0 -- fires on UPDATE
    ORDER BY 1`);
  return rows.map((r) => r.name);
}

const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * The step after every migration run, as the owner (decision 0020):
 * - every append-only table gets its TRUNCATE trigger if a migration forgot it;
 * - the API's role may read and write every table, with no UPDATE, DELETE or
 *   TRUNCATE on the append-only ones, read-only on the migration history, and
 *   nothing else (it owns nothing, so it cannot alter or disable a trigger);
 * - default privileges give tables the owner creates later the same grants,
 *   so a new module's table works for the API before this step runs again.
 */
export async function applyPrivileges(q: QueryRunner, appRole: string | null): Promise<void> {
  const appendOnly = await appendOnlyTables(q);
  for (const t of appendOnly) {
    const [{ has }] = await q.query(
      `SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal AND (tgtype & 32) <> 0) AS has`,
      [ident(t)],
    );
    if (!has) {
      await q.query(`CREATE TRIGGER ${ident(`${t}_no_truncate`)} BEFORE TRUNCATE ON ${ident(t)} FOR EACH STATEMENT EXECUTE FUNCTION grms_reject_change()`);
    }
  }
  if (!appRole) return;
  const [{ me }] = await q.query(`SELECT current_user AS me`);
  if (me === appRole) return;
  const role = ident(appRole);
  await q.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
  await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`);
  await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`);
  for (const t of appendOnly) await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${ident(t)} FROM ${role}`);
  await q.query(`REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM ${role}`);
}

/** Columns the report role never reads: password hashes (decision 0053). */
const WITHHELD_COLUMNS = ['password_hash'];

/**
 * The read replica's role (decision 0053): read-only, on the primary (roles
 * and grants replicate to the standby with everything else). SELECT on every
 * table, password hashes withheld, nothing else; tables the owner creates
 * later get SELECT by default privileges. A role that does not exist yet is
 * left for the next start, with a message naming what to create.
 */
export async function applyReportPrivileges(q: QueryRunner, reportRole: string): Promise<string | null> {
  const [{ exists, me }] = await q.query(`SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists, current_user AS me`, [reportRole]);
  if (!exists) return `the role ${reportRole} of DATABASE_REPLICA_URL does not exist on the primary: create it (docs/operations.md, "Read replica") and start again; until then reports read from the primary`;
  if (me === reportRole) return null;
  const role = ident(reportRole);
  await q.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
  await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`);
  await q.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
  await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${role}`);
  const tables: { name: string; columns: string[] }[] = await q.query(`
    SELECT table_name AS name, array_agg(column_name::text ORDER BY ordinal_position) FILTER (WHERE column_name <> ALL($1::text[])) AS columns
    FROM information_schema.columns WHERE table_schema = 'public'
    GROUP BY table_name HAVING bool_or(column_name = ANY($1::text[]))`, [WITHHELD_COLUMNS]);
  for (const t of tables) {
    await q.query(`REVOKE SELECT ON ${ident(t.name)} FROM ${role}`);
    if (t.columns?.length) await q.query(`GRANT SELECT (${t.columns.map(ident).join(', ')}) ON ${ident(t.name)} TO ${role}`);
  }
  return null;
}
