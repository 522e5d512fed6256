import { Agent, request } from 'node:http';

// A constant-rate load generator (decision 0068), run in a process of its
// own: request i is due at start + i / rate, whatever happened to the ones
// before it, and goes out on one of `connections` keep-alive sockets (it waits
// for a free one when all are busy). Its latency is counted from the moment it
// was due, so time spent queued behind a slow response is part of it (the
// "coordinated omission" a closed-loop client would hide). Prints one JSON
// line: { rps, p50, p99, max, requests, non2xx, errors }.
//
//   node paced-load-worker.js <url> <bearer token> <connections> <seconds> <rate>

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function main(): void {
  const [url, token, connections, seconds, rate] = process.argv.slice(2);
  const perSecond = Number(rate);
  const total = Math.round(perSecond * Number(seconds));
  const agent = new Agent({ keepAlive: true, maxSockets: Number(connections) });
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let finished = 0;
  let lastEnd = 0;
  const start = performance.now() + 50;
  const due = (i: number) => start + (i * 1000) / perSecond;

  const settle = () => {
    if (++finished < total) return;
    agent.destroy();
    const sorted = latencies.sort((a, b) => a - b);
    const span = (lastEnd - start) / 1000;
    process.stdout.write(`${JSON.stringify({ rps: finished / span, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN, requests: finished, non2xx, errors })}\n`);
  };

  const fire = (i: number) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => {
        lastEnd = performance.now();
        latencies.push(lastEnd - due(i));
        if (!res.statusCode || res.statusCode < 200 || res.statusCode >= 300) non2xx++;
        settle();
      });
    });
    req.on('error', () => {
      lastEnd = performance.now();
      errors++;
      settle();
    });
    req.end();
  };

  let next = 0;
  const tick = () => {
    const now = performance.now();
    while (next < total && due(next) <= now) fire(next++);
    if (next < total) setTimeout(tick, Math.max(0, due(next) - performance.now()));
  };
  setTimeout(tick, Math.max(0, start - performance.now()));
}

main();
