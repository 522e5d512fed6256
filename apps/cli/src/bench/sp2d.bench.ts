import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApiProcess } from './api-process';
import { BenchContext, Benchmark } from './bench-context';
import { jsonClient } from './json-client';
import { createPendingSpms, PendingSpm } from './pending-spms';
import { cpuOf, postgresCpu, postmasterOf, selfChildrenCpu, selfCpu } from './sp2d-cpu';
import { SP2D_PGBENCH_SCRIPT, SP2D_PGBENCH_SCRIPT_BEFORE_0029 } from './sp2d-pgbench.script';
import { ms, stats } from './stats';

const CLIENTS = 16;
// Each line of a distinct-lines phase takes this many SP2Ds, interleaved (a line's next one is a third of the phase
// later, never beside it among 16 clients): phases of ~1,440 SP2Ds, each pgbench client ~90 transactions, so the
// first five of a connection (custom plans) are a small share of a phase, as they are of a long-lived pool
const PER_LINE = 3;
const interleaved = <T>(lines: T[]): T[] => Array.from({ length: PER_LINE }, () => lines).flat();

/** Where the requests go: the API in its own process, or the one this process serves. */
interface Target { baseUrl: string; token(user: string): Promise<string> }

async function issueAll(target: Target, spms: PendingSpm[], tag: string): Promise<{ seconds: number; latencies: number[]; failed: number }> {
  let next = 0;
  let failed = 0;
  const latencies: number[] = [];
  // node:http with one keep-alive socket per client, not fetch: the same requests at a third of the
  // generator's CPU, which in `grms bench` is taken from the API's own process (decision 0028)
  const client = jsonClient(target.baseUrl, CLIENTS);
  const authorization = `Bearer ${await target.token('cash-authority')}`;
  const t0 = process.hrtime.bigint();
  try {
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < spms.length; i = next++) {
        const s = process.hrtime.bigint();
        // a keep-alive socket the server closed while pgbench ran fails the request: sent again with the same
        // Idempotency-Key, the SP2D is issued once (or its response replayed), as a client would do
        const send = () => client.send('POST', '/penatausahaan/sp2d', { spmId: spms[i].spmId }, { authorization, 'Idempotency-Key': `bench-${tag}-${i}-${spms[i].spmId}` });
        const res = await send().catch(send);
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
        if (res.status !== 201) failed++;
      }
    }));
  } finally {
    client.close();
  }
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, latencies, failed };
}

function pgbench(ctx: BenchContext, spms: PendingSpm[], queue: string, script = SP2D_PGBENCH_SCRIPT): { tps: number | null; note: string } {
  const which = spawnSync('pgbench', ['--version'], { encoding: 'utf8' });
  if (which.status !== 0) return { tps: null, note: 'pgbench is not installed (Debian: apt-get install postgresql-client); no baseline measured' };
  const dir = ctx.temp.make('grms-pgbench-');
  const file = join(dir, 'sp2d.sql');
  writeFileSync(file, script.replace(/bench_queue/g, queue));
  const u = new URL(ctx.databaseUrl);
  const res = spawnSync('pgbench', ['-n', '-M', 'prepared', '-c', String(CLIENTS), '-j', '2', '-t', String(Math.floor(spms.length / CLIENTS)),
    '-h', u.hostname, '-p', u.port, '-U', decodeURIComponent(u.username), '-f', file, u.pathname.slice(1)],
  { encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } });
  rmSync(dir, { recursive: true, force: true }); // the script's folder, left in the temp dir at every run before
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(res.stdout);
  if (!m) return { tps: null, note: `pgbench failed: ${(res.stderr || res.stdout).slice(0, 400)}` };
  const failed = /number of failed transactions: (\d+)/.exec(res.stdout)?.[1];
  return { tps: Number(m[1]), note: `${which.stdout.trim()}, ${CLIENTS} clients, -M prepared${failed ? `, ${failed} failed transactions` : ''}` };
}

