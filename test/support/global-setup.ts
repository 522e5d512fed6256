import './register-paths';
import { startEmbeddedPostgres, TempFolders } from '@grms/core';
import { freePort } from './child-api';
import { prepareTemplate, withDatabase } from './database';

// Migrates and seeds one template database; each test file then gets its own
// copy (CREATE DATABASE ... TEMPLATE), so files run in parallel, isolated.
// Everything the run keeps on disk is in one folder of its own in the temp dir
// (GRMS_TEST_RUN_DIR), removed by the global teardown with the run's cluster.
export default async function globalSetup(): Promise<void> {
  const temp = new TempFolders();
  (globalThis as Record<string, unknown>).__GRMS_TEMP__ = temp;
  const runDir = temp.make('grms-test-');
  process.env.GRMS_TEST_RUN_DIR = runDir;
  let adminUrl: string;
  const template = `grms_template_${process.pid}`;
  try {
    if (process.env.DATABASE_URL) {
      adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
    } else {
      const pg = temp.stopFirst(await startEmbeddedPostgres({
        dataRoot: runDir, port: await freePort(), database: 'postgres', ephemeral: true,
        log: (line) => { if (/PANIC/.test(line)) process.stderr.write(`${line}\n`); },
      }));
      adminUrl = pg.adminUrl;
    }
    await prepareTemplate(adminUrl, template);
  } catch (err) {
    // jest runs no teardown after a failed setup
    await temp.removeAll().catch(() => undefined);
    throw err;
  }
  process.env.GRMS_TEST_ADMIN_URL = adminUrl;
  process.env.GRMS_TEST_TEMPLATE = template;
}
