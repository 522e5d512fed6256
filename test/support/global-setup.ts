import './register-paths';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig, runMigrations, startEmbeddedPostgres } from '@grms/core';
import { createApp } from '../../apps/api/src/create-app';
import { DemoSeedService } from '../../apps/api/src/seed/demo-seed.service';
import { freePort } from './child-api';


function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

// Migrates and seeds one template database; each test file then gets its own
// copy (CREATE DATABASE ... TEMPLATE), so files run in parallel, isolated.
export default async function globalSetup(): Promise<void> {
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    const pg = await startEmbeddedPostgres({
      dataRoot: mkdtempSync(join(tmpdir(), 'grms-test-')), port: await freePort(), database: 'postgres', ephemeral: true,
      log: (line) => { if (/PANIC/.test(line)) process.stderr.write(`${line}\n`); },
    });
    (globalThis as Record<string, unknown>).__GRMS_PG__ = pg;
    adminUrl = pg.adminUrl;
  }
  const template = `grms_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const templateUrl = withDatabase(adminUrl, template);
  await runMigrations(templateUrl);
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-test-secret-test-secret-0123', DATABASE_URL: templateUrl, LOG_LEVEL: 'silent', GRMS_DATA_DIR: join(tmpdir(), 'grms-test-data') });
  const app = await createApp(config, templateUrl);
  await app.init();
  await app.get(DemoSeedService).seed();
  await app.close();
  process.env.GRMS_TEST_ADMIN_URL = adminUrl;
  process.env.GRMS_TEST_TEMPLATE = template;
}
