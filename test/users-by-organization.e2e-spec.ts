import { startTestApp, TestApp } from './support/test-app';

// The administrator looks up the accounts of one OPD (the Users page of the
// web app filters by it): GET /users?organizationId=, alone or with a role
// and a text, paged with the real total; the auditor reads the same.
describe('users: the accounts of one organization', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('lists exactly the accounts of the organization, with the real total', async () => {
    const inDb = (await t.sql<{ username: string }>(`SELECT username FROM users WHERE organization_id = $1 ORDER BY username`, [orgA])).map((r) => r.username);
    expect(inDb).toEqual(expect.arrayContaining(['planner-a', 'treasurer-a', 'budget-user-a']));
    const res = await t.get(`/users?organizationId=${orgA}&limit=3`, 'admin');
    expect(res.status).toBe(200);
    expect(res.body.meta.total).toBe(inDb.length);
    expect(res.body.data.map((u: { username: string }) => u.username)).toEqual(inDb.slice(0, 3));
    const all = await t.get(`/users?organizationId=${orgA}&limit=100`, 'auditor');
    expect(all.status).toBe(200);
    expect(all.body.data.map((u: { username: string }) => u.username)).toEqual(inDb);
    expect(all.body.data.every((u: { organizationId: string }) => u.organizationId === orgA)).toBe(true);
    expect(all.body.data.map((u: { username: string }) => u.username)).not.toContain('admin');
  });

  it('narrows with a role and a text, and lists nothing for an organization without accounts', async () => {
    const treasurers = await t.get(`/users?organizationId=${orgA}&role=TREASURER&q=treasurer`, 'admin');
    expect(treasurers.status).toBe(200);
    expect(treasurers.body.data.map((u: { username: string }) => u.username)).toEqual(['treasurer-a']);
    expect(treasurers.body.meta.total).toBe(1);
    const none = await t.get('/users?organizationId=00000000-0000-4000-8000-000000000000', 'admin');
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ data: [], meta: { total: 0 } });
  });

  it('refuses an organization id that is not a UUID, naming the field; an OPD role may not list users', async () => {
    const bad = await t.get('/users?organizationId=disdikbud', 'admin');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['organizationId']);
    expect((await t.get(`/users?organizationId=${orgA}`, 'planner-a')).status).toBe(403);
  });

  it('refuses an account of an OPD role without its organization, naming every OPD role in the message', async () => {
    const res = await t.post('/users', { username: 'supervisor-x', password: 'a long enough passphrase 2026', fullName: 'Pengawas X', roles: ['SUPERVISOR'] }, 'admin');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'organizationId', message: 'required for an OPD role' }]);
    for (const role of ['PLANNER', 'PROJECT_OFFICER', 'TREASURER', 'FINANCE_OFFICER', 'BUDGET_USER', 'REVENUE_TREASURER', 'SUPERVISOR']) expect(res.body.detail).toContain(role);
    expect(await t.sql(`SELECT 1 FROM users WHERE username = 'supervisor-x'`)).toHaveLength(0);
  });
});
