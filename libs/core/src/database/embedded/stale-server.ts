import * as fs from 'fs';
import * as path from 'path';
import type { DbUser, PgBinaries } from './embedded-postgres-types';
import { isProcessAlive } from './process-alive';
import { runCommand } from './run-command';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/** Guards against PID reuse: is `pid` really a postgres process? */
function looksLikePostgres(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return !fs.existsSync('/proc/self/cmdline'); // no /proc: assume it is
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/**
 * A postmaster left behind by a killed node process may still hold the data
 * dir (and the port). Stop it: `pg_ctl stop -m fast`, else SIGINT, else SIGKILL.
 * A pid file with a dead PID is left to postgres, which checks shared memory itself.
 */
export async function stopStaleServer(
  dataDir: string,
  user: DbUser,
  bins: PgBinaries,
  log: (line: string) => void,
): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return; // no pid file: nothing running
  }
  if (!isProcessAlive(pid)) return;
  if (!looksLikePostgres(pid)) {
    // PID was reused by an unrelated process: postgres would refuse to start
    fs.rmSync(pidFile, { force: true });
    return;
  }

  log(`[embedded-postgres] stopping leftover postgres (pid ${pid}) that holds ${dataDir}`);
  const res = await runCommand(bins.pgCtl, ['-D', dataDir, 'stop', '-m', 'fast', '-w', '-t', '20'], {
    user,
    env: bins.env,
    timeoutMs: 30_000,
  });
  if (res.code === 0 && (await waitForExit(pid, 5_000))) return;

  signal(pid, 'SIGINT');
  if (await waitForExit(pid, 10_000)) return;
  signal(pid, 'SIGKILL');
  if (!(await waitForExit(pid, 5_000))) {
    throw new Error(`cannot stop leftover postgres (pid ${pid}) holding ${dataDir}`);
  }
}
