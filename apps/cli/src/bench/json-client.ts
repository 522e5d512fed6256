import { Agent, request } from 'node:http';

export interface JsonClient {
  /** One HTTP request with a JSON body (if any); the answer's status and parsed JSON body. */
  send(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: unknown }>;
  /** One GET read to its last byte and not parsed (what a latency is timed to): its status and its length in bytes. */
  get(path: string, headers: Record<string, string>): Promise<{ status: number; bytes: number }>;
  close(): void;
}

// The load generator of the SP2D benchmark (decision 0028): node:http over a
// keep-alive Agent, one socket per client, instead of the global fetch. The
// same requests (method, path, JSON body, headers, the answer read and parsed);
// undici's fetch costs the bench's process several times the CPU per request,
// and in `grms bench` that process is also the API's.
export function jsonClient(baseUrl: string, sockets: number): JsonClient {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const prefix = base.pathname.replace(/\/$/, '');
  return {
    send(method, path, body, headers) {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      return new Promise((resolve, reject) => {
        const req = request({
          agent, host: base.hostname, port: base.port, method, path: prefix + path,
          headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}), ...headers },
        }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
            } catch (e) {
              reject(e);
            }
          });
        });
        req.on('error', reject);
        req.end(payload);
      });
    },
    get(path, headers) {
      return new Promise((resolve, reject) => {
        const req = request({ agent, host: base.hostname, port: base.port, method: 'GET', path: prefix + path, headers }, (res) => {
          let bytes = 0;
          res.on('data', (c: Buffer) => { bytes += c.length; });
          res.on('error', reject);
          res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        });
        req.on('error', reject);
        req.end();
      });
    },
    close: () => agent.destroy(),
  };
}
