import { execFile } from 'node:child_process';

export interface LoadResult { rps: number; p50: number; p99: number; non2xx: number; errors: number; requests: number }

// autocannon in a process of its own (it would otherwise share the API's event
// loop in the bench process): a fixed offered rate over a number of connections.
export function autocannon(url: string, token: string, o: { connections: number; seconds: number; rate: number }): Promise<LoadResult> {
  const bin = require.resolve('autocannon/autocannon.js');
  const args = [bin, '-j', '-n', '-c', String(o.connections), '-d', String(o.seconds), '-R', String(o.rate), '-H', `authorization=Bearer ${token}`, url];
  return new Promise((res, rej) => {
    execFile(process.execPath, args, { maxBuffer: 64 << 20 }, (err, stdout) => {
      if (err) return rej(err);
      const r = JSON.parse(stdout) as { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
      res({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors, requests: r.requests.total });
    });
  });
}

// The same offered rate at an even pace (decision 0068): one request every 1000 / rate ms over the same number of
// keep-alive connections, each latency counted from the moment its request was due (paced-load-worker.ts, in a
// process of its own). autocannon's `-R` lets every connection send its share of a second back to back at the start
// of the second and then pause, so its 100 requests/s arrive as bursts of 10 concurrent requests.
export function pacedLoad(url: string, token: string, o: { connections: number; seconds: number; rate: number }): Promise<LoadResult & { max: number }> {
  const worker = require.resolve('./paced-load-worker');
  const args = [worker, url, token, String(o.connections), String(o.seconds), String(o.rate)];
  return new Promise((res, rej) => {
    execFile(process.execPath, args, { maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) return rej(err);
      res(JSON.parse(stdout) as LoadResult & { max: number });
    });
  });
}
