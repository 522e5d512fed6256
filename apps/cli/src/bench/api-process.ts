import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

// The API in a process of its own (`node dist/apps/api/src/main.js`) against
// the bench database, so that its memory can be read without the bench
// driver, the data set generator and the HTTP client in the same process.

/** The heap flags of `npm start` and of docs/operations.md (decision 0056): the bench measures the API as it is run. */
export const API_NODE_FLAGS = ['--max-old-space-size=160', '--max-semi-space-size=8'];

export interface ApiProcess {
  pid: number;
  baseUrl: string;
  token(username: string): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => res(p)); });
    s.on('error', rej);
  });
}

/** Starts the built API (the `dist` next to this file) on a free port (or `env.PORT`) and waits until it serves. */
export async function startApiProcess(databaseUrl: string, dataDir: string, env: Record<string, string> = {}, nodeFlags: string[] = API_NODE_FLAGS): Promise<ApiProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const main = join(__dirname, '..', '..', '..', 'api', 'src', 'main.js');
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, main], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      // the bench's data folder: the same audit keys as the API the bench started
      PATH: process.env.PATH ?? '', NODE_ENV: 'development', DATABASE_URL: databaseUrl, GRMS_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port),
      LOG_LEVEL: 'silent', JWT_SECRET: randomBytes(32).toString('hex'), SEED_DEMO: 'false', ...env,
    },
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => { output = (output + d.toString()).slice(-4000); });
  child.stderr!.on('data', (d: Buffer) => { output = (output + d.toString()).slice(-4000); });
  let closed = false;
  const exited = new Promise<void>((res) => child.once('close', () => { closed = true; res(); }));
  const baseUrl = `http://127.0.0.1:${port}/api/v1`;
  await new Promise<void>((res, rej) => {
    const started = Date.now();
    const poll = () => {
      if (closed) return rej(new Error(`the API process exited (${child.exitCode}): ${output}`));
      if (/GRMS is serving/.test(output)) return res();
      if (Date.now() - started > 120_000) return rej(new Error(`the API process did not start within 120 s: ${output}`));
      setTimeout(poll, 100);
    };
    poll();
  });
  const tokens = new Map<string, string>();
  return {
    pid: child.pid!,
    baseUrl,
    async token(u) {
      if (!tokens.has(u)) {
        const r = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: 'grms-demo' }) });
        tokens.set(u, ((await r.json()) as { accessToken: string }).accessToken);
      }
      return tokens.get(u)!;
    },
    async stop() {
      if (!closed) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface ProcessMemory {
  /** resident set now, bytes */
  rss: number;
  /** the highest resident set since the process started, bytes */
  hwm: number;
}

/** VmRSS and VmHWM of a process, from /proc (Linux). */
export function processMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak seen and the last high-water mark. */
export function sampleMemory(pid: number, everyMs = 50): { stop(): ProcessMemory & { peak: number } } {
  let peak = 0;
  let last: ProcessMemory = { rss: 0, hwm: 0 };
  const read = () => { try { last = processMemory(pid); peak = Math.max(peak, last.rss); } catch { /* the process is gone */ } };
  read();
  const timer = setInterval(read, everyMs);
  return { stop() { clearInterval(timer); read(); return { ...last, peak }; } };
}
