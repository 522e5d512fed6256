import { allottedLine, approvedSpm, ledgerClean, line, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Racing requests never both pass: the availability check locks the budget
// line rows before summing the payments in process.
describe('e-penatausahaan: races', () => {
  let t: TestApp;
  let orgA: string;
  // A pool smaller than the number of racing requests: a request must never
  // need a second pooled connection while it holds one (that starves the pool).
  beforeAll(async () => { t = await startTestApp({ DB_POOL_SIZE: '4' }); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('30 SPPs of 50,000.00 submitted in parallel against 1,000,000.00 allotted: exactly 20 accepted, 10 refused', async () => {
    const id = await allottedLine(t, '12000000.00', '1000000.00');
    const drafts: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await t.post('/penatausahaan/spp', { type: 'LS', organizationId: orgA, payee: SUPPLIER, lines: [{ budgetLineId: id, amount: '50000.00' }] }, 'treasurer-a');
      expect(res.status).toBe(201);
      drafts.push(res.body.id);
    }
    await t.token('treasurer-a');
    const results = await Promise.all(drafts.map((d) => t.post(`/penatausahaan/spp/${d}/submit`, {}, 'treasurer-a')));
    const accepted = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 422);
    expect(accepted).toHaveLength(20);
    expect(refused).toHaveLength(10);
    for (const r of refused) {
      expect(r.body.code).toBe('INSUFFICIENT_ALLOTMENT');
      expect(r.body.detail).toContain(`budget line ${id}: requested 50000.00 > allotted 1000000.00 - disbursed 0.00 - in process 1000000.00 = 0.00`);
    }
    const [{ inProcess }] = await t.sql<{ inProcess: string }>(
      `SELECT sum(l.amount)::text AS "inProcess" FROM spp_lines l JOIN spp s ON s.id = l.spp_id WHERE l.budget_line_id = $1 AND s.status = 'SUBMITTED'`, [id]);
    expect(inProcess).toBe('1000000.00');

    // pay all 20: the line is disbursed exactly to its allotment, and the ledger agrees
    const submitted = drafts.filter((_, i) => results[i].status === 200);
    for (const sppId of submitted) {
      const spm = await t.post('/penatausahaan/spm', { sppId }, 'finance-officer-a');
      expect((await t.post(`/penatausahaan/spm/${spm.body.id}/approve`, {}, 'budget-user-a')).status).toBe(200);
    }
    const spms = await t.sql<{ id: string }>(`SELECT s.id FROM spm s WHERE s.spp_id = ANY($1::uuid[])`, [submitted]);
    const issued = await Promise.all(spms.map((s) => t.post('/penatausahaan/sp2d', { spmId: s.id }, 'cash-authority')));
    expect(issued.every((r) => r.status === 201)).toBe(true);
    expect(await line(t, id)).toMatchObject({ allotted: '1000000.00', committed: '0.00', disbursed: '1000000.00' });
    const balance = await t.get(`/budget-lines/${id}`, 'treasurer-a');
    expect(balance.body).toMatchObject({ allotted: '1000000.00', disbursed: '1000000.00', allottedUnspent: '0.00' });
    await ledgerClean(t);
    // a resubmission of a refused one still fails
    const retry = await t.post(`/penatausahaan/spp/${drafts[results.findIndex((r) => r.status === 422)]}/submit`, {}, 'treasurer-a');
    expect(retry.body.code).toBe('INSUFFICIENT_ALLOTMENT');
  });

  it('two SPDs racing on one line never exceed the cash plan together', async () => {
    const id = await allottedLine(t, '1200000.00', '100000.00'); // plan to March: 300,000; 100,000 given
    const body = { fiscalYear: 2026, organizationId: orgA, month: 3, lines: [{ budgetLineId: id, amount: '150000.00' }] };
    await t.token('cash-authority');
    const res = await Promise.all([0, 1, 2].map(() => t.post('/penatausahaan/spd', body, 'cash-authority')));
    expect(res.map((r) => r.status).sort()).toEqual([201, 422, 422]);
  });

  it('SPM approvals and SP2Ds on shared lines do not deadlock or overspend', async () => {
    const a = await allottedLine(t, '12000000.00', '500000.00');
    const b = await allottedLine(t, '12000000.00', '500000.00');
    const spms: string[] = [];
    for (let i = 0; i < 6; i++) {
      const lines = i % 2 ? [{ budgetLineId: a, amount: '10000.00' }, { budgetLineId: b, amount: '20000.00' }] : [{ budgetLineId: b, amount: '10000.00' }, { budgetLineId: a, amount: '20000.00' }];
      spms.push((await approvedSpm(t, { type: 'LS', organizationId: orgA, payee: SUPPLIER, lines })).spmId);
    }
    const res = await Promise.all(spms.map((spmId) => t.post('/penatausahaan/sp2d', { spmId }, 'cash-authority')));
    expect(res.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(await line(t, a)).toMatchObject({ disbursed: '90000.00', committed: '0.00' });
    expect(await line(t, b)).toMatchObject({ disbursed: '90000.00', committed: '0.00' });
    await ledgerClean(t);
  });
});
