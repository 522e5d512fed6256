import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import type { DbUser } from './embedded-postgres-types';

const SERVICE_USER = 'postgres';

function lookupPasswd(name: string): { uid: number; gid: number } | undefined {
  try {
    for (const line of fs.readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f.length >= 4) return { uid: Number(f[2]), gid: Number(f[3]) };
    }
  } catch {
    // no /etc/passwd: try `id` below
  }
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status === 0 && gid.status === 0) {
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  return undefined;
}

/** Creates the system user; "already exists" (exit 9) from a parallel start is fine. */
function createServiceUser(): void {
  spawnSync('groupadd', ['--system', SERVICE_USER], { stdio: 'ignore' });
  const res = spawnSync(
    'useradd',
    ['--system', '-g', SERVICE_USER, '-M', '-s', '/usr/sbin/nologin', SERVICE_USER],
    { encoding: 'utf8' },
  );
  if (res.error) throw new Error(`cannot create OS user ${SERVICE_USER}: ${res.error.message}`);
  if (res.status !== 0 && res.status !== 9) {
    throw new Error(`useradd ${SERVICE_USER} failed (${res.status}): ${res.stderr.trim()}`);
  }
}

/**
 * The OS user that runs PostgreSQL: the current user, or `postgres` when we are
 * root (PostgreSQL refuses to run as root). Creates `postgres` if needed.
 */
export function resolveDbUser(): DbUser {
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  if (uid === undefined || gid === undefined) {
    return { name: os.userInfo().username, uid: -1, gid: -1 };
  }
  if (uid !== 0) return { name: os.userInfo().username, uid, gid };

  let ids = lookupPasswd(SERVICE_USER);
  if (!ids) {
    createServiceUser();
    ids = lookupPasswd(SERVICE_USER);
  }
  if (!ids || ids.uid === 0) {
    throw new Error(`running as root and no usable non-root OS user "${SERVICE_USER}" is available`);
  }
  return { name: SERVICE_USER, uid: ids.uid, gid: ids.gid, spawnIds: ids };
}
