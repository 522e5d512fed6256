import { spawn } from 'child_process';
import * as os from 'os';
import type { Readable } from 'stream';
import type { DbUser, PgBinaries } from './embedded-postgres-types';

const KILL_AFTER_MS = 15_000;
const KEEP_LINES = 40;
const INTERESTING = /\b(WARNING|ERROR|FATAL|PANIC):|ready to accept connections/;

/** A running (or finished) postmaster child process. */
export interface Postmaster {
  readonly pid: number;
  /** Set once the process has exited (or failed to spawn). */
  exitReason(): string | undefined;
  /** Last lines of server output, for error messages. */
  recentOutput(): string;
  /** SIGINT (fast shutdown), SIGKILL after 15 s; resolves on exit. Idempotent. */
  stop(): Promise<void>;
  /** Resolves when the process has exited, for whatever reason. */
  readonly exited: Promise<void>;
}

/** Spawns `postgres` as the DB user, forwarding only noteworthy output lines to `log`. */
export function spawnPostmaster(
  bins: PgBinaries,
  user: DbUser,
  args: string[],
  log: (line: string) => void,
): Postmaster {
  const child = spawn(bins.postgres, args, {
    cwd: os.tmpdir(),
    env: bins.env,
    detached: false,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(user.spawnIds ?? {}),
  });
  const pid = child.pid ?? -1;
  const lines: string[] = [];
  let exitReason: string | undefined;
  let resolveExit: () => void = () => undefined;
  const exited = new Promise<void>((resolve) => (resolveExit = resolve));

  const follow = (stream: Readable | null): void => {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > KEEP_LINES) lines.shift();
        if (INTERESTING.test(line)) log(`[postgres] ${line}`);
      }
    });
  };
  follow(child.stdout);
  follow(child.stderr);

  // last resort: never leave a postmaster behind when node exits
  const onProcessExit = (): void => {
    if (exitReason === undefined && pid > 0) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', onProcessExit);

  const finish = (reason: string): void => {
    if (exitReason !== undefined) return;
    exitReason = reason;
    process.off('exit', onProcessExit);
    resolveExit();
  };
  child.on('error', (err) => finish(`failed to start ${bins.postgres}: ${err.message}`));
  child.on('exit', (code, signal) => finish(`postgres exited with ${signal ?? `code ${code}`}`));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (exitReason !== undefined) return;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  return {
    pid,
    exitReason: () => exitReason,
    recentOutput: () => lines.join('\n'),
    stop,
    exited,
  };
}
