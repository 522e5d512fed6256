import 'reflect-metadata';
import { ConfigError, databaseUrls, loadConfig, registerShutdown, roleOf, runMigrations, startEmbeddedPostgres } from '@grms/core';

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
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  if (!config.databaseUrl) {
    process.stdout.write(`grms: starting the embedded PostgreSQL (data under ${config.dataDir}) ...\n`);
    try {
      embedded = await startEmbeddedPostgres({
        dataRoot: config.dataDir, port: config.embeddedPgPort, database: 'grms',
        log: (line) => process.stdout.write(`${line}\n`),
        // The supervisor: a dead postmaster is restarted; if it cannot be, exit
        // non-zero so that the process supervisor takes over.
        supervise: { onFatal: (err) => fail(`the embedded PostgreSQL died and could not be restarted: ${err.message}`) },
      });
    } catch (e) {
      fail(`the embedded PostgreSQL did not start: ${(e as Error).message}`);
    }
  }
  const { appUrl, ownerUrl, appRole } = databaseUrls(config, embedded ?? undefined);
  for (const url of new Set([ownerUrl, appUrl])) {
    try {
      await waitForDatabase(url, embedded ? 1 : 5);
    } catch (e) {
      await embedded?.stop();
      fail(describeDatabaseError(url, e));
    }
  }
  const reportRole = config.databaseReplicaUrl ? roleOf(config.databaseReplicaUrl) : null;
  const applied = await runMigrations(ownerUrl, { appRole, reportRole, warn: (line) => process.stdout.write(`grms: WARNING: ${line}\n`) });
  if (applied.length) process.stdout.write(`grms: applied ${applied.length} migration(s): ${applied.join(', ')}\n`);
  if (!appRole) {
    process.stdout.write('grms: WARNING: DATABASE_OWNER_URL is not set, so the API runs as the owner of the schema and the database cannot protect the audit trail and the ledger from it; see docs/operations.md, "Database roles"\n');
  }

  const app = await createApp(config, appUrl);
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
    `  Web app: ${base}/   (open it in a browser)`,
    `  API documentation: ${base}/docs   (OpenAPI: ${base}/docs-json)`,
    `  Health: ${base}/health`,
    ...(config.seedDemo ? [`  Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.username} (${u.roles.join(',')})`).join(', ')}`] : []),
    '',
  ].join('\n') + '\n');
}

main().catch((e) => fail(`startup failed: ${(e as Error).stack ?? String(e)}`));
