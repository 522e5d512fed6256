import { startTestApp, TestApp } from './support/test-app';

describe('auth and users', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('logs a demo user in and returns the token, expiry and user', async () => {
    const res = await t.post('/auth/login', { username: 'planner-a', password: 'grms-demo' });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toMatch(/^ey/);
    expect(res.body.expiresIn).toBe(3600);
    expect(res.body.user).toMatchObject({ username: 'planner-a', roles: ['PLANNER'], organizationId: await t.orgId('A') });
    const me = await t.req('get', '/auth/me', { headers: { Authorization: `Bearer ${res.body.accessToken}` } });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('planner-a');
  });

  it('refuses a wrong password with 401 problem+json and no token', async () => {
    const res = await t.post('/auth/login', { username: 'planner-b', password: 'wrong' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect(res.body.accessToken).toBeUndefined();
  });

  it('refuses requests without or with a forged token', async () => {
    expect((await t.get('/budget-lines')).status).toBe(401);
    const forged = await t.req('get', '/budget-lines', { headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad' } });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('UNAUTHENTICATED');
  });

  it('throttles failed logins per account (429) even with the right password afterwards', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await t.post('/auth/login', { username: 'verifier', password: `nope-${i}` })).status).toBe(401);
    }
    const blocked = await t.post('/auth/login', { username: 'verifier', password: 'grms-demo' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('LOGIN_THROTTLED');
    expect(blocked.body.retryAfterSeconds).toBeGreaterThan(0);
    // other accounts are not affected by one account's block
    expect((await t.post('/auth/login', { username: 'auditor', password: 'grms-demo' })).status).toBe(200);
  });

  it('lets ADMIN create, list and deactivate users; the new user can log in until deactivated', async () => {
    const orgB = await t.orgId('B');
    const created = await t.post('/users', { username: 'treasurer-b', password: 'a-long-password', fullName: 'Bendahara Dinkes', roles: ['TREASURER'], organizationId: orgB }, 'admin');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'treasurer-b', roles: ['TREASURER'], organizationId: orgB, active: true });
    expect(created.body.passwordHash).toBeUndefined();
    const hash = await t.sql<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'treasurer-b'`);
    expect(hash[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    expect((await t.post('/auth/login', { username: 'treasurer-b', password: 'a-long-password' })).status).toBe(200);
    const list = await t.get('/users?q=treasurer', 'admin');
    expect(list.body.meta.total).toBe(3);
    expect(list.body.data.map((u: { username: string }) => u.username).sort()).toEqual(['revenue-treasurer-a', 'treasurer-a', 'treasurer-b']);

    const off = await t.patch(`/users/${created.body.id}`, { active: false }, 'admin');
    expect(off.status).toBe(200);
    expect((await t.post('/auth/login', { username: 'treasurer-b', password: 'a-long-password' })).status).toBe(401);

    const audit = await t.sql(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY chain_no`, [created.body.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['USER.CREATE', 'USER.UPDATE']));
  });

  it('validates user input with field errors and refuses duplicates', async () => {
    const bad = await t.post('/users', { username: 'X', password: 'short', fullName: '', roles: ['KING'] }, 'admin');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['username', 'password', 'fullName', 'roles']));
    const noOrg = await t.post('/users', { username: 'planner-z', password: 'a-long-password', fullName: 'Z', roles: ['PLANNER'] }, 'admin');
    expect(noOrg.status).toBe(400);
    expect(noOrg.body.errors[0].field).toBe('organizationId');
    const dup = await t.post('/users', { username: 'auditor', password: 'a-long-password', fullName: 'Again', roles: ['AUDITOR'] }, 'admin');
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('USERNAME_TAKEN');
  });

  it('does not let a planner manage users', async () => {
    const res = await t.post('/users', { username: 'sneaky', password: 'a-long-password', fullName: 'S', roles: ['ADMIN'] }, 'planner-a');
    expect(res.status).toBe(403);
    expect((await t.sql(`SELECT 1 FROM users WHERE username = 'sneaky'`)).length).toBe(0);
  });
});
