import { request as httpRequest, Server } from 'node:http';
import request from 'supertest';
import { expectOk, packageBody } from './support/delivery-fixtures';
import { freshLine } from './support/penatausahaan-fixtures';
import { listening } from './support/listening';
import { startTestApp, TestApp } from './support/test-app';

interface Answer { status: number; body: { code?: string; detail?: string; errors?: { field: string; message: string }[] }; contentType: string; connection: string; sent: number }

// Every route takes at most 64 kB unless it declares more next to its handler
// (decision 0015); a larger body is refused before it is read: the answer
// comes while the client is still sending.
describe('body limits per route', () => {
  let t: TestApp;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp();
    ({ server, port } = await listening(t));
  });
  afterAll(async () => { await t.close(); });

  /**
   * Starts a POST of `total` bytes (declared in Content-Length, or chunked) and
   * sends it piece by piece, stopping as soon as an answer arrives; `between`
   * runs once `pause` bytes are on their way. Resolves with the answer and how
   * many bytes had been sent by then.
   */
  function postSlowly(path: string, total: number, opts: { chunked?: boolean; pause?: number; between?: () => Promise<void> } = {}): Promise<Answer> {
    const piece = Buffer.alloc(16 * 1024, 'a');
    const head = Buffer.from('{"username":"');
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (opts.chunked) headers['Transfer-Encoding'] = 'chunked';
    else headers['Content-Length'] = String(total);
    return new Promise<Answer>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: `/api/v1${path}`, headers }, (res) => {
        answered = true;
        const sentThen = sent;
        let text = '';
        res.on('data', (c) => { text += c; });
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode!, body: JSON.parse(text), contentType: String(res.headers['content-type']), connection: String(res.headers.connection), sent: sentThen });
        });
      });
      // the server closing the connection while the client still writes is expected
      req.on('error', (e) => { if (!answered) reject(e); });
      const write = (buf: Buffer) => new Promise<void>((done) => { sent += buf.length; if (req.write(buf)) done(); else req.once('drain', done); });
      const response = new Promise((r) => req.once('response', r));
      void (async () => {
        await write(head);
        let paused = false;
        while (!answered && sent < total) {
          if (!paused && opts.pause !== undefined && sent >= opts.pause) {
            paused = true;
            await opts.between?.();
            continue;
          }
          await Promise.race([write(piece.subarray(0, Math.min(piece.length, total - sent))), response]);
        }
        if (!answered) req.end();
      })().catch(reject);
    });
  }

  const TEN_MB = 10 * 1024 * 1024;

  it('answers a 10 MB login body 413 before the client has sent it, and keeps the connection no longer', async () => {
    const answer = await postSlowly('/auth/login', TEN_MB);
    expect(answer.status).toBe(413);
    expect(answer.contentType).toMatch(/application\/problem\+json/);
    expect(answer.connection).toBe('close');
    expect(answer.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(answer.body.errors).toEqual([{ field: '(body)', message: 'must be at most 4 kB' }]);
    expect(answer.body.detail).toContain(`Content-Length ${TEN_MB}`);
    // the answer came while most of the body was still unsent: it was never read
    expect(answer.sent).toBeLessThan(TEN_MB);
    // a login within its limit still works
    expect((await t.post('/auth/login', { username: 'auditor', password: 'grms-demo' })).status).toBe(200);
  });

  it('cuts a chunked 10 MB body to a small-body route off at 64 kB while /health keeps answering', async () => {
    let health = 0;
    const answer = await postSlowly('/budgeting/documents', TEN_MB, {
      chunked: true,
      pause: 32 * 1024,
      // half the limit is on its way and the body is still open: /health answers meanwhile
      between: async () => { health = (await request(server).get('/health')).status; },
    });
    expect(health).toBe(200);
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(answer.body.errors).toEqual([{ field: '(body)', message: 'must be at most 64 kB' }]);
    expect(answer.sent).toBeGreaterThan(64 * 1024);
    expect(answer.sent).toBeLessThan(TEN_MB);
    expect((await request(server).get('/health')).status).toBe(200);
  });

  it('refuses a declared 10 MB body to other small-body routes (organizations, users) at once', async () => {
    for (const path of ['/organizations', '/users']) {
      const answer = await postSlowly(path, TEN_MB);
      expect({ path, status: answer.status, code: answer.body.code }).toEqual({ path, status: 413, code: 'PAYLOAD_TOO_LARGE' });
      expect(answer.sent).toBeLessThan(TEN_MB);
    }
  });

  it('takes a legitimate package body of 90 kB, above the default limit, on the route that declares 256 kB', async () => {
    const lineId = await freshLine(t, 'A', '500000000.00');
    const [{ sub }] = await t.sql<{ sub: string }>(`SELECT sub_activity_code AS sub FROM budget_lines WHERE id = $1`, [lineId]);
    // 50 locations, each named in Latin and in Javanese script (3 bytes a character in UTF-8), up to 500 characters
    const javanese = 'ꦱꦼꦩꦫꦁ'.repeat(80);
    const locations = Array.from({ length: 50 }, (_, i) => ({ regionCode: '33.74', detail: `SMA Negeri ${i + 1} Semarang ${javanese}`.slice(0, 500) }));
    const body = packageBody(await t.orgId('A'), sub, lineId, '250000000', { locations, description: 'Rehabilitasi '.repeat(300) });
    const size = Buffer.byteLength(JSON.stringify(body));
    expect(size).toBeGreaterThan(64 * 1024);
    const res = await t.post('/project-planning/packages', body, 'planner-a');
    expectOk(res, 201, 'large package');
    expect(res.body.locations).toHaveLength(50);
    // the same body to a route of the default limit is refused as too large, naming the limit
    const other = await t.post('/budgeting/documents', body, 'planner-a');
    expect(other.status).toBe(413);
    expect(other.body.errors).toEqual([{ field: '(body)', message: 'must be at most 64 kB' }]);
  });

  it('documents each route\'s limit in the 413 response of the OpenAPI document', async () => {
    const doc = (await request(server).get('/docs-json')).body as { paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>> };
    expect(doc.paths['/api/v1/auth/login'].post.responses['413'].description).toContain('The body limit of this route is 4 kB');
    expect(doc.paths['/api/v1/penatausahaan/spj'].post.responses['413'].description).toContain('The body limit of this route is 2 MB');
    expect(doc.paths['/api/v1/budgeting/documents'].post.responses['413'].description).toContain('The body limit of this route is 64 kB');
  });
});
