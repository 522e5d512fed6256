import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureOwnedDir } from './data-dir';
import { PG_SUPERUSER, type DbUser, type PgBinaries } from './embedded-postgres-types';
import { runCommand } from './run-command';

/** The password file lives next to the data dir: the one source of truth. */
export function passwordFileFor(dataDir: string): string {
  return path.join(path.dirname(dataDir), 'pg-password');
}

const newPassword = (): string => randomBytes(24).toString('base64url');

function readPassword(file: string): string | undefined {
  try {
    const pw = fs.readFileSync(file, 'utf8').trim();
    return pw.length > 0 ? pw : undefined;
  } catch {
    return undefined;
  }
}

/** Atomic write, mode 0600 (owned by the node process user). */
function writePassword(file: string, password: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, `${password}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

function tail(output: string): string {
  return output.trim().split('\n').slice(-15).join('\n');
}

async function runInitdb(dir: string, password: string, user: DbUser, bins: PgBinaries, fast: boolean): Promise<void> {
  // pwfile in a private temp folder that the DB user can read; removed afterwards
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'grms-initdb-'));
  const pwfile = path.join(tmp, 'pw');
  try {
    fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (user.spawnIds) {
      fs.chownSync(tmp, user.spawnIds.uid, user.spawnIds.gid);
      fs.chownSync(pwfile, user.spawnIds.uid, user.spawnIds.gid);
    }
    const args = ['-D', dir, '-U', PG_SUPERUSER, '--auth=scram-sha-256', `--pwfile=${pwfile}`];
    args.push('-E', 'UTF8', '--locale=C', '--no-instructions', ...(fast ? ['--no-sync'] : []));
    const res = await runCommand(bins.initdb, args, { user, env: bins.env, timeoutMs: 120_000 });
    if (res.code !== 0) {
      throw new Error(`initdb failed (exit ${res.code ?? res.signal}):\n${tail(res.output)}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Existing cluster whose password file got lost: set a new password in single-user mode. */
async function resetPassword(dataDir: string, password: string, user: DbUser, bins: PgBinaries): Promise<void> {
  const args = ['--single', '-D', dataDir, '-c', 'listen_addresses=', '-c', 'unix_socket_directories=', 'postgres'];
  const res = await runCommand(bins.postgres, args, {
    user,
    env: bins.env,
    input: `ALTER ROLE "${PG_SUPERUSER}" WITH PASSWORD '${password}';\n`,
    timeoutMs: 60_000,
  });
  if (res.code !== 0 || /\b(ERROR|FATAL|PANIC):/.test(res.output)) {
    throw new Error(`cannot reset the password of ${dataDir}:\n${tail(res.output)}`);
  }
}

/**
 * Makes sure `dataDir` holds a cluster and returns the superuser password.
 * A new cluster is built next to it and renamed into place, so a crash during
 * initdb never leaves a half-initialised cluster behind.
 * Must run while no postmaster uses `dataDir`.
 */
export async function ensureCluster(
  dataDir: string,
  user: DbUser,
  bins: PgBinaries,
  fast: boolean,
  log: (line: string) => void,
): Promise<string> {
  const pwFile = passwordFileFor(dataDir);
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    ensureOwnedDir(dataDir, user);
    const existing = readPassword(pwFile);
    if (existing) return existing;
    log(`[embedded-postgres] ${pwFile} is missing; setting a new password for the existing cluster`);
    const password = newPassword();
    await resetPassword(dataDir, password, user, bins);
    writePassword(pwFile, password);
    return password;
  }

  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster; move it away`);
  }
  const initDir = `${dataDir}.initdb`;
  fs.rmSync(initDir, { recursive: true, force: true });
  ensureOwnedDir(initDir, user);
  const password = newPassword();
  log(`[embedded-postgres] initialising a new cluster in ${dataDir}`);
  await runInitdb(initDir, password, user, bins, fast);
  writePassword(pwFile, password);
  if (fs.existsSync(dataDir)) fs.rmdirSync(dataDir);
  fs.renameSync(initDir, dataDir);
  return password;
}
