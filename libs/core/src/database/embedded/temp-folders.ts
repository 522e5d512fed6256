import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { tempClusterDirs } from './data-dir';

/** Something living in one of the folders (an embedded cluster, a standby, an API): stopped before they go. */
export interface Stoppable {
  stop(): Promise<unknown>;
}

/**
 * The temp folders one test file, test run or bench makes, and only those,
 * removed together at its end (from an afterAll or a finally, so also when a
 * test fails). A folder given to an embedded PostgreSQL as its data root goes
 * with the cluster folder that PostgreSQL moved to the temp dir when the data
 * root was not reachable for its OS user (under root): the one named after
 * that very root. Another run may use the temp dir at the same time, so
 * nothing is removed by a name's prefix alone.
 */
export class TempFolders {
  private readonly folders: string[] = [];
  private readonly servers: Stoppable[] = [];

  /** A new private folder `<temp dir>/<prefix>XXXXXX`, removed by {@link removeAll}. */
  make(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.folders.push(dir);
    return dir;
  }

  /** A server that lives in one of the folders: {@link removeAll} stops it (again: stop is idempotent) first. */
  stopFirst<T extends Stoppable>(server: T): T {
    this.servers.push(server);
    return server;
  }

  /**
   * Stops the servers, then removes every folder made here (newest first)
   * with its cluster folder in the temp dir. Goes on past a failure and
   * throws the first one at the end. Returns what it removed.
   */
  async removeAll(): Promise<string[]> {
    let failure: unknown;
    for (const server of this.servers.splice(0).reverse()) {
      try {
        await server.stop();
      } catch (err) {
        failure ??= err;
      }
    }
    const removed: string[] = [];
    for (const dir of this.folders.splice(0).reverse()) {
      for (const target of [...tempClusterDirs(dir), dir]) {
        if (!fs.existsSync(target)) continue;
        try {
          // a backend of a killed postmaster may still be finishing its last write: retry a while
          fs.rmSync(target, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
          removed.push(target);
        } catch (err) {
          failure ??= err;
        }
      }
    }
    if (failure) throw failure;
    return removed;
  }
}
