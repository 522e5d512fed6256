import './register-paths';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@grms/core';
import { freePort } from './child-api';
import { prepareTemplate, withDatabase } from './database';

// Migrates and seeds one template database; each test file then gets its own
// copy (CREATE DATABASE ... TEMPLATE), so files run in parallel, isolated.
export default async function globalSetup(): Promise<void> {
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    const dataRoot = mkdtempSync(join(tmpdir(), 'grms-test-'));
    process.env.GRMS_TEST_DATA_ROOT = dataRoot;
    const pg = await startEmbeddedPostgres({
      dataRoot, port: await freePort(), database: 'postgres', ephemeral: true,
      log: (line) => { if (/PANIC/.test(line)) process.stderr.write(`${line}\n`); },
    });
    (globalThis as Record<string, unknown>).__GRMS_PG__ = pg;
    process.env.GRMS_TEST_PG_DIRS = JSON.stringify([pg.dataDir]);
    adminUrl = pg.adminUrl;
  }
  const template = `grms_template_${process.pid}`;
  await prepareTemplate(adminUrl, template);
  process.env.GRMS_TEST_ADMIN_URL = adminUrl;
  process.env.GRMS_TEST_TEMPLATE = template;
}
