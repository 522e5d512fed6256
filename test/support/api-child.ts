// The API as a child process for the crash tests: `node -r ts-node/register/transpile-only
// test/support/api-child.ts` with CHILD_DATABASE_URL and CHILD_PORT. Prints READY when listening.
import './register-paths';
import { loadConfig } from '@grms/core';
import { createApp } from '../../apps/api/src/create-app';
import { testDataDir } from './run-folder';

async function main(): Promise<void> {
  const url = process.env.CHILD_DATABASE_URL!;
  const config = loadConfig({
    NODE_ENV: 'test', JWT_SECRET: 'test-secret-test-secret-test-secret-0123', DATABASE_URL: url, LOG_LEVEL: 'silent',
    GRMS_DATA_DIR: testDataDir(),
  });
  const app = await createApp(config, url);
  await app.listen(Number(process.env.CHILD_PORT), '127.0.0.1');
  process.stdout.write('READY\n');
}

main().catch((e) => { process.stderr.write(`api-child: ${(e as Error).stack}\n`); process.exit(1); });
