import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

// The API process serves the web app (apps/web): `/` is the page for a
// browser and the JSON index for an API client; the bundle is served by name;
// /docs, /health and the API routes are unchanged.
describe('the web app is served at / beside the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    execFileSync(process.execPath, [join(__dirname, '..', 'apps', 'web', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
    t = await startTestApp();
  });
  afterAll(async () => { await t.close(); });

  it('answers the page to a browser and the index to an API client', async () => {
    const browser = await t.req('get', '/', { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(browser.status).toBe(200);
    expect(browser.headers['content-type']).toMatch(/^text\/html/);
    expect(browser.headers.vary).toMatch(/Accept/i);
    expect(browser.text).toContain('<div id="root"></div>');
    expect(browser.text).toContain('src="/app.js"');
    expect(browser.text).not.toMatch(/https?:\/\//); // no CDN: everything from this server

    for (const accept of ['application/json', '*/*', undefined]) {
      const client = await t.req('get', '/', { headers: accept ? { accept } : {} });
      expect({ accept, status: client.status, type: client.headers['content-type'] }).toEqual({ accept, status: 200, type: expect.stringMatching(/^application\/json/) });
      expect(client.body).toMatchObject({ name: 'GRMS API', links: { api: '/api/v1', docs: '/docs', health: '/health' } });
    }
    expect((await t.req('get', '', { headers: { accept: 'text/html' } })).body).toMatchObject({ name: 'GRMS API' });
  });

  it('serves the bundle, and nothing else of the build folder', async () => {
    const raw = (path: string) => request(t.app.getHttpServer()).get(path);
    const js = await raw('/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    const css = await raw('/app.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect((await raw('/index.html')).status).toBe(404);
    expect((await raw('/app.js.map')).status).toBe(200);
    expect((await t.req('get', '/health')).status).toBe(200);
    expect((await t.req('get', '/budget-lines')).status).toBe(401);
  });
});