/** How many outflows of 2026 spent from one stripe without taking them all, and how many took every stripe (decision 0025). */
async function paths(ctx: BenchContext): Promise<{ fast: number; slow: number }> {
  const [r] = (await ctx.pool.query(`SELECT COALESCE(sum(fast_spends), 0)::int AS fast, COALESCE(sum(slow_spends), 0)::int AS slow FROM treasury_cash_stripes WHERE fiscal_year = 2026`)).rows;
  return r;
}

/** Runs one phase and says how its SP2Ds took the treasury's cash. */
async function counted<T>(ctx: BenchContext, run: () => Promise<T> | T): Promise<T & { paths: string }> {
  const before = await paths(ctx);
  const r = await run();
  const after = await paths(ctx);
  return { ...r, paths: `${after.fast - before.fast} from one stripe, ${after.slow - before.slow} took every stripe` };
}

async function queueFor(ctx: BenchContext, name: string, spms: PendingSpm[]): Promise<void> {
  await ctx.pool.query(`CREATE TABLE ${name} (n bigint PRIMARY KEY, spm_id uuid, spp_id uuid, line_id uuid, org_id uuid, amount numeric(20,2), user_id uuid)`);
  await ctx.pool.query(`CREATE SEQUENCE ${name}_seq`);
  await ctx.pool.query(`INSERT INTO ${name} SELECT row_number() OVER (), *, (SELECT id FROM users WHERE username = 'cash-authority') FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::numeric[])`,
    [spms.map((s) => s.spmId), spms.map((s) => s.sppId), spms.map((s) => s.lineId), spms.map((s) => s.orgId), spms.map((s) => s.amount)]);
}

