import './register-paths';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Client } from 'pg';
import { clusterFolder } from '@grms/core';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.GRMS_TEST_ADMIN_URL;
  const template = process.env.GRMS_TEST_TEMPLATE;
  if (adminUrl && template && process.env.DATABASE_URL) {
    // On an external server, leave nothing behind.
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    const dbs = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 || '%'`, [`grms_t_${process.pid}`]);
    for (const r of dbs.rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await c.end();
  }
  const pg = (globalThis as Record<string, unknown>).__GRMS_PG__ as { stop(): Promise<void> } | undefined;
  if (pg) await pg.stop();
  // The embedded cluster of the run (a GB or more) goes with it: its data root, and the
  // temp folder the cluster lives in when the data root is not reachable for its OS user.
  const openApiFile = process.env.GRMS_TEST_OPENAPI_FILE;
  if (openApiFile) rmSync(dirname(openApiFile), { recursive: true, force: true });
  const dirs = [process.env.GRMS_TEST_DATA_ROOT, ...(JSON.parse(process.env.GRMS_TEST_PG_DIRS ?? '[]') as string[])];
  for (const dir of dirs) {
    if (!dir) continue;
    rmSync(clusterFolder(dir), { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}
