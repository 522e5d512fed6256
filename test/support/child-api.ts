import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const port = (s.address() as { port: number }).port; s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

export interface ChildApi {
  base: string;
  proc: ChildProcess;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the API in its own process over `databaseUrl` and waits until it listens. */
export async function startChildApi(databaseUrl: string, port: number): Promise<ChildApi> {
  const root = join(__dirname, '..', '..');
  const proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(root, 'test/support/api-child.ts')], {
    cwd: root, env: { ...process.env, CHILD_DATABASE_URL: databaseUrl, CHILD_PORT: String(port), TS_NODE_PROJECT: join(root, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (d) => { err += String(d); });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child API did not start: ${err}`)), 90_000);
    proc.stdout!.on('data', (d) => { if (String(d).includes('READY')) { clearTimeout(timer); resolve(); } });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`child API exited (${code}): ${err}`)); });
  });
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return {
    base: `http://127.0.0.1:${port}`,
    proc,
    kill9: async () => { proc.kill('SIGKILL'); await exited; },
    stop: async () => { if (proc.exitCode === null && proc.signalCode === null) { proc.kill('SIGTERM'); await exited; } },
  };
}

/** A JSON request against the child API. Network errors come back as status 0. */
export async function call(base: string, method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    const res = await fetch(`${base}/api/v1${path}`, {
      method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  } catch {
    return { status: 0, body: {} };
  }
}
