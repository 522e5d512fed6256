import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

// An API response is `no-store`, so nobody revalidates it: it carries no ETag
// and its body is not hashed for one (decision 0067). A client that sends
// the validator the body used to carry still gets the body, not a 304. The web app's own files keep their
// validators, so a browser still revalidates the bundle.
describe('API responses carry no ETag; the web app files keep theirs', () => {
  let t: TestApp;
  beforeAll(async () => {
    execFileSync(process.execPath, [join(__dirname, '..', 'apps', 'web', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
    t = await startTestApp();
  });
  afterAll(async () => { await t.close(); });

  it('a list page is sent whole, without ETag, even to a client asking If-None-Match', async () => {
    const page = await t.get('/budget-lines?fiscalYear=2026&limit=5', 'auditor');
    expect(page.status).toBe(200);
    expect(page.headers.etag).toBeUndefined();
    expect(page.headers['cache-control']).toBe('no-store');
    expect(Number(page.headers['content-length'])).toBe(Buffer.byteLength(page.text));
    expect(page.body.data).toHaveLength(5);

    // the weak ETag Express would have sent for this body (length and SHA-1, as the etag package builds it)
    const bytes = Buffer.from(page.text);
    const former = `W/"${bytes.length.toString(16)}-${createHash('sha1').update(bytes).digest('base64').slice(0, 27)}"`;
    const again = await t.req('get', '/budget-lines?fiscalYear=2026&limit=5', { user: 'auditor', headers: { 'if-none-match': former } });
    expect(again.status).toBe(200);
    expect(again.body.data.map((r: { id: string }) => r.id)).toEqual(page.body.data.map((r: { id: string }) => r.id));
  });

  it('a problem document has no ETag either', async () => {
    const refused = await t.get('/budget-lines?fiscalYear=2026&limit=5');
    expect(refused.status).toBe(401);
    expect(refused.headers.etag).toBeUndefined();
  });

  it('the web app bundle still answers with validators and 304 on revalidation', async () => {
    const js = await request(t.app.getHttpServer()).get('/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.etag).toBeDefined();
    const revalidated = await request(t.app.getHttpServer()).get('/app.js').set('if-none-match', js.headers.etag);
    expect(revalidated.status).toBe(304);
  });
});
