import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig, runMigrations } from '@grms/core';
import { createApp, openApiDocumentOf } from '../../apps/api/src/create-app';
import { DemoSeedService } from '../../apps/api/src/seed/demo-seed.service';
import { testDataDir, testRunDir } from './run-folder';

// The API under test connects as a least-privileged role, as in production
// (decision 0020); the test's own hand in the database (t.superSql) is the
// cluster superuser.
export const TEST_APP_ROLE = 'grms_test_app';
const TEST_APP_PASSWORD = 'grms-test-app-password';

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** The same database, as the API's role. */
export function asAppRole(url: string): string {
  const u = new URL(url);
  u.username = TEST_APP_ROLE;
  u.password = TEST_APP_PASSWORD;
  return u.toString();
}

export async function ensureTestAppRole(adminUrl: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const attrs = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${TEST_APP_PASSWORD}'`;
    const { rowCount } = await c.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [TEST_APP_ROLE]);
    if (rowCount) await c.query(`ALTER ROLE ${TEST_APP_ROLE} WITH ${attrs}`);
    else await c.query(`CREATE ROLE ${TEST_APP_ROLE} WITH ${attrs}`).catch((e) => { if (e.code !== '42710') throw e; });
  } finally {
    await c.end();
  }
}

/**
 * Creates `template` on the server of `adminUrl`, migrates it as the owner and seeds the demo through the API's role.
 * `createOptions`: more of CREATE DATABASE (a database whose default collation is another, say).
 */
export async function prepareTemplate(adminUrl: string, template: string, createOptions = ''): Promise<void> {
  await ensureTestAppRole(adminUrl);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template} ${createOptions}`);
  await admin.end();
  const templateUrl = withDatabase(adminUrl, template);
  await runMigrations(templateUrl, { appRole: TEST_APP_ROLE });
  const appUrl = asAppRole(templateUrl);
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-test-secret-test-secret-0123', DATABASE_URL: appUrl, LOG_LEVEL: 'silent', GRMS_DATA_DIR: testDataDir() });
  const app = await createApp(config, appUrl);
  await app.init();
  await app.get(DemoSeedService).seed();
  // The OpenAPI document depends only on the code: built once, by the global setup, in the
  // run's folder, and read by every test file (a test file's own template leaves it as it is).
  if (!process.env.GRMS_TEST_OPENAPI_FILE) {
    const documentFile = join(testRunDir(), 'openapi.json');
    writeFileSync(documentFile, JSON.stringify(openApiDocumentOf(app)));
    process.env.GRMS_TEST_OPENAPI_FILE = documentFile;
  }
  await app.close();
}
