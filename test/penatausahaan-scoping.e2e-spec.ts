import { allottedLine, approvedSpm, issueSp2d, SUPPLIER, TREASURER_ACCOUNT } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// planner-a and the treasurer and finance officer of another OPD can neither
// see nor touch OPD A's payments (404 outside the OPD, 403 without the role).
describe('e-penatausahaan: who sees and touches what', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
    orgB = await t.orgId('B');
    for (const [username, roles] of [['treasurer-b', ['TREASURER']], ['finance-officer-b', ['FINANCE_OFFICER']], ['budget-user-b', ['BUDGET_USER']]] as const) {
      const res = await t.post('/users', { username, password: 'kas-daerah-b-2026', fullName: username, roles, organizationId: orgB }, 'admin');
      expect(res.status).toBe(201);
    }
    const line = await allottedLine(t, '12000000.00', '1000000.00');
    ids.line = line;
    const ls = await approvedSpm(t, { type: 'LS', organizationId: orgA, payee: SUPPLIER, lines: [{ budgetLineId: line, amount: '1000.00' }] });
    Object.assign(ids, ls);
    ids.sp2d = await issueSp2d(t, ls.spmId);
    const up = await approvedSpm(t, { type: 'UP', organizationId: orgA, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: line, amount: '1000.00' }] });
    ids.upSp2d = await issueSp2d(t, up.spmId);
    ids.spj = (await t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: ids.upSp2d, lines: [{ budgetLineId: line, amount: '10.00', description: 'x' }] }, 'treasurer-a')).body.id;
    ids.draft = (await t.post('/penatausahaan/spp', { type: 'LS', organizationId: orgA, payee: SUPPLIER, lines: [{ budgetLineId: line, amount: '1.00' }] }, 'treasurer-a')).body.id;
    ids.spd = (await t.sql<{ id: string }>(`SELECT spd_id AS id FROM spd_lines WHERE budget_line_id = $1`, [line]))[0].id;
  });
  afterAll(async () => { await t.close(); });

  const tokenB = async (u: string) => (await t.req('post', '/auth/login', { body: { username: u, password: 'kas-daerah-b-2026' } })).body.accessToken as string;
  const as = async (user: string, method: 'get' | 'post', path: string, body?: unknown) =>
    user.endsWith('-b') ? t.req(method, path, { body, headers: { Authorization: `Bearer ${await tokenB(user)}` } }) : t.req(method, path, { user, body });

  it('another OPD\'s treasurer and finance officer get 404 on every OPD A payment, and empty lists', async () => {
    const reads = [`/penatausahaan/spp/${ids.sppId}`, `/penatausahaan/spm/${ids.spmId}`, `/penatausahaan/sp2d/${ids.sp2d}`, `/penatausahaan/spj/${ids.spj}`, `/penatausahaan/spd/${ids.spd}`,
      `/penatausahaan/bku?organizationId=${orgA}`, `/penatausahaan/up-limits/2026/${orgA}`];
    for (const u of ['treasurer-b', 'finance-officer-b']) {
      for (const p of reads) expect({ u, p, s: (await as(u, 'get', p)).status }).toEqual({ u, p, s: 404 });
      for (const p of ['/penatausahaan/spp', '/penatausahaan/spm', '/penatausahaan/sp2d', '/penatausahaan/spj', '/penatausahaan/spd']) {
        const res = await as(u, 'get', p);
        expect(res.status).toBe(200);
        expect(res.body.meta.total).toBe(0);
      }
      expect((await as(u, 'get', '/penatausahaan/sp2d/register?fiscalYear=2026')).body).toEqual({ data: [], meta: { page: 1, limit: 50, total: 0, nextCursor: null } });
    }
    const writes: [string, string, unknown][] = [
      ['treasurer-b', `/penatausahaan/spp/${ids.draft}/submit`, {}],
      ['treasurer-b', '/penatausahaan/spp', { type: 'LS', organizationId: orgA, payee: SUPPLIER, lines: [{ budgetLineId: ids.line, amount: '1.00' }] }],
      ['treasurer-b', '/penatausahaan/spp', { type: 'LS', organizationId: orgB, payee: SUPPLIER, lines: [{ budgetLineId: ids.line, amount: '1.00' }] }],
      ['treasurer-b', '/penatausahaan/spj', { organizationId: orgB, advanceSp2dId: ids.upSp2d, lines: [{ budgetLineId: ids.line, amount: '1.00', description: 'x' }] }],
      ['treasurer-b', '/penatausahaan/bku/entries', { organizationId: orgA, entryDate: '2026-01-02', subLedger: 'BANK', direction: 'IN', amount: '1.00', description: 'x' }],
      ['finance-officer-b', `/penatausahaan/spp/${ids.draft}/approve`, {}],
      ['budget-user-b', `/penatausahaan/spj/${ids.spj}/approve`, {}],
      ['budget-user-b', `/penatausahaan/spm/${ids.spmId}/approve`, {}],
      ['finance-officer-b', '/penatausahaan/spm', { sppId: ids.draft }],
    ];
    for (const [u, p, body] of writes) expect({ u, p, s: (await as(u, 'post', p, body)).status }).toEqual({ u, p, s: 404 });
    expect((await t.get(`/penatausahaan/spp/${ids.draft}`, 'treasurer-a')).body.status).toBe('DRAFT');
  });

  it('planner-a (no payment role) is refused with 403, the auditor reads but cannot write', async () => {
    for (const p of [`/penatausahaan/spp/${ids.sppId}`, '/penatausahaan/spp', `/penatausahaan/sp2d/${ids.sp2d}`, `/penatausahaan/bku?organizationId=${orgA}`]) {
      expect((await t.get(p, 'planner-a')).status).toBe(403);
      expect((await t.get(p, 'auditor')).status).toBe(200);
    }
    expect((await t.post(`/penatausahaan/spp/${ids.draft}/submit`, {}, 'planner-a')).status).toBe(403);
    expect((await t.post('/penatausahaan/sp2d', { spmId: ids.spmId }, 'auditor')).status).toBe(403);
    expect((await t.get(`/penatausahaan/spp/${ids.sppId}`, 'treasurer-a')).status).toBe(200);
    expect((await t.get(`/penatausahaan/sp2d/${ids.sp2d}`, 'cash-authority')).status).toBe(200);
  });
});
