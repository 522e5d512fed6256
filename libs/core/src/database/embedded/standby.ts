import * as fs from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import { chooseDataDir, ensureOwnedDir } from './data-dir';
import { resolveDbUser } from './db-user';
import { resolvePgBinaries } from './pg-binaries';
import { spawnPostmaster } from './postmaster-process';
import { waitForServer } from './server-ready';
import { PG_SUPERUSER } from './embedded-postgres-types';

export interface EmbeddedStandbyOptions {
  /** The primary as its superuser (any database): takes the base backup. */
  primaryAdminUrl: string;
  /** The primary's data directory (`EmbeddedPostgresHandle.dataDir`), copied while the backup runs. */
  primaryDataDir: string;
  /** A role with REPLICATION that pg_hba lets in for replication from 127.0.0.1. */
  replication: { user: string; password: string };
  /** Folder for the standby's cluster (its own, empty). */
  dataRoot: string;
  port: number;
  /** fsync off, as the test clusters. */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedStandbyHandle {
  /** postgres://… of the standby as the cluster superuser, database 'postgres'. */
  adminUrl: string;
  dataDir: string;
  readonly pid: number;
  /** Fast shutdown; resolves when the postmaster has exited. Idempotent. */
  stop(): Promise<void>;
}

// Left out of a base backup (PostgreSQL's "Making a base backup using the low level API"):
// the server's own run files, and the contents of these folders (the folders themselves stay).
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'standby.signal', 'recovery.signal']);
const EMPTY_DIRS = new Set(['pg_wal', 'pg_replslot', 'pg_stat_tmp', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans']);

/** Copies a live data directory; a file the server removes meanwhile is skipped (WAL replay restores what matters). */
function copyLive(from: string, to: string, top = true): void {
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) {
      if (top && EMPTY_DIRS.has(e.name)) {
        fs.mkdirSync(dst, { mode: 0o700 });
        if (e.name === 'pg_wal') fs.mkdirSync(path.join(dst, 'archive_status'), { mode: 0o700 });
      } else {
        copyLive(src, dst, false);
      }
    } else if (e.isFile() && !(top && SKIP_FILES.has(e.name))) {
      try {
        fs.copyFileSync(src, dst);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  }
}

/** The replication user may connect for replication from 127.0.0.1 (first line of pg_hba.conf; the server must reload). */
function allowReplication(primaryDataDir: string, replicationUser: string): void {
  const hba = path.join(primaryDataDir, 'pg_hba.conf');
  const line = `host replication ${replicationUser} 127.0.0.1/32 scram-sha-256`;
  const text = fs.readFileSync(hba, 'utf8');
  if (!text.split('\n').includes(line)) fs.writeFileSync(hba, `${line}\n${text}`);
}

const quoteConn = (v: string): string => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * A hot standby of an embedded cluster on 127.0.0.1, streaming from it
 * (decision 0053). The embedded binaries have no pg_basebackup, so the base
 * backup is taken with the low-level API: pg_backup_start on one session,
 * a copy of the data directory, pg_backup_stop, its label written as
 * backup_label; standby.signal and primary_conninfo (with a physical
 * replication slot, so the primary keeps the WAL the standby still needs)
 * make the copy a streaming standby. The primary needs wal_level=replica
 * (PostgreSQL's default) and max_wal_senders > 0.
 */
export async function startEmbeddedStandby(opts: EmbeddedStandbyOptions): Promise<EmbeddedStandbyHandle> {
  const log = opts.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const user = resolveDbUser();
  const bins = resolvePgBinaries(user);
  const dataDir = chooseDataDir(opts.dataRoot, user, log);
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) throw new Error(`${dataDir} already holds a cluster: give the standby an empty folder`);
  const slot = `grms_standby_${opts.port}`;

  allowReplication(opts.primaryDataDir, opts.replication.user);
  const primary = new Client({ connectionString: opts.primaryAdminUrl });
  primary.on('error', () => undefined);
  await primary.connect();
  try {
    await primary.query(`SELECT pg_reload_conf()`);
    await primary.query(`SELECT pg_create_physical_replication_slot($1, true)`, [slot]);
    await primary.query(`SELECT pg_backup_start('grms-standby', true)`);
    let label: { labelfile: string; spcmapfile: string | null };
    try {
      copyLive(opts.primaryDataDir, dataDir);
    } finally {
      label = (await primary.query(`SELECT labelfile, spcmapfile FROM pg_backup_stop(false)`)).rows[0];
    }
    fs.writeFileSync(path.join(dataDir, 'backup_label'), label.labelfile);
    if (label.spcmapfile) fs.writeFileSync(path.join(dataDir, 'tablespace_map'), label.spcmapfile);
  } finally {
    await primary.end().catch(() => undefined);
  }
  const p = new URL(opts.primaryAdminUrl);
  const conninfo = [
    `host=${p.hostname}`, `port=${p.port || 5432}`, `user=${quoteConn(opts.replication.user)}`,
    `password=${quoteConn(opts.replication.password)}`, `application_name=${slot}`,
  ].join(' ');
  fs.writeFileSync(path.join(dataDir, 'standby.signal'), '');
  fs.appendFileSync(path.join(dataDir, 'postgresql.auto.conf'), `\nprimary_conninfo = ${quoteConn(conninfo)}\nprimary_slot_name = '${slot}'\n`);
  // the copy (made by this process) becomes the DB user's, private, as the primary's
  ensureOwnedDir(dataDir, user);

  const settings = [
    'listen_addresses=127.0.0.1', 'unix_socket_directories=', 'max_connections=200', 'hot_standby=on',
    ...(opts.ephemeral ? ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'] : []),
  ];
  const pm = spawnPostmaster(bins, user, ['-D', dataDir, '-p', String(opts.port), ...settings.flatMap((s) => ['-c', s])], log);
  const password = decodeURIComponent(p.password);
  try {
    await waitForServer({ host: '127.0.0.1', port: opts.port, user: PG_SUPERUSER, password }, pm, 60_000);
  } catch (err) {
    await pm.stop();
    throw err;
  }
  const admin = new URL(opts.primaryAdminUrl);
  admin.port = String(opts.port);
  admin.pathname = '/postgres';
  return { adminUrl: admin.toString(), dataDir, pid: pm.pid, stop: () => pm.stop() };
}
