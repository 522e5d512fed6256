import { Client } from 'pg';
import { startTestApp, TestApp } from './support/test-app';

describe('HTTP conventions', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('serves a complete OpenAPI 3 document with bearer security on protected routes', async () => {
    const res = await t.get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const budgetLines = res.body.paths['/api/v1/budget-lines'].get;
    expect(budgetLines.security).toEqual([{ bearer: [] }]);
    expect(budgetLines.responses['200']).toBeDefined();
    expect(budgetLines.responses['401']).toBeDefined();
    expect(res.body.paths['/api/v1/auth/login'].post.security).toEqual([]);
    expect(res.body.components.schemas.ProblemResponse).toBeDefined();
  });

  const PUBLIC = ['POST /api/v1/auth/login', 'GET /health', 'GET /', 'GET /api/v1'];

  it('describes every operation: summary, description, a success response, problem+json errors, security with 401/403 on protected ones', async () => {
    type Content = Record<string, { schema?: { $ref?: string; type?: string; format?: string } }>;
    type Op = { summary?: string; description?: string; security?: unknown[]; responses: Record<string, { content?: Content }>; tags?: string[] };
    const doc = (await t.get('/docs-json')).body as { paths: Record<string, Record<string, Op>>; tags: Array<{ name: string; description?: string }>; servers?: unknown[] };
    const declared = new Map(doc.tags.map((tag) => [tag.name, tag.description]));
    expect(doc.servers?.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (!op.summary) missing.push(`${key}: no summary`);
        if (!op.description) missing.push(`${key}: no description`);
        if (!Object.keys(op.responses).some((c) => /^2\d\d$/.test(c))) missing.push(`${key}: no success response`);
        if (!op.tags?.length) missing.push(`${key}: no tag`);
        for (const tag of op.tags ?? []) if (!declared.get(tag)) missing.push(`${key}: tag "${tag}" not declared with a description`);
        const isPublic = PUBLIC.includes(key);
        if (isPublic && op.security?.length !== 0) missing.push(`${key}: public, but security is not []`);
        if (!isPublic && (!op.security?.length || !op.responses['401'] || !op.responses['403'])) missing.push(`${key}: no bearer security or 401/403`);
        if (!isPublic && method !== 'get' && (!op.responses['409'] || !op.responses['422'])) missing.push(`${key}: a write without 409/422`);
        if (!isPublic && !op.description?.includes('Who may call it')) missing.push(`${key}: does not say who may call it`);
        for (const [status, r] of Object.entries(op.responses)) {
          const types = Object.keys(r.content ?? {});
          if (Number(status) >= 400 && (types.join() !== 'application/problem+json' || !r.content!['application/problem+json'].schema?.$ref?.endsWith('/ProblemResponse'))) missing.push(`${key} ${status}: not application/problem+json`);
          if (r.content?.['text/csv'] && r.content['text/csv'].schema?.type !== 'string') missing.push(`${key} ${status}: CSV documented with a JSON schema`);
          const xlsx = r.content?.['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
          if (xlsx && xlsx.schema?.format !== 'binary') missing.push(`${key} ${status}: XLSX documented with a JSON schema`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('answers an index at / and at /api/v1: name, version, links that answer, and each module\'s root', async () => {
    for (const path of ['/', '/api/v1']) {
      const res = await t.req('get', path.replace(/^\/api\/v1/, '') || '/', {});
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ name: 'GRMS API', version: expect.stringMatching(/^\d+\.\d+\.\d+/), links: { api: '/api/v1', docs: '/docs', openapi: '/docs-json', health: '/health' } });
    }
    const index = (await t.req('get', '', {})).body as { links: Record<string, string>; modules: Array<{ name: string; state: string; root: string | null }> };
    for (const link of [index.links.openapi, index.links.health]) expect([link, (await t.get(link)).status]).toEqual([link, 200]);
    const built = index.modules.filter((m) => m.state === 'built');
    expect(built.map((m) => m.name)).toEqual(['platform', 'e-HSB', 'e-budgeting', 'e-penatausahaan']);
    for (const m of built) {
      const res = await t.get(m.root!.replace(/^\/api\/v1/, ''), 'auditor');
      expect([m.root, res.status]).toEqual([m.root, 200]);
    }
  });

  it('refuses a JSON number for money with 400, naming the field, and writes nothing', async () => {
    const line = (await t.get('/budget-lines?fiscalYear=2026', 'planner-a')).body.data[0];
    // the demo lines have cash plans (seeded); a refused request must leave the stored one as it was
    const planBefore = await t.sql(`SELECT months::text[], version FROM cash_plans WHERE budget_line_id = $1`, [line.id]);
    const months = Array.from({ length: 12 }, () => '0.00');
    const asNumber = await t.put(`/budgeting/cash-plans/${line.id}`, { months: [Number(line.appropriated), ...months.slice(1)] }, 'planner-a');
    expect(asNumber.status).toBe(400);
    expect(asNumber.body.code).toBe('VALIDATION_FAILED');
    expect(asNumber.body.errors[0].field).toBe('months');
    expect(asNumber.body.errors[0].message).toMatch(/decimal string/);
    const threeDecimals = await t.put(`/budgeting/cash-plans/${line.id}`, { months: ['1.005', ...months.slice(1)] }, 'planner-a');
    expect(threeDecimals.status).toBe(400);
    expect(await t.sql(`SELECT months::text[], version FROM cash_plans WHERE budget_line_id = $1`, [line.id])).toEqual(planBefore);
  });

  it('accepts "1250000" and "1250000.5" style amounts and answers with two decimals', async () => {
    const line = (await t.get('/budget-lines?fiscalYear=2026', 'planner-a')).body.data[0];
    const [whole] = line.appropriated.split('.');
    const rest = Array.from({ length: 11 }, () => '0');
    const res = await t.put(`/budgeting/cash-plans/${line.id}`, { months: [whole, ...rest] }, 'planner-a');
    expect(res.status).toBe(200);
    expect(res.body.months[0]).toBe(line.appropriated);
    expect(res.body.months[1]).toBe('0.00');
  });

  it('refuses a cash plan that misses the appropriation by one sen, with the arithmetic', async () => {
    const line = (await t.get('/budget-lines?fiscalYear=2026', 'planner-a')).body.data[1];
    const [rupiah] = line.appropriated.split('.');
    const res = await t.put(`/budgeting/cash-plans/${line.id}`, { months: [`${Number(rupiah) - 1}.99`, ...Array(11).fill('0')] }, 'planner-a');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CASH_PLAN_MISMATCH');
    expect(res.body.detail).toContain('-0.01');
  });

  it('rejects unknown fields, bad pagination and malformed JSON with problem+json', async () => {
    const unknown = await t.post('/fiscal-years', { year: 2031, status: 'PLANNING', extra: true }, 'admin');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'extra', message: 'unknown field "extra"' }]);
    const missing = await t.post('/fiscal-years', { status: 'PLANNING' }, 'admin');
    expect([missing.status, missing.body.errors]).toEqual([400, [{ field: 'year', message: 'year is required' }]]);
    const page = await t.get('/organizations?limit=501', 'auditor');
    expect(page.status).toBe(400);
    expect(page.body.errors[0].field).toBe('limit');
    const malformed = await t.req('post', '/auth/login', { headers: { 'Content-Type': 'application/json' }, body: '{"username":' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/problem\+json/);
    expect(malformed.body.stack).toBeUndefined();
    expect(malformed.body.errors).toEqual([{ field: 'body', message: 'must be a well-formed JSON object' }]);
    for (const text of ['"x"', '42', 'null']) {
      const scalar = await t.req('post', '/fiscal-years', { user: 'admin', headers: { 'Content-Type': 'application/json' }, body: text });
      expect([scalar.status, scalar.body.code, scalar.body.errors]).toEqual([400, 'VALIDATION_FAILED', [{ field: 'body', message: 'must be a well-formed JSON object' }]]);
    }
  });

  it('answers unknown routes and ids with 404 problem documents carrying the request id', async () => {
    const res = await t.get('/no-such-thing', 'auditor');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    const org = await t.get('/organizations/8f0e7a35-3f7c-4d7b-9c55-0d7d3a0d9a11', 'auditor');
    expect(org.status).toBe(404);
    expect((await t.get('/organizations/not-a-uuid', 'auditor')).status).toBe(400);
  });

  it('names the path parameter that is not a UUID, as every validation error names its field', async () => {
    const org = await t.get('/organizations/not-a-uuid', 'auditor');
    expect(org.status).toBe(400);
    expect(org.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'id', message: 'must be a UUID' }] });
    const spm = await t.post('/penatausahaan/spm/123/approve', {}, 'budget-user-a');
    expect([spm.status, spm.body.errors]).toEqual([400, [{ field: 'id', message: 'must be a UUID' }]]);
    const realization = await t.post('/monev/realizations/x-1/verify', {}, 'monev-verifier');
    expect(realization.body.errors).toEqual([{ field: 'id', message: 'must be a UUID' }]);
  });

  it('paginates with a real total', async () => {
    const p1 = await t.get('/accounts?level=SUB_RINCIAN_OBJEK&limit=10&page=1', 'auditor');
    const p2 = await t.get('/accounts?level=SUB_RINCIAN_OBJEK&limit=10&page=2', 'auditor');
    // the newest version: 3,834 expenditure leaves + 943 revenue and financing leaves (2019 list)
    expect(p1.body.meta).toEqual({ page: 1, limit: 10, total: 4777 });
    expect(p2.body.data[0].code).not.toBe(p1.body.data[0].code);
  });

  it('sets security headers', async () => {
    const res = await t.get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('reports the database down as 503 on /health, and up again after', async () => {
    expect((await t.get('/health')).status).toBe(200);
    await t.token('auditor');
    const admin = new Client({ connectionString: process.env.GRMS_TEST_ADMIN_URL });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${t.dbName} ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [t.dbName]);
    const down = await t.get('/health');
    expect(down.status).toBe(503);
    const api = await t.get('/budget-lines', 'auditor');
    expect([api.status, api.body.detail]).toEqual([503, expect.any(String)]);
    expect(api.body.code).toBe('DATABASE_UNAVAILABLE');
    await admin.query(`ALTER DATABASE ${t.dbName} ALLOW_CONNECTIONS true`);
    await admin.end();
    let up = 0;
    for (let i = 0; i < 10 && up !== 200; i++) { up = (await t.get('/health')).status; }
    expect(up).toBe(200);
  });
});
