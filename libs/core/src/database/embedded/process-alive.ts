import * as fs from 'fs';

/** True if `pid` exists and is not a zombie (orphans may wait unreaped for a while). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // format: "pid (comm) STATE ..." - comm may contain spaces/parens
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    // no /proc (macOS): trust kill(0); otherwise it just exited
    return !fs.existsSync('/proc/self/stat');
  }
}
