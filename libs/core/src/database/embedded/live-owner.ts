import * as fs from 'fs';
import * as path from 'path';
import { isProcessAlive } from './process-alive';

export interface LiveServer {
  pid: number;
  port: number;
  ownerPid: number;
}

function parentOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid ...; comm may hold spaces, so split after the last ')'
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number.parseInt(after[1] ?? '', 10);
  } catch {
    return null;
  }
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * A postmaster that holds `dataDir` and is still owned by a running node
 * process (an API or CLI that is up), as opposed to one orphaned by a crash.
 */
export function findLiveOwnedServer(dataDir: string): LiveServer | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isFinite(pid) || !isProcessAlive(pid) || !cmdline(pid).includes('postgres')) return null;
  const ownerPid = parentOf(pid);
  if (!ownerPid || ownerPid === 1 || !isProcessAlive(ownerPid) || !/node/.test(cmdline(ownerPid))) return null;
  return { pid, port, ownerPid };
}
