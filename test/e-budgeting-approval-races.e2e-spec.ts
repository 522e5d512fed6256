import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

// Workflow actions that race (decision 0235 reads the ceiling usage in the
// statement after the one that takes the OPD's ceiling lock): two submits that
// together pass the ceiling let exactly one through; an approval raced by a
// second approval or by a rejection happens once, and the ledger shows it once.
describe('e-budgeting: racing submits, approvals and rejections', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  const cents = (s: string) => BigInt(s.replace('.', ''));
  const money = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

  const draft = async (sub: string, unitPrice: string): Promise<string> => {
    const doc = await t.post('/budgeting/documents', { fiscalYear: 2027, subActivityCode: sub, stage: 'MURNI' }, 'planner-a');
    expect(doc.status).toBe(201);
    const item = await t.post(`/budgeting/documents/${doc.body.id}/items`, {
      accountCode: '5.1.02.01.01.0024', fundingSourceCode: '1.1.1.01', description: 'Alat tulis kantor', coefficients: [{ quantity: '1', unit: 'paket' }], unitPrice, vat: false,
    }, 'planner-a');
    expect(item.status).toBe(201);
    return doc.body.id;
  };
  const posted = async (id: string) => (await t.sql<{ n: number; total: string }>(
    `SELECT count(*)::int AS n, COALESCE(sum(amount), 0)::numeric(20,2)::text AS total FROM ledger_entries WHERE source_type = 'BudgetDocument' AND source_id = $1`, [id]))[0];
  const setCeiling = async (amount: bigint) => {
    const res = await t.post('/budgeting/ceilings', { fiscalYear: 2027, organizationId: orgA, amount: money(amount) }, 'verifier');
    expect(res.status).toBeLessThan(300);
  };

  it('two submits that together pass the OPD ceiling: one goes through, the other is refused with the arithmetic', async () => {
    const [before] = (await t.get(`/budgeting/ceilings?fiscalYear=2027&organizationId=${orgA}`, 'verifier')).body.data
      .filter((c: { programCode: string | null }) => c.programCode === null);
    // room for one 10,000,000.00 document, not two
    await setCeiling(cents(before.used) + cents('15000000.00'));
    const x = await draft('1.01.02.1.01.0010', '10000000');
    const y = await draft('1.01.02.1.01.0011', '10000000');
    const both = await Promise.all([x, y].map((id) => t.post(`/budgeting/documents/${id}/submit`, {}, 'planner-a')));
    expect(both.map((r) => r.status).sort()).toEqual([200, 422]);
    const refused = both.find((r) => r.status === 422)!;
    expect(refused.body.code).toBe('EXCEEDS_CEILING');
    expect(refused.body.detail).toContain('over by 5000000.00');
    const [after] = (await t.get(`/budgeting/ceilings?fiscalYear=2027&organizationId=${orgA}`, 'verifier')).body.data
      .filter((c: { programCode: string | null }) => c.programCode === null);
    expect(after.used).toBe(money(cents(before.used) + cents('10000000.00')));

    // the one that went through, approved twice at once: once
    const won = [x, y][both.indexOf(both.find((r) => r.status === 200)!)];
    const approvals = await Promise.all([1, 2].map(() => t.post(`/budgeting/documents/${won}/approve`, {}, 'verifier')));
    expect(approvals.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(approvals.find((r) => r.status === 409)!.body.code).toBe('INVALID_STATE_TRANSITION');
    expect(await posted(won)).toEqual({ n: 1, total: '10000000.00' });

    // the refused one, once the ceiling allows it, approved and rejected at once: one of the two, and the ledger agrees
    const lost = won === x ? y : x;
    await setCeiling(cents(before.used) + cents('20000000.00'));
    expect((await t.post(`/budgeting/documents/${lost}/submit`, {}, 'planner-a')).status).toBe(200);
    const [approve, reject] = await Promise.all([
      t.post(`/budgeting/documents/${lost}/approve`, {}, 'verifier'),
      t.post(`/budgeting/documents/${lost}/reject`, { reason: 'rincian belum lengkap' }, 'verifier'),
    ]);
    expect([approve.status, reject.status].sort()).toEqual([200, 409]);
    const doc = (await t.get(`/budgeting/documents/${lost}`, 'verifier')).body;
    if (approve.status === 200) {
      expect(doc.status).toBe('APPROVED');
      expect(await posted(lost)).toEqual({ n: 1, total: '10000000.00' });
    } else {
      expect(doc).toMatchObject({ status: 'DRAFT', rejectionReason: 'rincian belum lengkap' });
      expect(await posted(lost)).toEqual({ n: 0, total: '0.00' });
    }
  });
});
