import { ALL, ROUTE_ACCESS, USER_OF } from './support/route-access';
import { startTestApp, TestApp } from './support/test-app';

// Every route of the OpenAPI document x every role: allowed roles get past the
// guard (anything but 401/403), the others get 403; no token gets 401.
describe('authorization matrix', () => {
  let t: TestApp;
  let routes: { method: string; path: string; key: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    const doc = (await t.get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => ({ method: m, path, key: `${m.toUpperCase()} ${path}` })));
    // logging out revokes the role's token: checked last
    const last = (r: { key: string }) => Number(r.key === 'POST /api/v1/auth/logout');
    routes.sort((a, b) => last(a) - last(b));
  });
  afterAll(async () => { await t.close(); });

  it('has an access rule in the matrix for every route, and no rule for a route that does not exist', () => {
    const keys = routes.map((r) => r.key);
    expect(keys.filter((k) => !(k in ROUTE_ACCESS))).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((k) => !keys.includes(k))).toEqual([]);
    expect(keys.length).toBeGreaterThan(20);
  });

  it('allows exactly the listed roles on every route', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      const rule = ROUTE_ACCESS[r.key];
      if (!rule || rule === 'public') continue;
      const concrete = r.path.replace(/\{year\}/g, '2099').replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000').replace(/^\/api\/v1/, '');
      const anon = await t.req(r.method as 'get', concrete, { body: r.method === 'get' ? undefined : {} });
      if (anon.status !== 401) failures.push(`${r.key} without a token: ${anon.status}`);
      for (const role of ALL) {
        const res = await t.req(r.method as 'get', concrete, { user: USER_OF[role], body: r.method === 'get' ? undefined : {} });
        const allowed = rule.includes(role);
        if (allowed && (res.status === 401 || res.status === 403)) failures.push(`${r.key} as ${role}: expected allowed, got ${res.status} ${res.body?.detail}`);
        if (!allowed && res.status !== 403) failures.push(`${r.key} as ${role}: expected 403, got ${res.status}`);
        if (res.status >= 500) failures.push(`${r.key} as ${role}: server error ${res.status} ${res.body?.detail}`);
      }
    }
    expect(failures).toEqual([]);
  }, 240_000); // about 1,400 requests, each checked against the OpenAPI document: minutes on a busy machine
});
