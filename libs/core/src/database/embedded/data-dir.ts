import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { DbUser } from './embedded-postgres-types';

function nearestExisting(dir: string): string {
  let d = dir;
  while (!fs.existsSync(d) && path.dirname(d) !== d) d = path.dirname(d);
  return d;
}

/** Runs `test` as the DB user (root case) or checks access directly (same user). */
function userCan(dir: string, user: DbUser, needWrite: boolean): boolean {
  if (!user.spawnIds) {
    try {
      fs.accessSync(dir, fs.constants.X_OK | (needWrite ? fs.constants.W_OK : 0));
      return true;
    } catch {
      return false;
    }
  }
  const script = needWrite ? 'test -x "$1" && test -w "$1"' : 'test -x "$1"';
  const res = spawnSync('sh', ['-c', script, 'sh', dir], {
    ...user.spawnIds,
    cwd: '/',
    stdio: 'ignore',
  });
  return res.status === 0;
}

/**
 * Can `<parent>/pg` live here? As root we create missing folders ourselves and
 * chown the data dir, so the DB user only has to be able to traverse to it;
 * otherwise the nearest existing folder must be writable by us.
 */
function usable(parent: string, user: DbUser): boolean {
  const existing = nearestExisting(parent);
  if (!fs.statSync(existing).isDirectory()) return false;
  return userCan(existing, user, !user.spawnIds);
}

/** mkdir -p; as root, folders we create are made traversable for the DB user. */
function mkdirs(dir: string, user: DbUser): void {
  if (fs.existsSync(dir)) return;
  mkdirs(path.dirname(dir), user);
  fs.mkdirSync(dir);
  if (user.spawnIds) fs.chmodSync(dir, 0o755);
}

/** A private folder in the (shared) temp dir must really be ours. */
function ensurePrivateTempDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { mode: 0o711 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const st = fs.lstatSync(dir);
  if (!st.isDirectory() || st.uid !== process.getuid?.() || (st.mode & 0o022) !== 0) {
    throw new Error(`refusing to use ${dir}: not a directory owned by us and private`);
  }
  fs.chmodSync(dir, 0o711);
}

/**
 * Picks the cluster folder: `<dataRoot>/pg` if the DB user can use it, else
 * `<tmp>/grms-data-<hash of dataRoot>/pg`. The parent folder exists on return.
 */
export function chooseDataDir(dataRoot: string, user: DbUser, log: (line: string) => void): string {
  const root = path.resolve(dataRoot);
  if (usable(root, user)) {
    mkdirs(root, user);
    return path.join(root, 'pg');
  }
  const hash = createHash('sha256').update(root).digest('hex').slice(0, 12);
  const base = path.join(os.tmpdir(), `grms-data-${hash}`);
  ensurePrivateTempDir(base);
  const dataDir = path.join(base, 'pg');
  log(`[embedded-postgres] ${root} is not reachable for OS user "${user.name}"; cluster lives in ${dataDir}`);
  return dataDir;
}

function chownTree(p: string, uid: number, gid: number): void {
  fs.lchownSync(p, uid, gid);
  const st = fs.lstatSync(p);
  if (!st.isDirectory()) return;
  for (const name of fs.readdirSync(p)) chownTree(path.join(p, name), uid, gid);
}

/** Creates `dir` if needed, owned by the DB user, mode 0700. */
export function ensureOwnedDir(dir: string, user: DbUser): void {
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { mode: 0o700 });
  if (user.spawnIds) {
    const st = fs.statSync(dir);
    const { uid, gid } = user.spawnIds;
    if (st.uid !== uid || st.gid !== gid) chownTree(dir, uid, gid);
  }
  fs.chmodSync(dir, 0o700);
}
