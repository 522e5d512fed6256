import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { jsonClient } from './json-client';

// The SP2D bench's load generator sends what fetch sent (decision 0028): the
// method, the path under the base URL, a JSON body with its type and length,
// the caller's headers; it answers the status and the parsed body, and keeps
// one socket per client.
describe('the bench\'s JSON client', () => {
  let server: Server;
  let base: string;
  const seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string; socket: unknown }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body, socket: req.socket });
        res.writeHead(req.url?.endsWith('/empty') ? 204 : 201, { 'content-type': 'application/json' });
        res.end(req.url?.endsWith('/empty') ? undefined : JSON.stringify({ id: 'x', amount: '1000.00' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends the method, path, JSON body and headers, and reads the answer', async () => {
    const client = jsonClient(base, 2);
    try {
      const res = await client.send('POST', '/penatausahaan/sp2d', { spmId: 'a' }, { authorization: 'Bearer t', 'Idempotency-Key': 'k-1' });
      expect(res).toEqual({ status: 201, body: { id: 'x', amount: '1000.00' } });
      const last = seen[seen.length - 1];
      expect([last.method, last.url, last.body]).toEqual(['POST', '/api/v1/penatausahaan/sp2d', '{"spmId":"a"}']);
      expect(last.headers).toMatchObject({ authorization: 'Bearer t', 'idempotency-key': 'k-1', 'content-type': 'application/json', 'content-length': '13', connection: 'keep-alive' });
      expect(await client.send('GET', '/empty', undefined, {})).toEqual({ status: 204, body: null });
      expect(seen[seen.length - 1].headers['content-type']).toBeUndefined();
    } finally {
      client.close();
    }
  });

  it('keeps its sockets between requests', async () => {
    const client = jsonClient(base, 1);
    try {
      seen.length = 0;
      for (let i = 0; i < 3; i++) await client.send('POST', '/x', { i }, {});
      expect(new Set(seen.map((s) => s.socket)).size).toBe(1);
    } finally {
      client.close();
    }
  });

  it('reads a GET to its last byte without parsing it, on the same kept socket (decision 0032)', async () => {
    const client = jsonClient(base, 1);
    try {
      seen.length = 0;
      const first = await client.get('/list?page=1', { authorization: 'Bearer t' });
      const second = await client.get('/list?page=2', { authorization: 'Bearer t' });
      expect(first).toEqual({ status: 201, bytes: Buffer.byteLength(JSON.stringify({ id: 'x', amount: '1000.00' })) });
      expect(second.bytes).toBe(first.bytes);
      expect(seen.map((x) => [x.method, x.url, x.body, x.headers.authorization])).toEqual([['GET', '/api/v1/list?page=1', '', 'Bearer t'], ['GET', '/api/v1/list?page=2', '', 'Bearer t']]);
      expect(seen[0].socket).toBe(seen[1].socket);
    } finally {
      client.close();
    }
  });

  it('fails on a refused connection, so that the caller can send again', async () => {
    const client = jsonClient('http://127.0.0.1:1/api/v1', 1);
    try {
      await expect(client.send('POST', '/x', {}, {})).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      client.close();
    }
  });
});
