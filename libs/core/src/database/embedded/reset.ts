import * as fs from 'fs';
import * as path from 'path';
import { tempClusterDirs } from './data-dir';
import { findLiveOwnedServer } from './live-owner';

/**
 * `grms reset --yes`: removes the embedded database and the generated
 * secrets (the data root, and the cluster folder in the temp dir when it
 * lives there), so the next start is a first start. Refused while a server
 * still runs on them. Returns the folders removed.
 */
export function resetEmbeddedData(dataRoot: string): string[] {
  const root = path.resolve(dataRoot);
  const clusters = [path.join(root, 'pg'), ...tempClusterDirs(root).map((d) => path.join(d, 'pg'))];
  for (const dir of clusters) {
    const live = findLiveOwnedServer(dir);
    if (live) throw new Error(`a running process (pid ${live.ownerPid}) serves the embedded database in ${dir}; stop it first`);
  }
  const removed: string[] = [];
  for (const dir of [root, ...tempClusterDirs(root)]) {
    if (!fs.existsSync(dir)) continue;
    fs.rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
