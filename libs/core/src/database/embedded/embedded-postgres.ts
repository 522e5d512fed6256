import { ensureCluster } from './cluster-init';
import { chooseDataDir } from './data-dir';
import { resolveDbUser } from './db-user';
import {
  PG_SUPERUSER,
  type DbUser,
  type EmbeddedPostgresHandle,
  type EmbeddedPostgresOptions,
  type PgBinaries,
} from './embedded-postgres-types';
import { resolvePgBinaries } from './pg-binaries';
import { spawnPostmaster, type Postmaster } from './postmaster-process';
import { ensureDatabase, waitForServer, type PgConnection } from './server-ready';
import { stopStaleServer } from './stale-server';
import { findLiveOwnedServer } from './live-owner';
import { passwordFileFor } from './cluster-init';
import * as fs from 'fs';
import { APP_ROLE, appPasswordFileFor, ensureAppRole, readOrCreateAppPassword } from './app-role';

export type { EmbeddedPostgresHandle, EmbeddedPostgresOptions } from './embedded-postgres-types';
export { registerShutdown } from './register-shutdown';

const READY_TIMEOUT_MS = 30_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const defaultLog = (line: string): void => void process.stderr.write(`${line}\n`);

function serverArgs(dataDir: string, port: number, ephemeral: boolean): string[] {
  const settings = [
    'listen_addresses=127.0.0.1',
    'unix_socket_directories=', // TCP only
    'max_connections=200',
    ...(ephemeral ? ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'] : []),
  ];
  return ['-D', dataDir, '-p', String(port), ...settings.flatMap((s) => ['-c', s])];
}

/**
 * Starts the postmaster and waits for it. Retries a few times when orphaned
 * backends of a killed server still hold the old shared memory.
 */
async function launch(
  bins: PgBinaries,
  user: DbUser,
  args: string[],
  conn: PgConnection,
  log: (line: string) => void,
): Promise<Postmaster> {
  for (let attempt = 1; ; attempt++) {
    const pm = spawnPostmaster(bins, user, args, log);
    try {
      await waitForServer(conn, pm, READY_TIMEOUT_MS);
      return pm;
    } catch (err) {
      await pm.stop();
      const busy = /pre-existing shared memory block/.test(pm.recentOutput());
      if (!busy || attempt >= 5) throw err;
      log('[embedded-postgres] old server processes still hold shared memory; retrying');
      await sleep(2_000);
    }
  }
}

/**
 * Starts a private PostgreSQL cluster on 127.0.0.1:`port` (initialising it on
 * first use) and creates `database` if missing.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = opts.log ?? defaultLog;
  const user = resolveDbUser();
  const bins = resolvePgBinaries(user);
  const dataDir = chooseDataDir(opts.dataRoot, user, log);

  // A server still owned by a running GRMS process is shared (attach) or
  // refused; one orphaned by a killed process is stopped first.
  const live = findLiveOwnedServer(dataDir);
  if (live) {
    if (!opts.attach) {
      throw new Error(`another running process (pid ${live.ownerPid}) already serves the embedded database in ${dataDir} on port ${live.port}; stop it first, or use a different GRMS_DATA_DIR`);
    }
    const pw = fs.readFileSync(passwordFileFor(dataDir), 'utf8').trim();
    const appPw = fs.readFileSync(appPasswordFileFor(dataDir), 'utf8').trim();
    const b = `postgres://${encodeURIComponent(PG_SUPERUSER)}:${encodeURIComponent(pw)}@127.0.0.1:${live.port}`;
    const a = `postgres://${APP_ROLE}:${encodeURIComponent(appPw)}@127.0.0.1:${live.port}`;
    log(`[embedded-postgres] using the server of the running process ${live.ownerPid} (port ${live.port})`);
    return { url: `${b}/${encodeURIComponent(opts.database)}`, appUrl: `${a}/${encodeURIComponent(opts.database)}`, adminUrl: `${b}/postgres`, dataDir, pid: live.pid, stop: async () => undefined };
  }
  await stopStaleServer(dataDir, user, bins, log);
  const password = await ensureCluster(dataDir, user, bins, opts.ephemeral === true, log);

  const conn: PgConnection = { host: '127.0.0.1', port: opts.port, user: PG_SUPERUSER, password };
  const args = serverArgs(dataDir, opts.port, opts.ephemeral === true);
  let pm = await launch(bins, user, args, conn, log);
  const appPassword = readOrCreateAppPassword(dataDir);
  try {
    await ensureDatabase(conn, opts.database);
    await ensureAppRole(conn, appPassword);
  } catch (err) {
    await pm.stop();
    throw err;
  }

  let stopped = false;
  const supervise = (p: Postmaster): void => {
    const sup = opts.supervise;
    if (!sup) return;
    void p.exited.then(async () => {
      if (stopped) return;
      const t0 = Date.now();
      log(`[embedded-postgres] the PostgreSQL server (pid ${p.pid}) died: ${p.exitReason()}; restarting it (crash recovery)`);
      try {
        const next = await launch(bins, user, args, conn, log);
        if (stopped) return void (await next.stop());
        pm = next;
        log(`[embedded-postgres] PostgreSQL restarted (pid ${next.pid}) after ${Date.now() - t0} ms`);
        sup.onRestart?.(next.pid, Date.now() - t0);
        supervise(next);
      } catch (err) {
        log(`[embedded-postgres] PostgreSQL could not be restarted: ${(err as Error).message}`);
        sup.onFatal(err as Error);
      }
    });
  };
  supervise(pm);

  const base = `postgres://${encodeURIComponent(PG_SUPERUSER)}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}`;
  const appBase = `postgres://${APP_ROLE}:${encodeURIComponent(appPassword)}@127.0.0.1:${opts.port}`;
  return {
    url: `${base}/${encodeURIComponent(opts.database)}`,
    appUrl: `${appBase}/${encodeURIComponent(opts.database)}`,
    adminUrl: `${base}/postgres`,
    dataDir,
    get pid() {
      return pm.pid;
    },
    stop: () => {
      stopped = true;
      return pm.stop();
    },
  };
}
