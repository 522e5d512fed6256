import { spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres';
import { resetEmbeddedData } from './reset';
import { isProcessAlive } from './process-alive';

jest.setTimeout(120_000);

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
 
const { Client } = require('pg') as { Client: new (url: string) => PgClient };

const isRoot = process.getuid?.() === 0;
const cleanup: string[] = [];
const handles: EmbeddedPostgresHandle[] = [];
const logs: string[] = [];
const log = (line: string): void => void logs.push(line);

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client(url);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Fresh dataRoot in a folder the DB user can reach (so `<dataRoot>/pg` is used). */
function reachableDataRoot(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grms-epg-spec-'));
  fs.chmodSync(dir, 0o755);
  cleanup.push(dir);
  return path.join(dir, '.data');
}

async function start(dataRoot: string, port: number): Promise<EmbeddedPostgresHandle> {
  const handle = await startEmbeddedPostgres({ dataRoot, port, database: 'grms_spec', ephemeral: true, log });
  handles.push(handle);
  if (!handle.dataDir.startsWith(path.dirname(dataRoot))) cleanup.push(path.dirname(handle.dataDir));
  return handle;
}

/** Runs the launcher in a separate node process; resolves with its url and postmaster pid. */
function startInChild(dataRoot: string, port: number) {
  const script = `
    require(${JSON.stringify(require.resolve('ts-node'))}).register({
      transpileOnly: true, compilerOptions: { module: 'commonjs' } });
    const { startEmbeddedPostgres } = require(${JSON.stringify(path.join(__dirname, 'embedded-postgres.ts'))});
    startEmbeddedPostgres(JSON.parse(process.argv[1])).then(
      (h) => { console.log('READY ' + JSON.stringify({ url: h.url, pid: h.pid })); setInterval(() => {}, 1000); },
      (e) => { console.error(e); process.exit(1); });`;
  const opts = JSON.stringify({ dataRoot, port, database: 'grms_spec', ephemeral: true });
  const child = spawn(process.execPath, ['-e', script, opts], {
    cwd: path.resolve(__dirname, '../../../../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<{ url: string; pid: number }>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /READY (\{.*\})/.exec(out);
      if (m?.[1]) resolve(JSON.parse(m[1]) as { url: string; pid: number });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before ready:\n${out}`)));
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, ready, exited };
}

afterAll(async () => {
  for (const h of handles) await h.stop();
  for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
});

describe('startEmbeddedPostgres', () => {
  it('starts a fresh cluster, serves queries and stops cleanly', async () => {
    const dataRoot = reachableDataRoot();
    const port = await freePort();
    const h = await start(dataRoot, port);

    expect(h.url).toMatch(new RegExp(`^postgres://grms:[^@]+@127\\.0\\.0\\.1:${port}/grms_spec$`));
    expect(h.adminUrl).toMatch(/\/postgres$/);
    expect(h.dataDir).toBe(path.join(dataRoot, 'pg'));
    expect(fs.statSync(h.dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataRoot, 'pg-password')).mode & 0o777).toBe(0o600);
    if (isRoot) expect(fs.statSync(h.dataDir).uid).not.toBe(0);

    expect(await query(h.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    expect(isProcessAlive(h.pid)).toBe(true);

    await h.stop();
    await h.stop(); // idempotent
    expect(isProcessAlive(h.pid)).toBe(false);
  });

  it('keeps data and the password across restarts', async () => {
    const dataRoot = reachableDataRoot();
    const port = await freePort();
    const first = await start(dataRoot, port);
    await query(first.url, 'create table kept (v int); insert into kept values (42)');
    await first.stop();

    const second = await start(dataRoot, port);
    expect(second.url).toBe(first.url);
    expect(second.dataDir).toBe(first.dataDir);
    expect(await query(second.url, 'select v from kept')).toEqual([{ v: 42 }]);
    await second.stop();
  });

  it('recovers after the owning node process was killed with -9', async () => {
    const dataRoot = reachableDataRoot();
    const port = await freePort();
    const { child, ready, exited } = startInChild(dataRoot, port);
    const orphan = await ready;
    await query(orphan.url, 'create table survived (v text); insert into survived values (\'yes\')');

    child.kill('SIGKILL');
    await exited;
    expect(isProcessAlive(orphan.pid)).toBe(true); // postgres outlived its parent, holding dir + port

    const h = await start(dataRoot, port);
    expect(isProcessAlive(orphan.pid)).toBe(false);
    expect(h.pid).not.toBe(orphan.pid);
    expect(await query(h.url, 'select v from survived')).toEqual([{ v: 'yes' }]);
    await h.stop();
  });

  it('supervised: reports a postmaster it cannot restart (the API then exits non-zero)', async () => {
    const dataRoot = reachableDataRoot();
    const port = await freePort();
    let fatal: ((e: Error) => void) | undefined;
    const failed = new Promise<Error>((resolve) => (fatal = resolve));
    const h = await startEmbeddedPostgres({ dataRoot, port, database: 'grms_spec', ephemeral: true, log, supervise: { onFatal: (e) => fatal!(e) } });
    handles.push(h);
    const moved = `${h.dataDir}-moved`;
    fs.renameSync(h.dataDir, moved); // the cluster is gone from where a restart looks for it
    cleanup.push(moved);
    process.kill(h.pid, 'SIGKILL');
    const err = await failed;
    expect(err.message).toMatch(/did not come up|exited/);
    expect(logs.some((l) => /could not be restarted/.test(l))).toBe(true);
  });

  const rootOnly = isRoot && fs.existsSync('/root') ? it : it.skip;
  rootOnly('falls back to the temp dir when the DB user cannot reach dataRoot', async () => {
    const privateDir = fs.mkdtempSync(path.join('/root', 'grms-epg-spec-'));
    cleanup.push(privateDir);
    fs.chmodSync(privateDir, 0o700);
    const dataRoot = path.join(privateDir, '.data');
    const port = await freePort();

    const first = await start(dataRoot, port);
    expect(first.dataDir.startsWith(path.join(os.tmpdir(), 'grms-data-'))).toBe(true);
    expect(path.basename(first.dataDir)).toBe('pg');
    expect(fs.existsSync(path.join(path.dirname(first.dataDir), 'pg-password'))).toBe(true);
    expect(logs.some((l) => l.includes(first.dataDir) && l.includes('not reachable'))).toBe(true);
    await query(first.url, 'create table fallback (v int)');
    await first.stop();

    // the same dataRoot maps to the same fallback cluster
    const second = await start(dataRoot, port);
    expect(second.dataDir).toBe(first.dataDir);
    expect(second.url).toBe(first.url);
    expect(await query(second.url, 'select count(*)::int as n from fallback')).toEqual([{ n: 0 }]);
    await second.stop();
    expect(isProcessAlive(second.pid)).toBe(false);

    // deleting the data root starts afresh: a new cluster, the old one removed
    fs.rmSync(dataRoot, { recursive: true, force: true });
    const third = await start(dataRoot, port);
    expect(third.dataDir).not.toBe(first.dataDir);
    expect(fs.existsSync(first.dataDir)).toBe(false);
    expect(await query(third.url, "select to_regclass('fallback') as t")).toEqual([{ t: null }]);

    // grms reset: refused while the server runs, then removes the data root and the cluster
    expect(() => resetEmbeddedData(dataRoot)).toThrow(/stop it first/);
    await third.stop();
    expect(resetEmbeddedData(dataRoot).sort()).toEqual([dataRoot, path.dirname(third.dataDir)].sort());
    expect(fs.existsSync(third.dataDir)).toBe(false);
    expect(fs.existsSync(dataRoot)).toBe(false);
  });
});
