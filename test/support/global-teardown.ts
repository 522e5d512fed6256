import './register-paths';
import { Client } from 'pg';
import type { TempFolders } from '@grms/core';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.GRMS_TEST_ADMIN_URL;
  const template = process.env.GRMS_TEST_TEMPLATE;
  const temp = (globalThis as Record<string, unknown>).__GRMS_TEMP__ as TempFolders | undefined;
  try {
    if (adminUrl && template && process.env.DATABASE_URL) {
      // On an external server, leave nothing behind.
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      const dbs = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 || '%'`, [`grms_t_${process.pid}`]);
      for (const r of dbs.rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await c.end();
    }
  } finally {
    // The run's folder and its embedded cluster (a GB or more), with the temp folder the
    // cluster lives in when the run's folder is not reachable for its OS user (under root).
    await temp?.removeAll();
  }
}
