import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../../../../migrations';

export function migrationDataSource(url: string): DataSource {
  return new DataSource({ type: 'postgres', url, migrations: ALL_MIGRATIONS, migrationsTableName: 'schema_migrations', logging: ['error'] });
}

/** Applies every pending migration, each in its own transaction; returns their names. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = migrationDataSource(url);
  await ds.initialize();
  const lock = ds.createQueryRunner();
  try {
    // Serialize concurrent starts against the same database.
    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock(7384213000)`);
    const done = await ds.runMigrations({ transaction: 'each' });
    await lock.query(`SELECT pg_advisory_unlock(7384213000)`);
    return done.map((m) => m.name);
  } finally {
    await lock.release();
    await ds.destroy();
  }
}
