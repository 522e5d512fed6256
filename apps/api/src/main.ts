import 'reflect-metadata';
import { ConfigError, loadConfig, registerShutdown, runMigrations, startEmbeddedPostgres } from '@grms/core';

import { createApp } from './create-app';
import { DemoSeedService } from './seed/demo-seed.service';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-data';
import { describeDatabaseError, waitForDatabase } from './database-check';

function fail(message: string): never {
  process.stderr.write(`grms: ${message}\n`);
  process.exit(1);
}

// Started by `npm start`: if npm goes away without passing the signal on,
// shut down as if told to, so no embedded server is left behind.
function watchParent(): void {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      process.kill(process.pid, 'SIGTERM');
    }
  }, 1000);
  timer.unref();
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  let url = config.databaseUrl;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  if (!url) {
    process.stdout.write(`grms: starting the embedded PostgreSQL (data under ${config.dataDir}) ...\n`);
    try {
      embedded = await startEmbeddedPostgres({
        dataRoot: config.dataDir, port: config.embeddedPgPort, database: 'grms',
        log: (line) => process.stdout.write(`${line}\n`),
      });
    } catch (e) {
      fail(`the embedded PostgreSQL did not start: ${(e as Error).message}`);
    }
    url = embedded.url;
  }
  try {
    await waitForDatabase(url, embedded ? 1 : 5);
  } catch (e) {
    await embedded?.stop();
    fail(describeDatabaseError(url, e));
  }
  const applied = await runMigrations(url);
  if (applied.length) process.stdout.write(`grms: applied ${applied.length} migration(s): ${applied.join(', ')}\n`);

  const app = await createApp(config, url);
  if (embedded) {
    registerShutdown(embedded, () => app.close());
    watchParent();
  } else {
    app.enableShutdownHooks();
  }
  if (config.seedDemo) {
    const seeder = app.get(DemoSeedService);
    if (!(await seeder.isSeeded())) {
      process.stdout.write('grms: seeding the demo province (first start) ...\n');
      await seeder.seed();
    }
  }
  await app.listen(config.port, config.host);
  const base = `http://localhost:${config.port}`;
  process.stdout.write([
    '',
    `GRMS is serving on ${base}/api/v1`,
    `  API documentation: ${base}/docs   (OpenAPI: ${base}/docs-json)`,
    `  Health: ${base}/health`,
    ...(config.seedDemo ? [`  Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.username} (${u.roles.join(',')})`).join(', ')}`] : []),
    '',
  ].join('\n') + '\n');
}

main().catch((e) => fail(`startup failed: ${(e as Error).stack ?? String(e)}`));
