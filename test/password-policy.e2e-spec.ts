import { startTestApp, TestApp } from './support/test-app';

// ASVS L2 password policy on every password set through the API, and the
// demo accounts refused outside the demo.
describe('password policy', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  const create = async (username: string, password: string, fullName = 'Bendahara Pengeluaran') =>
    t.post('/users', { username, password, fullName, roles: ['TREASURER'], organizationId: await t.orgId('B') }, 'admin');

  it('refuses short, common, blank, own-name and demo passwords for new users, naming the field', async () => {
    for (const [password, code] of [
      ['12345678', 'VALIDATION_FAILED'],
      ['password', 'VALIDATION_FAILED'],
      ['        ', 'VALIDATION_FAILED'],
      ['grms-demo', 'VALIDATION_FAILED'],
      ['            ', 'WEAK_PASSWORD'],
      ['123456789012', 'WEAK_PASSWORD'],
      ['qwertyuiopasdfgh', 'WEAK_PASSWORD'],
      ['grms-demo-2026!', 'WEAK_PASSWORD'],
      ['bendahara-b-2026', 'WEAK_PASSWORD'],
      ['treasurer-x-secret', 'WEAK_PASSWORD'],
    ]) {
      const res = await create('treasurer-x', password);
      expect({ password, status: res.status, code: res.body.code }).toEqual({ password, status: 400, code });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['password']);
    }
    expect(await t.sql(`SELECT 1 FROM users WHERE username = 'treasurer-x'`)).toEqual([]);
    const ok = await create('treasurer-x', 'lumbung padi sawah 7');
    expect(ok.status).toBe(201);
  });

  it('applies the same policy to a changed password', async () => {
    const [u] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE username = 'treasurer-x'`);
    const weak = await t.patch(`/users/${u.id}`, { password: '1qaz2wsx3edc4rfv' }, 'admin');
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('WEAK_PASSWORD');
    expect((await t.patch(`/users/${u.id}`, { password: 'sungai kali garang 9' }, 'admin')).status).toBe(200);
  });

  it('refuses the demo accounts when NODE_ENV=production', async () => {
    const prod = await startTestApp({ NODE_ENV: 'production' });
    try {
      const res = await prod.post('/auth/login', { username: 'admin', password: 'grms-demo' });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
      const [event] = await prod.sql<{ after: { reason: string } }>(`SELECT after FROM audit_events WHERE action = 'AUTH.LOGIN_FAILED' ORDER BY chain_no DESC LIMIT 1`);
      expect(event.after.reason).toBe('demo account outside the demo');
    } finally {
      await prod.close();
    }
    // the demo itself still logs in
    expect((await t.post('/auth/login', { username: 'admin', password: 'grms-demo' })).status).toBe(200);
  });
});
