import { startTestApp, TestApp } from './support/test-app';

// A PERGESERAN is classified at submission from the accounts it changes:
// within one objek the regional finance head approves, between objek of one
// jenis the regional secretary; from goods and services (5.1.02) to capital
// (5.2) it is no shift but an amendment, refused as a PERGESERAN.
describe('e-budgeting: budget shifts classified and routed', () => {
  let t: TestApp;
  let orgA: string;
  const sub = '1.01.02.1.01.0070';
  const from = '5.1.02.02.01.0004';
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  const leaf = async (like: string) => (await t.sql<{ code: string }>(
    `SELECT code FROM accounts WHERE level = 6 AND code LIKE $1 AND code <> $2 ORDER BY code LIMIT 1`, [like, from]))[0].code;

  /** A PERGESERAN moving 5,000,000.00 from `from` to `to`, submitted; returns the response of the submission. */
  const shift = async (to: string) => {
    const rev = await t.post('/budgeting/documents', { fiscalYear: 2026, organizationId: orgA, subActivityCode: sub, stage: 'PERGESERAN' }, 'planner-a');
    expect(rev.status).toBe(201);
    const anggota = rev.body.items.find((i: { description: string; accountCode: string }) => i.description.includes('anggota') && i.accountCode === from);
    const coefficients = anggota.coefficients.map((c: { quantity: string; unit: string }) => (c.unit === 'bulan' ? { ...c, quantity: String(Number(c.quantity) - 1) } : c));
    expect((await t.patch(`/budgeting/documents/${rev.body.id}/items/${anggota.id}`, { coefficients }, 'planner-a')).status).toBe(200);
    const add = await t.post(`/budgeting/documents/${rev.body.id}/items`, { accountCode: to, fundingSourceCode: anggota.fundingSourceCode, description: 'pergeseran',
      coefficients: [{ quantity: '100', unit: 'paket' }], unitPrice: '50000', vat: false }, 'planner-a');
    expect(add.status).toBe(201);
    return { id: rev.body.id as string, submit: await t.post(`/budgeting/documents/${rev.body.id}/submit`, {}, 'planner-a') };
  };

  it('within one objek: the regional finance head approves, no one else', async () => {
    const to = await leaf('5.1.02.02.%');
    const { id, submit } = await shift(to);
    expect(submit.status).toBe(200);
    expect(submit.body.shiftClass).toBe('WITHIN_OBJEK');
    for (const u of ['verifier', 'regional-secretary']) {
      const res = await t.post(`/budgeting/documents/${id}/approve`, {}, u);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('WRONG_APPROVER');
      expect(res.body.detail).toContain('REGIONAL_FINANCE_HEAD');
    }
    expect((await t.post(`/budgeting/documents/${id}/approve`, {}, 'planner-a')).status).toBe(403);
    const ok = await t.post(`/budgeting/documents/${id}/approve`, {}, 'finance-head');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'APPROVED', approvedBy: 'finance-head', shiftClass: 'WITHIN_OBJEK' });
  });

  it('between two objek of one jenis: the regional secretary approves', async () => {
    const to = await leaf('5.1.02.01.%');
    const { id, submit } = await shift(to);
    expect(submit.body.shiftClass).toBe('BETWEEN_OBJEK');
    const head = await t.post(`/budgeting/documents/${id}/approve`, {}, 'finance-head');
    expect(head.status).toBe(403);
    expect(head.body.detail).toContain('between objek of one jenis is approved or rejected by REGIONAL_SECRETARY');
    const ok = await t.post(`/budgeting/documents/${id}/approve`, {}, 'regional-secretary');
    expect(ok.status).toBe(200);
    expect(ok.body.approvedBy).toBe('regional-secretary');
  });

  it('from goods and services (5.1.02) to capital (5.2) is refused as a PERGESERAN: it is a PERUBAHAN', async () => {
    const to = await leaf('5.2.%');
    const before = await t.sql(`SELECT count(*)::int AS n FROM ledger_entries`);
    const { id, submit } = await shift(to);
    expect(submit.status).toBe(422);
    expect(submit.body.code).toBe('SHIFT_IS_AMENDMENT');
    expect(submit.body.detail).toContain(`between jenis 5.1.02 and ${to.split('.').slice(0, 3).join('.')}`);
    expect(submit.body.detail).toContain('make it a PERUBAHAN');
    expect((await t.get(`/budgeting/documents/${id}`, 'planner-a')).body.status).toBe('DRAFT');
    expect(await t.sql(`SELECT count(*)::int AS n FROM ledger_entries`)).toEqual(before);
  });
});
