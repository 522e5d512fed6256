import { join } from 'node:path';

/**
 * The test run's own folder in the temp dir (global-setup.ts makes it, the
 * global teardown removes it with the run's cluster): the embedded cluster's
 * data root, the OpenAPI document, and the APIs' data folder.
 */
export function testRunDir(): string {
  const dir = process.env.GRMS_TEST_RUN_DIR;
  if (!dir) throw new Error('GRMS_TEST_RUN_DIR is not set: the end-to-end tests run through jest (test/support/global-setup.ts)');
  return dir;
}

/** GRMS_DATA_DIR of the APIs and CLIs under test (their audit keys): one per run, shared by its test files. */
export function testDataDir(): string {
  return join(testRunDir(), 'app-data');
}
