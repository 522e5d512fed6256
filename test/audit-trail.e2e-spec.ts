import { startTestApp, TestApp } from './support/test-app';

describe('audit trail', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('records who, what, when, the request id and before/after of a change', async () => {
    const res = await t.req('post', '/fiscal-years', { user: 'admin', body: { year: 2030, status: 'PLANNING' }, headers: { 'X-Request-Id': 'req-audit-1' } });
    expect(res.status).toBe(201);
    expect(res.headers['x-request-id']).toBe('req-audit-1');
    const upd = await t.patch('/fiscal-years/2030', { status: 'EXECUTION' }, 'admin');
    expect(upd.status).toBe(200);
    const events = await t.get('/audit/events?entityType=FiscalYear&entityId=2030', 'auditor');
    expect(events.status).toBe(200);
    expect(events.body.meta.total).toBe(2);
    const [update, create] = events.body.data;
    expect(create).toMatchObject({ action: 'FISCAL_YEAR.CREATE', actorUsername: 'admin', requestId: 'req-audit-1', before: null });
    expect(create.after).toMatchObject({ year: 2030, status: 'PLANNING' });
    expect(update).toMatchObject({ action: 'FISCAL_YEAR.UPDATE', before: { status: 'PLANNING' }, after: { status: 'EXECUTION' } });
    expect(new Date(update.occurredAt).getTime()).toBeGreaterThanOrEqual(new Date(create.occurredAt).getTime());
    expect(update.prevHash).toBe(create.hash);
    expect(create.entityLabel).toBeNull(); // a fiscal year's record carries no number, code or name
  });

  it('names the entity by what its record carries: a user by username, a catalogue item by its code', async () => {
    const created = await t.post('/users', { username: 'auditor-label', password: 'a-long-password', fullName: 'Pemeriksa Label', roles: ['AUDITOR'] }, 'admin');
    expect(created.status).toBe(201);
    const users = await t.get(`/audit/events?entityType=User&entityId=${created.body.id}`, 'auditor');
    expect(users.body.data).toHaveLength(1);
    expect(users.body.data[0]).toMatchObject({ action: 'USER.CREATE', entityId: created.body.id, entityLabel: 'auditor-label' });
    const csv = await t.get(`/audit/events?entityType=User&entityId=${created.body.id}&format=csv`, 'auditor');
    expect(csv.text.split('\r\n')[1]).toContain(',USER.CREATE,User,auditor-label,');
    // a login is about the user who logs in: named by their username, though its record holds only the address
    await t.get('/auth/me', 'auditor');
    const [login] = (await t.get('/audit/events?action=AUTH.LOGIN&username=auditor&limit=1', 'auditor')).body.data;
    expect(login).toMatchObject({ entityType: 'User', entityLabel: 'auditor' });
  });

  it('names a budget line by its codes (year, OPD, sub kegiatan, account, funding source), in the list and the CSV', async () => {
    const [posted] = (await t.get('/audit/events?entityType=BudgetLine&action=LEDGER.POST&limit=1', 'auditor')).body.data;
    expect(posted).toBeDefined();
    const line = (await t.get(`/budget-lines/${posted.entityId}`, 'auditor')).body;
    const org = (await t.get(`/organizations/${line.organizationId}`, 'auditor')).body;
    const label = `${line.fiscalYear} ${org.code} / ${line.subActivityCode} / ${line.accountCode} / ${line.fundingSourceCode}`;
    expect(posted.entityLabel).toBe(label);
    const csv = await t.get(`/audit/events?entityType=BudgetLine&entityId=${posted.entityId}&format=csv`, 'auditor');
    expect(csv.text).toContain(`,BudgetLine,${label},`);
  });

  it('filters by actor and time and paginates with a real total', async () => {
    const admin = (await t.get('/auth/me', 'admin')).body;
    const all = await t.get(`/audit/events?actorId=${admin.id}&limit=1`, 'auditor');
    expect(all.body.data).toHaveLength(1);
    expect(all.body.meta.total).toBeGreaterThan(1);
    const future = await t.get('/audit/events?from=2999-01-01', 'auditor');
    expect(future.body.meta.total).toBe(0);
  });

  it('filters by username, request id and entity; a date range includes its last day; an impossible date names its field', async () => {
    const res = await t.req('post', '/fiscal-years', { user: 'admin', body: { year: 2031, status: 'PLANNING' }, headers: { 'X-Request-Id': 'req-audit-filter' } });
    expect(res.status).toBe(201);
    const byRequest = await t.get('/audit/events?requestId=req-audit-filter', 'auditor');
    expect(byRequest.body.meta.total).toBe(1);
    expect(byRequest.body.data[0]).toMatchObject({ entityType: 'FiscalYear', entityId: '2031', actorUsername: 'admin' });
    const byUser = await t.get('/audit/events?username=admin&entityType=FiscalYear&entityId=2031', 'auditor');
    expect(byUser.body.meta.total).toBe(1);
    expect((await t.get('/audit/events?username=planner-a&entityType=FiscalYear&entityId=2031', 'auditor')).body.meta.total).toBe(0);
    const today = byRequest.body.data[0].occurredAt.slice(0, 10);
    const sameDay = await t.get(`/audit/events?requestId=req-audit-filter&from=${today}&to=${today}`, 'auditor');
    expect(sameDay.body.meta.total).toBe(1);
    const impossible = await t.get('/audit/events?to=2026-02-30', 'auditor');
    expect(impossible.status).toBe(400);
    expect(impossible.body.errors.map((e: { field: string }) => e.field)).toEqual(['to']);
  });

  it('leaves neither data nor an audit record when a request fails', async () => {
    const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events`);
    const res = await t.patch('/fiscal-years/2026', { status: 'PLANNING' }, 'admin');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_STATE_TRANSITION');
    const after = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events`);
    expect(after[0].n).toBe(before[0].n);
    expect((await t.sql(`SELECT status FROM fiscal_years WHERE year = 2026`))[0].status).toBe('EXECUTION');
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE, to the API by privilege and to the owner by trigger', async () => {
    for (const [table, column] of [['audit_events', 'action'], ['audit_chain', 'event_id']]) {
      await expect(t.sql(`UPDATE ${table} SET ${column} = ${column}`)).rejects.toThrow(/permission denied/);
      await expect(t.sql(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
      await expect(t.sql(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/permission denied/);
      await expect(t.superSql(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
      await expect(t.superSql(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/append-only/);
    }
    await expect(t.superSql(`UPDATE audit_events SET action = 'X'`)).rejects.toThrow(/append-only/);
  });

  it('keeps one unforked chain under concurrent writes', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => t.post('/fiscal-years', { year: 2040 + i, status: 'PLANNING' }, 'admin')));
    const v = await t.get('/audit/verify', 'auditor');
    expect(v.body).toMatchObject({ valid: true, firstInvalidId: null });
    const gaps = await t.sql(`SELECT count(*)::int AS n FROM (SELECT chain_no, lag(chain_no) OVER (ORDER BY chain_no) AS p FROM audit_chain) s WHERE p IS NOT NULL AND chain_no <> p + 1`);
    expect(gaps[0].n).toBe(0);
    const [{ chained, events }] = await t.sql(`SELECT (SELECT count(*)::int FROM audit_chain) AS chained, (SELECT count(*)::int FROM audit_events) AS events`);
    expect(chained).toBe(events);
  });

  it('detects a record altered directly in the database and names the first broken one', async () => {
    const ok = await t.get('/audit/verify', 'auditor');
    expect(ok.body.valid).toBe(true);
    expect(ok.body.checked).toBeGreaterThan(10);
    const [victim] = await t.sql<{ id: string }>(`SELECT event_id AS id FROM audit_chain ORDER BY chain_no OFFSET 5 LIMIT 1`);
    const [later] = await t.sql<{ id: string }>(`SELECT event_id AS id FROM audit_chain ORDER BY chain_no OFFSET 8 LIMIT 1`);
    await t.superSql(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    await t.superSql(`UPDATE audit_events SET after = '{"forged": true}' WHERE id = $1`, [later.id]);
    await t.superSql(`UPDATE audit_events SET actor_username = 'someone-else' WHERE id = $1`, [victim.id]);
    await t.superSql(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
    const bad = await t.get('/audit/verify', 'auditor');
    expect(bad.body).toMatchObject({ valid: false, firstInvalidId: victim.id });
    expect(bad.body.reason).toMatch(/hash/);
  });

  it('is readable by AUDITOR and ADMIN only', async () => {
    expect((await t.get('/audit/verify', 'planner-a')).status).toBe(403);
    expect((await t.get('/audit/events', 'cash-authority')).status).toBe(403);
  });
});
