import { spawn } from 'child_process';
import * as os from 'os';
import type { DbUser } from './embedded-postgres-types';

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

export interface RunOptions {
  user: DbUser;
  env?: NodeJS.ProcessEnv;
  input?: string;
  timeoutMs?: number;
}

/**
 * Runs a command as the DB user and collects stdout+stderr.
 * cwd is the temp dir: the caller's cwd may not be reachable for the DB user.
 */
export function runCommand(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: os.tmpdir(),
      env: opts.env ?? process.env,
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      ...(opts.user.spawnIds ?? {}),
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const timer =
      opts.timeoutMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.on('error', (err) => {
      if (timer) clearTimeout(timer);
      reject(new Error(`failed to run ${cmd}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, output });
    });
    if (opts.input !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined); // process may exit before reading everything
      child.stdin.end(opts.input);
    }
  });
}
