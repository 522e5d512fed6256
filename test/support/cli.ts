import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { testDataDir } from './run-folder';

/** Runs `grms <args>` (the CLI from source) over `databaseUrl`, with the test apps' data folder (their audit keys). */
export function runCli(databaseUrl: string, args: string[]): Promise<{ code: number | null; out: string }> {
  const root = join(__dirname, '..', '..');
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, 'apps/cli/src/main.ts'), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_OWNER_URL: '', NODE_ENV: 'test', GRMS_DATA_DIR: testDataDir(), TS_NODE_PROJECT: join(root, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d) => { out += String(d); });
    proc.stderr.on('data', (d) => { out += String(d); });
    proc.on('exit', (code) => resolve({ code, out }));
  });
}
