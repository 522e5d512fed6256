import { spawnSync } from 'child_process';
import { createHash, randomBytes } from 'crypto';
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

/** Names, in the data root, the temp folder that holds the cluster when the DB user cannot reach the root. */
export const CLUSTER_LOCATION_FILE = 'cluster-location';

function tempBase(root: string): string {
  const hash = createHash('sha256').update(root).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `grms-data-${hash}`);
}

/**
 * What to remove to delete a stopped cluster with everything it left: the
 * temp folder it lives in when its data root was not reachable for its OS user
 * (`grms-data-<hash>-<random>` in the temp dir), or else the cluster's folder.
 */
export function clusterFolder(dataDir: string): string {
  const parent = path.dirname(dataDir);
  return path.dirname(parent) === os.tmpdir() && path.basename(parent).startsWith('grms-data-') ? parent : dataDir;
}

/**
 * The temp folders that may hold a cluster for `dataRoot`: the one the data
 * root names, and older ones for the same path (left when `.data/` was deleted).
 */
export function tempClusterDirs(dataRoot: string): string[] {
  const root = path.resolve(dataRoot);
  const prefix = path.basename(tempBase(root));
  try {
    return fs.readdirSync(os.tmpdir()).filter((n) => n === prefix || n.startsWith(`${prefix}-`)).map((n) => path.join(os.tmpdir(), n));
  } catch {
    return [];
  }
}

function locateTempCluster(root: string, log: (line: string) => void): string {
  fs.mkdirSync(root, { recursive: true });
  const marker = path.join(root, CLUSTER_LOCATION_FILE);
  const named = fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').trim() : '';
  if (named && path.dirname(named) === os.tmpdir() && path.basename(named).startsWith(path.basename(tempBase(root)))) return named;
  const base = `${tempBase(root)}-${randomBytes(4).toString('hex')}`;
  for (const old of tempClusterDirs(root)) {
    // a fresh data root: clusters left by an earlier one are removed unless a server may still run on them
    if (!fs.existsSync(path.join(old, 'pg', 'postmaster.pid'))) fs.rmSync(old, { recursive: true, force: true });
    else log(`[embedded-postgres] left ${old} in place: a server may still run on it`);
  }
  fs.writeFileSync(marker, `${base}\n`);
  return base;
}

/**
 * Picks the cluster folder: `<dataRoot>/pg` if the DB user can use it, else a
 * private folder under the system temp dir. That folder is named by a file in
 * the data root (`cluster-location`), so deleting the data root really starts
 * afresh: the next start makes a new folder (and removes the old, stopped
 * ones of the same path). The parent folder exists on return.
 */
export function chooseDataDir(dataRoot: string, user: DbUser, log: (line: string) => void): string {
  const root = path.resolve(dataRoot);
  if (usable(root, user)) {
    mkdirs(root, user);
    return path.join(root, 'pg');
  }
  let base: string;
  try {
    base = locateTempCluster(root, log);
  } catch {
    base = tempBase(root); // the data root is not writable for us either: one folder per path
  }
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
