import { startTestApp, TestApp } from './support/test-app';

// A token stops working when what it stands for ends: a new password, a
// deactivation (and it stays dead after reactivation), a logout.
describe('token revocation', () => {
  let t: TestApp;
  let userId: string;
  const login = async (password: string) => {
    const res = await t.post('/auth/login', { username: 'treasurer-r', password });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  };
  const me = (token: string) => t.req('get', '/auth/me', { headers: { Authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    t = await startTestApp();
    const created = await t.post('/users', { username: 'treasurer-r', password: 'first-passphrase-2026', fullName: 'Bendahara R', roles: ['TREASURER'], organizationId: await t.orgId('B') }, 'admin');
    expect(created.status).toBe(201);
    userId = created.body.id;
  });
  afterAll(async () => { await t.close(); });

  it('revokes the old token when the password changes', async () => {
    const old = await login('first-passphrase-2026');
    expect((await me(old)).status).toBe(200);
    expect((await t.patch(`/users/${userId}`, { password: 'second-passphrase-2026' }, 'admin')).status).toBe(200);
    const res = await me(old);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    expect((await me(await login('second-passphrase-2026'))).status).toBe(200);
  });

  it('keeps a token of a deactivated account dead after reactivation', async () => {
    const old = await login('second-passphrase-2026');
    expect((await t.patch(`/users/${userId}`, { active: false }, 'admin')).status).toBe(200);
    expect((await me(old)).status).toBe(401);
    expect((await t.patch(`/users/${userId}`, { active: true }, 'admin')).status).toBe(200);
    expect((await me(old)).status).toBe(401);
    expect((await me(await login('second-passphrase-2026'))).status).toBe(200);
  });

  it('logs out: POST /auth/logout answers 204 and every earlier token of the user stops working', async () => {
    const a = await login('second-passphrase-2026');
    const b = await login('second-passphrase-2026');
    const out = await t.req('post', '/auth/logout', { headers: { Authorization: `Bearer ${a}` } });
    expect(out.status).toBe(204);
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
    expect((await t.req('post', '/auth/logout', { headers: { Authorization: `Bearer ${a}` } })).status).toBe(401);
    expect((await me(await login('second-passphrase-2026'))).status).toBe(200);
    const audit = await t.sql(`SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'AUTH.LOGOUT'`, [userId]);
    expect(audit).toHaveLength(1);
  });
});
