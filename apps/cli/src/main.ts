#!/usr/bin/env node
import 'reflect-metadata';
import { ConfigError, databaseUrls, loadConfig, resetEmbeddedData, runMigrations, startEmbeddedPostgres } from '@grms/core';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';
import { runBench } from './bench/run-bench';

/** `grms reset --yes`: the next start is a first start (embedded database only; it must be stopped). */
function reset(dataDir: string, external: boolean, args: string[]): void {
  if (external) throw new Error('reset removes the embedded database only; with DATABASE_URL, drop and recreate that database yourself');
  if (!args.includes('--yes')) throw new Error(`reset deletes every record of the embedded database and the generated secrets under ${dataDir}; run "grms reset --yes" to do it`);
  const removed = resetEmbeddedData(dataDir);
  process.stdout.write(removed.length ? `grms: removed ${removed.join(', ')}; the next start begins afresh\n` : `grms: nothing to remove under ${dataDir}\n`);
}

// `grms <command>`: operator commands over DATABASE_URL, or over the embedded
// PostgreSQL (shared with a running API when there is one).
async function main(): Promise<void> {
  if (process.argv[2] === 'bench') {
    await runBench(process.argv.slice(3));
    return;
  }
  let config;
  try {
    config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  } catch (e) {
    if (e instanceof ConfigError) { process.stderr.write(`grms: ${e.message}\n`); process.exit(1); }
    throw e;
  }
  if (process.argv[2] === 'reset') {
    reset(config.dataDir, Boolean(config.databaseUrl), process.argv.slice(3));
    return;
  }
  // Operator commands (migrate, seed, dataset, imports, verification) run as
  // the owner of the schema; the API runs as its least-privileged role.
  let url = config.databaseUrl ?? '';
  let stop = async () => undefined as void;
  {
    let pg: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
    if (!config.databaseUrl) {
      pg = await startEmbeddedPostgres({ dataRoot: config.dataDir, port: config.embeddedPgPort, database: 'grms', attach: true, log: (l) => { if (/FATAL|PANIC|ERROR/.test(l) && !/starting up/.test(l)) process.stderr.write(`${l}\n`); } });
      stop = pg.stop;
    }
    const urls = databaseUrls(config, pg);
    url = urls.ownerUrl;
    const applied = await runMigrations(url, { appRole: urls.appRole });
    if (applied.length) process.stderr.write(`grms: applied ${applied.length} migration(s)\n`);
  }
  try {
    await CommandFactory.run(CliModule.register({ config, databaseUrl: url }), {
      cliName: 'grms',
      logger: ['error', 'warn'],
      errorHandler: (err) => {
        const code = (err as { code?: string }).code ?? '';
        if (code === 'commander.helpDisplayed' || code === 'commander.help' || code === 'commander.version') return;
        process.stderr.write(`grms: ${err.message}\n`);
        process.exitCode = 1;
      },
    });
  } finally {
    await stop();
  }
}

main().then(() => process.exit(process.exitCode ?? 0)).catch((e) => {
  process.stderr.write(`grms: ${(e as Error).message}\n`);
  process.exit(1);
});
