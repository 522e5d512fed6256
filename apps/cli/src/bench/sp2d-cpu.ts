import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { jsonClient } from './json-client';
import { createPendingSpms, PendingSpm } from './pending-spms';
import { SP2D_PGBENCH_SCRIPT, SP2D_PGBENCH_SCRIPT_BEFORE_0029 } from './sp2d-pgbench.script';

// CPU per SP2D of each process of the SP2D benchmark (decision 0028), on a
// running API and its database (a copy of the province): PostgreSQL (the
// postmaster, its live backends and the ones that ended), the API's process,
// the load generator (this process: undici's fetch as `grms bench` had it, or
// node:http with a keep-alive Agent as it has now) and pgbench running the
// bench's script. Rounds alternate the kinds over the same database: `fetch`
// and `http` (the API at API), `old` (node:http to a second API, OLD_API, e.g.
// an older build over the same database), `pgbench` and `pgbench-before` (the
// script before decision 0029). Not a test; run by hand:
//   URL=postgres://grms:...@127.0.0.1:27101/grms API=http://127.0.0.1:27102/api/v1 API_PID=<pid> PG_PID=<postmaster pid> \
//   [OLD_API=http://127.0.0.1:27103/api/v1 OLD_API_PID=<pid>] [ALL_API_PIDS=<pid>,<pid>] KINDS=fetch,http,pgbench ROUNDS=3 N=480 CLIENTS=16 node dist/apps/cli/src/bench/sp2d-cpu.js

const TICK_MS = 1000 / 100; // USER_HZ

/** utime+stime (and, with children, cutime+cstime) of one process, in ms. */
export function cpuOf(pid: number, children = false): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
  return ticks * TICK_MS;
}

/** The postmaster with the backends that ended (its children's time) and the live ones. */
export function postgresCpu(postmaster: number): number {
  let total = cpuOf(postmaster, true);
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) total += cpuOf(Number(d));
    } catch {
      // a backend that ended while read: its time is in the postmaster's children's
    }
  }
  return total;
}

export const selfCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
/** CPU of this process's children that ended and were waited for (pgbench run by spawnSync), in ms. */
export const selfChildrenCpu = () => cpuOf(process.pid, true) - cpuOf(process.pid);

/** The postmaster of the database behind `pool`, when it runs on this machine (the parent of a backend); else null. */
export async function postmasterOf(pool: Pool): Promise<number | null> {
  const [{ pid }] = (await pool.query('SELECT pg_backend_pid() AS pid')).rows;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

type Send = (path: string, body: unknown, headers: Record<string, string>) => Promise<{ status: number }>;

async function issue(send: Send, spms: PendingSpm[], clients: number, tag: string): Promise<{ seconds: number; failed: number }> {
  let next = 0;
  let failed = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, async () => {
    for (let i = next++; i < spms.length; i = next++) {
      const go = () => send('/penatausahaan/sp2d', { spmId: spms[i].spmId }, { 'Idempotency-Key': `cpu-${tag}-${i}-${spms[i].spmId}` });
      const res = await go().catch(go);
      if (res.status !== 201) failed++;
    }
  }));
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, failed };
}

