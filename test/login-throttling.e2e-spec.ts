import { startTestApp, TestApp } from './support/test-app';

// Throttling slows guessing without letting one party lock out another:
// client addresses come from X-Forwarded-For (TRUST_PROXY=true).
describe('login throttling without lockout of the innocent', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ TRUST_PROXY: 'true' }); });
  afterAll(async () => { await t.close(); });

  const login = (username: string, password: string, ip: string) =>
    t.req('post', '/auth/login', { body: { username, password }, headers: { 'X-Forwarded-For': ip } });

  it('lets a correct password for another account through from an address that failed 40 times', async () => {
    for (let i = 0; i < 40; i++) expect((await login(`ghost-${i % 8}`, `guess-${i}`, '203.0.113.7')).status).toBeGreaterThanOrEqual(401);
    const res = await login('auditor', 'grms-demo', '203.0.113.7');
    expect(res.status).toBe(200);
  });

  it('blocks that hot address for an account after one failure there, but not the same account elsewhere', async () => {
    expect((await login('planner-b', 'wrong-guess', '203.0.113.7')).status).toBe(401);
    const blocked = await login('planner-b', 'grms-demo', '203.0.113.7');
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('LOGIN_THROTTLED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('planner-b', 'grms-demo', '198.51.100.20')).status).toBe(200);
  });

  it('delays an account guessed from many addresses progressively, with Retry-After on 429', async () => {
    for (let i = 0; i < 5; i++) expect((await login('verifier', `nope-${i}`, `192.0.2.${i + 1}`)).status).toBe(401);
    const delayed = await login('verifier', 'grms-demo', '192.0.2.99');
    expect(delayed.status).toBe(429);
    const retry = Number(delayed.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(300);
    expect(delayed.body.retryAfterSeconds).toBe(retry);
    // the delay is short and grows: it is not a 15-minute lockout
    const [row] = await t.sql<{ seconds: number }>(`SELECT ceil(extract(epoch FROM blocked_until - now()))::int AS seconds FROM login_throttle WHERE key = 'user:verifier'`);
    expect(row.seconds).toBeLessThanOrEqual(2);
    // once the delay has passed, the right password gets in and clears the account's count
    await t.sql(`UPDATE login_throttle SET blocked_until = now() - interval '1 second' WHERE key = 'user:verifier'`);
    expect((await login('verifier', 'grms-demo', '192.0.2.99')).status).toBe(200);
    expect(await t.sql(`SELECT 1 FROM login_throttle WHERE key = 'user:verifier'`)).toEqual([]);
  });
});
