import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Benchmark } from './bench-context';
import { ms, repeat, stats, timeIt } from './stats';

const wide = (keys: number): string => `{${Array.from({ length: keys }, (_, i) => `"k${i}":${i}`).join(',')}}`;
const tenMegabytes = (): string => `{"items":[${Array.from({ length: 700_000 }, (_, i) => `{"k":${i}}`).join(',')}]}`.padEnd(10 * 1024 * 1024 - 1024, ' ');
const deep = (depth: number): string => `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
// within the 2 MB of the SPJ route (decision 0015): read, scanned, refused as BODY_TOO_COMPLEX
const twoMegabytes = (): string => `{"items":[${Array.from({ length: 150_000 }, (_, i) => `{"k":${i}}`).join(',')}]}`.padEnd(2 * 1024 * 1024 - 1024, ' ');

// A sender in its own process, so building and sending 10 MB bodies does not
// run on the API's event loop: it sends the three bodies in turn, without
// pause, and writes one character per answer.
const SENDER = `
const [base, offset] = process.argv.slice(1);
const wide = ${wide.toString()};
const tenMegabytes = ${tenMegabytes.toString()};
const deep = ${deep.toString()};
const twoMegabytes = ${twoMegabytes.toString()};
const bodies = [['/auth/login', wide(50000)], ['/budgeting/documents', tenMegabytes()], ['/budgeting/documents', deep(10000)], ['/penatausahaan/spj', twoMegabytes()]];
(async () => {
  for (let i = Number(offset); ; i++) {
    const [path, body] = bodies[i % bodies.length];
    try { await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.arrayBuffer()); } catch {}
    process.stdout.write('.');
  }
})();
`;

// A /health prober in its own process, so that its timings are the server's
// answer and not the bench process's own event loop: `count` probes, 5 ms
// apart, then their latencies in ms as one JSON array.
const PROBER = `
const [url, count] = process.argv.slice(1);
(async () => {
  const out = [];
  for (let i = 0; i < Number(count); i++) {
    const t0 = process.hrtime.bigint();
    await fetch(url).then((r) => r.text());
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
    await new Promise((r) => setTimeout(r, 5));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

function probe(url: string, count: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', PROBER, url, String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => { text += d.toString(); });
    child.on('error', reject);
    child.on('exit', () => { try { resolve(JSON.parse(text) as number[]); } catch (e) { reject(e); } });
  });
}

// /health while hostile bodies arrive without pause: 50,000 unknown keys at
// login, a 10 MB body of 700,000 objects and JSON nested 10,000 deep, each
// refused before any DTO work. Issue 12 asks /health to answer within 100 ms
// meanwhile: the figure is here, never in a test.
export const hostileBodiesBench: Benchmark = {
  name: '/health while hostile bodies arrive',
  async run(ctx) {
    const root = ctx.baseUrl.replace(/\/api\/v1$/, '');
    const health = () => fetch(`${root}/health`).then((r) => r.text());
    const bodies: [string, string, string][] = [
      ['50,000 unknown keys to POST /auth/login', '/auth/login', wide(50_000)],
      ['10 MB body to POST /budgeting/documents', '/budgeting/documents', tenMegabytes()],
      ['JSON nested 10,000 deep to POST /budgeting/documents', '/budgeting/documents', deep(10_000)],
      ['2 MB body of 150,000 objects to POST /penatausahaan/spj (its limit)', '/penatausahaan/spj', twoMegabytes()],
    ];
    // a body above the route's limit is answered before it is sent and the connection closed (decision 0015):
    // a client that is still writing may see the close instead of the 413
    const send = (path: string, body: string) => fetch(ctx.baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.arrayBuffer().then(() => String(r.status)), () => 'closed');
    for (let i = 0; i < 20; i++) await health();
    const idle = stats(await repeat(200, health));
    const refusals = await Promise.all(bodies.map(async ([what, path, body]) => {
      const statuses: string[] = [];
      const times = await repeat(10, async () => { statuses.push(await send(path, body)); });
      return { what, s: stats(times), statuses: [...new Set(statuses)].join('/') };
    }));
    // two sender processes keep hostile bodies coming while /health is sampled
    let sent = 0;
    const senders = [0, 1].map((offset) => {
      const child = spawn(process.execPath, ['-e', SENDER, ctx.baseUrl, String(offset)], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.on('data', (d: Buffer) => { sent += d.length; });
      return child;
    });
    while (sent < 4) await new Promise((r) => setTimeout(r, 50));
    const during = stats(await repeat(200, async () => { await health(); await new Promise((r) => setTimeout(r, 5)); }).then((xs) => xs.map((x) => x - 5)));
    const worst = Math.max(...(await repeat(50, health)));
    // the same from a prober process, with the API process's event-loop delay recorded meanwhile
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const sentBefore = sent;
    const apartSamples = await probe(`${root}/health`, 300);
    const apart = stats(apartSamples);
    loop.disable();
    const load = loadavg()[0];
    for (const child of senders) child.kill();
    await new Promise((r) => setTimeout(r, 200));
    const within = await timeIt(health);
    const apartIdle = stats(await probe(`${root}/health`, 200));
    const loopMs = (q: number) => loop.percentile(q) / 1e6;
    return {
      name: this.name,
      rows: [
        ['/health idle, p50 / p95', `${ms(idle.p50)} / ${ms(idle.p95)}`],
        ['/health under hostile bodies (2 sender processes), p50 / p95', `${ms(during.p50)} / ${ms(during.p95)}`],
        ['/health under hostile bodies, slowest of the last 50', ms(worst)],
        ...refusals.map((r): [string, string] => [`refusal of ${r.what} (${r.statuses}), p50 / p95`, `${ms(r.s.p50)} / ${ms(r.s.p95)}`]),
        ['/health from a prober process, idle, p50 / p95', `${ms(apartIdle.p50)} / ${ms(apartIdle.p95)}`],
        ['/health from a prober process under hostile bodies, p50 / p95 / max', `${ms(apart.p50)} / ${ms(apart.p95)} / ${ms(Math.max(...apartSamples))}`],
        ['API event-loop delay meanwhile, p50 / p99 / max', `${ms(loopMs(50))} / ${ms(loopMs(99))} / ${ms(loop.max / 1e6)}`],
        ['hostile requests answered while the prober ran / in all', `${sent - sentBefore} / ${sent}`],
        ['load average (1 min) at the end of the flood', load.toFixed(1)],
        ['/health right after', ms(within)],
      ],
      notes: [
        'Each hostile body is refused by the body limit or by the one linear pass over the parsed JSON (depth, keys, array length, size),',
        'before any DTO transformation. A body above its route\'s limit (64 kB unless the route declares more; decision 0015) is answered',
        'from its Content-Length and never read; the 2 MB body within the SPJ route\'s limit is read and scanned, which is what /health can wait behind.',
        'The prober rows come from a separate process (its own event loop), the event-loop delay from the API process itself: a /health',
        'latency far above the loop delay is the machine (CPU shared with the senders and whatever else runs), not the API waiting.',
      ],
    };
  },
};