async function main(): Promise<void> {
  const env = (k: string, d?: string) => { const v = process.env[k] ?? d; if (v === undefined) throw new Error(`${k} is required`); return v; };
  const url = env('URL');
  const api = env('API');
  const apiPid = Number(env('API_PID'));
  const pgPid = Number(env('PG_PID'));
  const rounds = Number(env('ROUNDS', '3'));
  const n = Number(env('N', '480'));
  const clients = Number(env('CLIENTS', '16'));
  const kinds = env('KINDS', 'fetch,http,pgbench').split(',');
  const pool = new Pool({ connectionString: url, max: 4 });
  const login = async (at: string) => {
    const r = await fetch(`${at}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cash-authority', password: 'grms-demo' }) });
    return ((await r.json()) as { accessToken: string }).accessToken;
  };
  // HOT=1: every SP2D on the one budget line with the most left to pay, 100.00 each (the bench's hot-line row)
  const hot = process.env.HOT === '1';
  const lines = hot ? (await pool.query(`SELECT l.id, l.organization_id AS "orgId" FROM budget_lines l JOIN organizations o ON o.id = l.organization_id
    WHERE o.code LIKE '91.%' ORDER BY l.allotted - l.disbursed DESC LIMIT 1`)).rows : (await pool.query(`
    SELECT id, organization_id AS "orgId" FROM (
      SELECT l.id, l.organization_id, row_number() OVER (PARTITION BY l.organization_id ORDER BY l.appropriated DESC) AS r
      FROM budget_lines l JOIN organizations o ON o.id = l.organization_id WHERE o.code LIKE '91.%' AND l.allotted - l.disbursed - l.committed > 100000) s
    WHERE r <= 16 ORDER BY r, organization_id LIMIT $1`, [n])).rows;
  const oldApi = process.env.OLD_API;
  const oldApiPid = Number(process.env.OLD_API_PID ?? 0);
  // every API process on the database (ALL_API_PIDS, comma-separated): each runs an audit sequencer, and whichever
  // chains a batch pays for it, so the sum over them is the API side's cost whatever process served the run
  const allApis = (process.env.ALL_API_PIDS ?? '').split(',').filter(Boolean).map(Number);
  const allApiCpu = () => allApis.reduce((t, pid) => t + cpuOf(pid), 0);
  const http = jsonClient(api, clients);
  const oldHttp = oldApi ? jsonClient(oldApi, clients) : undefined;
  const stamp = Date.now().toString(36);
  const dir = mkdtempSync(join(tmpdir(), 'grms-sp2d-cpu-'));
  const say = (s: string) => process.stdout.write(`${s}\n`);
  say(`${hot ? `${n} SP2Ds on one hot line` : `${lines.length} distinct lines`}, ${clients} clients, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  say('round\tkind\tSP2D/s\tfailed\tpostgres ms/SP2D\tAPI ms/SP2D\tgenerator ms/SP2D\tall APIs ms/SP2D');
  try {
    for (let r = 1; r <= rounds; r++) {
      for (const [k, kind] of kinds.entries()) {
        const spms = await createPendingSpms(pool, lines, hot ? n : 1, hot ? '100.00' : '1000.00', `cpu${stamp}${r}${kind}${k}`);
        await pool.query('ANALYZE spm; ANALYZE spp');
        let run: () => Promise<{ seconds: number; failed: number }>;
        let generator: () => number = selfCpu;
        const measured = kind === 'old' ? oldApiPid : apiPid;
        if (kind.startsWith('pgbench')) {
          const queue = `cpu_queue_${stamp}_${r}_${k}`;
          await pool.query(`CREATE TABLE ${queue} (n bigint PRIMARY KEY, spm_id uuid, spp_id uuid, line_id uuid, org_id uuid, amount numeric(20,2), user_id uuid)`);
          await pool.query(`CREATE SEQUENCE ${queue}_seq`);
          await pool.query(`INSERT INTO ${queue} SELECT row_number() OVER (), *, (SELECT id FROM users WHERE username = 'cash-authority') FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::numeric[])`,
            [spms.map((s) => s.spmId), spms.map((s) => s.sppId), spms.map((s) => s.lineId), spms.map((s) => s.orgId), spms.map((s) => s.amount)]);
          const file = join(dir, `${queue}.sql`);
          writeFileSync(file, (kind === 'pgbench-before' ? SP2D_PGBENCH_SCRIPT_BEFORE_0029 : SP2D_PGBENCH_SCRIPT).replace(/bench_queue/g, queue));
          const u = new URL(url);
          generator = selfChildrenCpu;
          run = async () => {
            const t0 = process.hrtime.bigint();
            const res = spawnSync('pgbench', ['-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-t', String(Math.floor(spms.length / clients)),
              '-h', u.hostname, '-p', u.port, '-U', decodeURIComponent(u.username), '-f', file, u.pathname.slice(1)],
            { encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } });
            const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(res.stdout);
            if (!tps) throw new Error(`pgbench failed: ${(res.stderr || res.stdout).slice(0, 400)}`);
            const failed = Number(/number of failed transactions: (\d+)/.exec(res.stdout)?.[1] ?? 0);
            return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, failed, tps: Number(tps[1]) };
          };
        } else {
          const token = await login(kind === 'old' ? oldApi! : api);
          const headers = { authorization: `Bearer ${token}` };
          const send: Send = kind === 'fetch'
            ? async (path, body, h) => {
              const res = await fetch(api + path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', ...h }, body: JSON.stringify(body) });
              const text = await res.text();
              return { status: res.status, body: text ? JSON.parse(text) : null };
            }
            : (path, body, h) => (kind === 'old' ? oldHttp! : http).send('POST', path, body, { ...headers, ...h });
          run = () => issue(send, spms, clients, `${stamp}${r}${kind}${k}`);
        }
        const pg0 = postgresCpu(pgPid);
        const api0 = cpuOf(measured);
        const all0 = allApiCpu();
        const gen0 = generator();
        const res = await run();
        const pg = postgresCpu(pgPid) - pg0;
        const apiMs = cpuOf(measured) - api0;
        const allMs = allApiCpu() - all0;
        const gen = generator() - gen0;
        const done = spms.length - res.failed;
        const rate = (res as { tps?: number }).tps ?? done / res.seconds;
        say(`${r}\t${kind}\t${rate.toFixed(1)}\t${res.failed}\t${(pg / done).toFixed(2)}\t${(apiMs / done).toFixed(2)}\t${(gen / done).toFixed(2)}\t${allApis.length ? (allMs / done).toFixed(2) : '-'}`);
      }
    }
  } finally {
    http.close();
    oldHttp?.close();
    await pool.end();
    rmSync(dir, { recursive: true, force: true });
  }
  say(`load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

if (require.main === module) {
  main().catch((e) => { process.stderr.write(`${(e as Error).stack}\n`); process.exit(1); });
}
