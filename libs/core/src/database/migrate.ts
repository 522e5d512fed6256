import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../../../../migrations';
import { applyPrivileges, applyReportPrivileges } from './privileges';

export function migrationDataSource(url: string): DataSource {
  return new DataSource({ type: 'postgres', url, migrations: ALL_MIGRATIONS, migrationsTableName: 'schema_migrations', logging: ['error'] });
}

export interface MigrateOptions {
  /** The role the API connects as: granted what it needs and no more after the migrations (decision 0020). */
  appRole?: string | null;
  /** The read replica's role (DATABASE_REPLICA_URL): SELECT only (decision 0053). */
  reportRole?: string | null;
  /** Where a note about the privileges step goes (a report role still to create). */
  warn?: (line: string) => void;
}

/** The user name of a postgres:// URL. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Applies every pending migration, each in its own transaction, as the owner
 * of the schema, then the privileges step; returns the migrations' names.
 */
export async function runMigrations(url: string, opts: MigrateOptions = {}): Promise<string[]> {
  const ds = migrationDataSource(url);
  await ds.initialize();
  const lock = ds.createQueryRunner();
  try {
    // Serialize concurrent starts against the same database.
    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock(7384213000)`);
    const done = await ds.runMigrations({ transaction: 'each' });
    await lock.query('BEGIN');
    await applyPrivileges(lock, opts.appRole ?? null);
    if (opts.reportRole && opts.reportRole !== opts.appRole) {
      const note = await applyReportPrivileges(lock, opts.reportRole);
      if (note) opts.warn?.(note);
    }
    await lock.query('COMMIT');
    await lock.query(`SELECT pg_advisory_unlock(7384213000)`);
    return done.map((m) => m.name);
  } finally {
    await lock.release();
    await ds.destroy();
  }
}