// SP2D issuance throughput at 16 concurrent clients through the API, beside a
// pgbench script running the same SQL transaction (the ceiling); then the
// same with every client on one hot budget line.
export const sp2dBench: Benchmark = {
  name: 'SP2D issuance at 16 concurrent clients',
  async run(ctx) {
    const spread = (await ctx.pool.query(`
      SELECT id, organization_id AS "orgId" FROM (
        SELECT l.id, l.organization_id, row_number() OVER (PARTITION BY l.organization_id ORDER BY l.appropriated DESC) AS r
        FROM budget_lines l JOIN organizations o ON o.id = l.organization_id WHERE o.code LIKE '91.%' AND l.allotted - l.disbursed - l.committed > 100000) s
      WHERE r <= 24 ORDER BY r, organization_id LIMIT 1440`)).rows;
    const [hot] = (await ctx.pool.query(`SELECT l.id, l.organization_id AS "orgId" FROM budget_lines l JOIN organizations o ON o.id = l.organization_id WHERE o.code LIKE '91.%' ORDER BY l.allotted - l.disbursed DESC LIMIT 1`)).rows;
    const third = Math.floor(spread.length / 3);
    // the API processes' first SP2Ds, on the phase's lines before it: a process and its pool are warm when timed, as a
    // long-lived API is (V8 has compiled the route's code, every connection is past its custom plans), and the
    // cold figure is printed beside (decision 0037)
    const apiWarm = await createPendingSpms(ctx.pool, spread.slice(0, third), 1, '1000.00', 'aw');
    const apiSpread = await createPendingSpms(ctx.pool, interleaved(spread.slice(0, third)), 1, '1000.00', 'a');
    const sqlSpread = await createPendingSpms(ctx.pool, interleaved(spread.slice(third, 2 * third)), 1, '1000.00', 'b');
    // the same lines again for the script as it was before decision 0029, printed beside the current one
    const sqlSpreadBefore = await createPendingSpms(ctx.pool, interleaved(spread.slice(third, 2 * third)), 1, '1000.00', 'e');
    // the API this process serves, beside its own load generator (how the row was measured before decision 0031)
    const inWarm = await createPendingSpms(ctx.pool, spread.slice(2 * third, 3 * third), 1, '1000.00', 'fw');
    const inSpread = await createPendingSpms(ctx.pool, interleaved(spread.slice(2 * third, 3 * third)), 1, '1000.00', 'f');
    const apiHot = await createPendingSpms(ctx.pool, [hot], 320, '100.00', 'c');
    const inHot = await createPendingSpms(ctx.pool, [hot], 320, '100.00', 'g');
    const sqlHot = await createPendingSpms(ctx.pool, [hot], 320, '100.00', 'd');
    await ctx.pool.query('ANALYZE');
    await queueFor(ctx, 'bench_queue_spread', sqlSpread);
    await queueFor(ctx, 'bench_queue_spread_before', sqlSpreadBefore);
    await queueFor(ctx, 'bench_queue_hot', sqlHot);

    // The API in a process of its own, as `npm start` runs it (the heap flags of decision 0056, the bench's pool
    // size), so that its event loop serves requests only; the load generator stays in this process (decision 0031).
    const own = await startApiProcess(ctx.databaseUrl, ctx.dataDir!, { DB_POOL_SIZE: '32' });
    const inProcess: Target = { baseUrl: ctx.baseUrl, token: (u) => ctx.token(u) };
    let runs;
    try {
      // CPU per SP2D of each process (decision 0028): PostgreSQL's, the API's, this process's (the load generator,
      // and for the in-process row the API as well); pgbench's own for the baseline
      const postmaster = await postmasterOf(ctx.pool);
      const cpu = () => ({ pg: postmaster ? postgresCpu(postmaster) : NaN, api: cpuOf(own.pid), self: selfCpu(), children: selfChildrenCpu() });
      await own.token('cash-authority');
      const w0 = cpu();
      const cold = await issueAll(own, apiWarm, 'spread-warm');
      const c0 = cpu();
      const a = await counted(ctx, () => issueAll(own, apiSpread, 'spread'));
      const c1 = cpu();
      const pa = await counted(ctx, () => pgbench(ctx, sqlSpread, 'bench_queue_spread'));
      const c2 = cpu();
      const pb = pgbench(ctx, sqlSpreadBefore, 'bench_queue_spread_before', SP2D_PGBENCH_SCRIPT_BEFORE_0029);
      await issueAll(inProcess, inWarm, 'spread-in-warm');
      const c3 = cpu();
      const ia = await issueAll(inProcess, inSpread, 'spread-in');
      const c4 = cpu();
      const h = await counted(ctx, () => issueAll(own, apiHot, 'hot'));
      const ph = await counted(ctx, () => pgbench(ctx, sqlHot, 'bench_queue_hot'));
      const ih = await issueAll(inProcess, inHot, 'hot-in');
      runs = { w0, cold, c0, c1, c2, c3, c4, a, pa, pb, ia, h, ph, ih };
    } finally {
      await own.stop();
    }
    const { w0, cold, c0, c1, c2, c3, c4, a, pa, pb, ia, h, ph, ih } = runs;
    const [v] = (await ctx.pool.query(`SELECT count(*)::int AS n FROM sp2d WHERE spm_id = ANY($1::uuid[]) AND status = 'ISSUED'`, [[...apiWarm, ...apiSpread, ...apiHot, ...inWarm, ...inSpread, ...inHot].map((s) => s.spmId)])).rows;
    const tps = (n: number, s: number) => n / s;
    const A = stats(a.latencies);
    const H = stats(h.latencies);
    const perSp2d = (msTotal: number, n: number) => (Number.isFinite(msTotal) && n > 0 ? `${(msTotal / n).toFixed(2)} ms` : 'n/a');
    const fmt = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(1)} SP2D/s`);
    const rat = (x: number, y: number | null) => (y ? `${(x / y * 100).toFixed(0)}% of pgbench` : 'n/a');
    return {
      name: this.name,
      rows: [
        [`API in its own process, ${apiSpread.length} SP2Ds on distinct lines across the OPDs: throughput`, `${fmt(tps(apiSpread.length - a.failed, a.seconds))} (p50 ${ms(A.p50)}, p95 ${ms(A.p95)}, ${a.failed} failed)`],
        [`API in its own process, cold: its first ${apiWarm.length} SP2Ds after its start (one per line, before the row above; not counted there): throughput; API / pgbench; CPU per SP2D (PostgreSQL; the API's process)`,
          `${fmt(tps(apiWarm.length - cold.failed, cold.seconds))} (${cold.failed} failed); ${rat(tps(apiWarm.length - cold.failed, cold.seconds), pa.tps)}; ${perSp2d(c0.pg - w0.pg, apiWarm.length - cold.failed)}; ${perSp2d(c0.api - w0.api, apiWarm.length - cold.failed)}`],
        [`pgbench, the same SQL transaction, ${sqlSpread.length} SP2Ds on distinct lines`, fmt(pa.tps)],
        ['API / pgbench', rat(tps(apiSpread.length - a.failed, a.seconds), pa.tps)],
        ['CPU per SP2D, distinct lines: the API run (PostgreSQL; the API\'s process; the load generator)',
          `${perSp2d(c1.pg - c0.pg, apiSpread.length - a.failed)}; ${perSp2d(c1.api - c0.api, apiSpread.length - a.failed)}; ${perSp2d(c1.self - c0.self, apiSpread.length - a.failed)}`],
        ['CPU per SP2D, distinct lines: pgbench (PostgreSQL; pgbench)', `${perSp2d(c2.pg - c1.pg, sqlSpread.length)}; ${perSp2d(c2.children - c1.children, sqlSpread.length)}`],
        ['pgbench, the script before decision 0029 (the line locked and the cash book\'s entries written in statements of their own), distinct lines', fmt(pb.tps)],
        [`the API served by the bench's own process beside its load generator (as measured before decision 0031), ${inSpread.length} SP2Ds on distinct lines: throughput; API / pgbench`,
          `${fmt(tps(inSpread.length - ia.failed, ia.seconds))} (${ia.failed} failed); ${rat(tps(inSpread.length - ia.failed, ia.seconds), pa.tps)}`],
        ['CPU per SP2D, distinct lines, API in the bench\'s process (PostgreSQL; the bench\'s process: the API and its load generator)',
          `${perSp2d(c4.pg - c3.pg, inSpread.length - ia.failed)}; ${perSp2d(c4.self - c3.self, inSpread.length - ia.failed)}`],
        [`API in its own process, ${apiHot.length} SP2Ds all on one hot budget line: throughput`, `${fmt(tps(apiHot.length - h.failed, h.seconds))} (p50 ${ms(H.p50)}, p95 ${ms(H.p95)}, ${h.failed} failed)`],
        ['pgbench, one hot line', fmt(ph.tps)],
        ['API / pgbench (hot line)', rat(tps(apiHot.length - h.failed, h.seconds), ph.tps)],
        ['the API served by the bench\'s own process, hot line: throughput; API / pgbench', `${fmt(tps(inHot.length - ih.failed, ih.seconds))} (${ih.failed} failed); ${rat(tps(inHot.length - ih.failed, ih.seconds), ph.tps)}`],
        ['SP2Ds issued by the API runs (checked in SQL)', `${v.n} of ${apiWarm.length + apiSpread.length + apiHot.length + inWarm.length + inSpread.length + inHot.length}`],
        ['treasury cash paths (distinct lines: API; pgbench)', `${a.paths}; ${pa.paths}`],
        ['treasury cash paths (hot line: API; pgbench)', `${h.paths}; ${ph.paths}`],
      ],
      notes: [
        `Each API request is an HTTP POST with an Idempotency-Key as the cash authority, sent by node:http over keep-alive sockets (decision 0028) to the API running in a process of its own with the heap flags of npm start (decision 0031); each SP2D locks its SPM, its budget line and the OPD's cash book, and writes two ledger entries, two cash-book entries and audit records; the API sends them as prepared statements, as pgbench does (decision 0027). pgbench: ${pa.note}.`,
        'Writers take no audit-chain lock (the sequencer chains after commit, decision 0021); the hot line serializes on the budget-line row lock.',
        `Distinct lines: each phase sends ${PER_LINE} SP2Ds per line, a line's next a third of the phase later; the API processes are timed after ${apiWarm.length} SP2Ds each not counted (a long-lived process: V8 has compiled the route's code and each pooled connection is past PostgreSQL's five custom plans per statement; decision 0037), pgbench's connections are new at each run and each makes ${Math.floor(sqlSpread.length / CLIENTS)} transactions.`,
      ],
    };
  },
};
