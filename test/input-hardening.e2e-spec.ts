import { request as httpRequest, Server } from 'node:http';
import request from 'supertest';
import { listening } from './support/listening';
import { startTestApp, TestApp } from './support/test-app';

// Hostile bodies and parameters are refused as problem+json naming the field,
// before any DTO transformation, and never hold up other requests.
describe('input hardening', () => {
  let t: TestApp;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp();
    ({ server, port } = await listening(t));
  });
  afterAll(async () => { await t.close(); });

  const wideBody = (keys: number): string => `{${Array.from({ length: keys }, (_, i) => `"k${i}":${i}`).join(',')}}`;

  it('refuses 50,000 unknown keys at login with a 4xx, and at a large-body route (SPJ, 2 MB) as BODY_TOO_COMPLEX naming the limit', async () => {
    const login = await request(server).post('/api/v1/auth/login').set('Content-Type', 'application/json').send(wideBody(50_000));
    expect(login.status).toBe(413);
    expect(login.headers['content-type']).toMatch(/application\/problem\+json/);
    const other = await request(server).post('/api/v1/penatausahaan/spj').set('Content-Type', 'application/json').send(wideBody(50_000));
    expect(other.status).toBe(400);
    expect(other.body.code).toBe('BODY_TOO_COMPLEX');
    expect(other.body.errors[0]).toEqual({ field: '(body)', message: 'has more than 200 keys' });
    // a login body under the limit still works
    expect((await t.post('/auth/login', { username: 'auditor', password: 'grms-demo' })).status).toBe(200);
  });

  it('answers /health while a hostile body within the route\'s limit is still being sent, then refuses the body', async () => {
    // just under the 2 MB of the SPJ route (a larger body is cut off at the limit: body-limits.e2e-spec.ts)
    const body = Buffer.from(`{"items":[${Array.from({ length: 150_000 }, (_, i) => `{"k":${i}}`).join(',')}]}`.padEnd(2 * 1024 * 1024 - 1024, ' '));
    let hostileAnswered = false;
    const hostile = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/penatausahaan/spj', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
        let text = '';
        res.on('data', (c) => { text += c; });
        res.on('end', () => { hostileAnswered = true; resolve({ status: res.statusCode!, body: text }); });
      });
      req.on('error', reject);
      req.write(body.subarray(0, body.length / 2));
      // the first half is on its way: /health must answer before the rest is even sent
      void request(server).get('/health').then((health) => {
        expect(health.status).toBe(200);
        expect(hostileAnswered).toBe(false);
        req.end(body.subarray(body.length / 2));
      }).catch(reject);
    });
    const answer = await hostile;
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).code).toBe('BODY_TOO_COMPLEX');
  });

  it('refuses JSON nested 10,000 deep with 400 (413 at login), not 500', async () => {
    const deep = `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const res = await request(server).post('/api/v1/budgeting/documents').set('Content-Type', 'application/json').send(deep);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BODY_TOO_COMPLEX');
    expect(res.body.errors[0].field).toMatch(/^a(\[0\])+$/);
    const login = await request(server).post('/api/v1/auth/login').set('Content-Type', 'application/json').send(deep);
    expect(login.status).toBe(413);
  });

  it('refuses a NUL byte in query parameters and in stored strings, naming the field', async () => {
    for (const path of ['/users?q=%00', '/hsb/items?q=a%00b', '/audit/events?entityType=%00', '/budget-lines?accountPrefix=5%00']) {
      const res = await t.get(path, 'admin');
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('NUL_CHARACTER');
      expect(res.body.errors[0].field).toBe(path.split('?')[1].split('=')[0]);
    }
    const inPath = await t.put('/tax-rates/2026/PPN%00', { rate: '11.0000' }, 'admin');
    expect(inPath.status).toBe(400);
    expect(inPath.body.errors[0].field).toBe('path');
    const orgB = await t.orgId('B');
    const res = await t.post('/users', { username: 'nul-user', password: 'a-much-longer-passphrase', fullName: 'Nul\u0000Name', roles: ['TREASURER'], organizationId: orgB }, 'admin');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'fullName', message: 'must not contain a NUL character' }]);
    expect(await t.sql(`SELECT 1 FROM users WHERE username = 'nul-user'`)).toEqual([]);
  });

  it('refuses a NUL byte in an upload\'s form fields as in a JSON body, naming the field (multipart text is UTF-8 bytes: half a surrogate pair cannot arrive)', async () => {
    const csv = Buffer.from('code,name,specification,unit,price,category,accountCodes,ceiling\n');
    const send = async (fields: Record<string, string>) => {
      let r = request(t.app.getHttpServer()).post('/api/v1/hsb/imports').set('Authorization', `Bearer ${await t.token('price-admin')}`);
      for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
      return r.attach('file', csv, 'prices.csv');
    };
    const nul = await send({ fiscalYear: '2027', profile: 'kota\u0000malang' });
    expect([nul.status, nul.body.code, nul.body.errors]).toEqual([400, 'NUL_CHARACTER', [{ field: 'profile', message: 'must not contain a NUL character' }]]);
    expect(nul.body.detail).not.toContain('\u0000');
  });

  it('refuses JSON declared in another charset with 415 naming Content-Type', async () => {
    const res = await request(server).post('/api/v1/auth/login').set('Content-Type', 'application/json; charset=latin1').send('{"username":"admin","password":"grms-demo"}');
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors[0].field).toBe('Content-Type');
  });

  it('refuses a body sent as text/plain or XML with 415 naming Content-Type, instead of reading it as no body', async () => {
    const token = await t.token('admin');
    for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/xml']) {
      const res = await request(server).post('/api/v1/fiscal-years').set('Authorization', `Bearer ${token}`).set('Content-Type', type).send('{"year":2041,"status":"PLANNING"}');
      expect({ type, status: res.status, code: res.body.code, field: res.body.errors?.[0]?.field }).toEqual({ type, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', field: 'Content-Type' });
      expect(res.body.detail).toContain(type.split(';')[0]);
    }
    expect(await t.sql('SELECT 1 FROM fiscal_years WHERE year = 2041')).toEqual([]);
    // the same body as JSON is read
    const json = await request(server).post('/api/v1/fiscal-years').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send('{"year":2041,"status":"PLANNING"}');
    expect(json.status).toBe(201);
  });

  it('refuses __proto__, constructor and prototype keys with 400 instead of dropping them', async () => {
    for (const [key, raw] of [
      ['__proto__', '{"username":"admin","password":"grms-demo","__proto__":{"roles":["ADMIN"]}}'],
      ['constructor', '{"username":"admin","password":"grms-demo","constructor":{"prototype":{}}}'],
      ['nested.prototype', '{"username":"admin","password":"grms-demo","nested":{"prototype":1}}'],
    ]) {
      const res = await request(server).post('/api/v1/auth/login').set('Content-Type', 'application/json').send(raw);
      expect({ key, status: res.status }).toEqual({ key, status: 400 });
      expect(res.body.code).toBe('FORBIDDEN_KEY');
      expect(res.body.errors[0].field).toBe(key);
    }
    const query = await t.get('/users?__proto__[x]=1', 'admin');
    expect(query.status).toBe(400);
  });
});
