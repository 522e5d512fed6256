import { allottedLine, approvedSpm, ledgerClean, line, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Never issued twice for one SPM; an Idempotency-Key replays the first response.
describe('e-penatausahaan: duplicates and idempotency', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('10 parallel SP2D requests for one SPM with different keys: exactly one SP2D', async () => {
    const id = await allottedLine(t, '12000000.00', '1000000.00');
    const { spmId } = await approvedSpm(t, { type: 'LS', organizationId: orgA, payee: SUPPLIER, lines: [{ budgetLineId: id, amount: '75000.00' }] });
    await t.token('cash-authority');
    const res = await Promise.all(Array.from({ length: 10 }, (_, i) => t.post('/penatausahaan/sp2d', { spmId }, 'cash-authority', { 'Idempotency-Key': `dup-race-${i}-000` })));
    expect(res.filter((r) => r.status === 201)).toHaveLength(1);
    const others = res.filter((r) => r.status !== 201);
    expect(others.map((r) => r.status)).toEqual(Array(9).fill(409));
    for (const r of others) expect(r.body.code).toBe('SP2D_ALREADY_ISSUED');
    expect((await t.sql(`SELECT id FROM sp2d WHERE spm_id = $1`, [spmId]))).toHaveLength(1);
    expect(await line(t, id)).toMatchObject({ disbursed: '75000.00', committed: '0.00' });
    // a refused request's key is not claimed: the failure left nothing behind
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key LIKE 'dup-race-%'`);
    expect(n).toBe(1);
    await ledgerClean(t);
  });

  it('20 parallel replays with one key: one SP2D and identical responses; another body with that key is 409', async () => {
    const id = await allottedLine(t, '12000000.00', '1000000.00');
    const { spmId } = await approvedSpm(t, { type: 'LS', organizationId: orgA, payee: SUPPLIER, lines: [{ budgetLineId: id, amount: '80000.00' }] });
    const key = 'replay-key-0001';
    await t.token('cash-authority');
    const res = await Promise.all(Array.from({ length: 20 }, () => t.post('/penatausahaan/sp2d', { spmId }, 'cash-authority', { 'Idempotency-Key': key })));
    expect(res.map((r) => r.status)).toEqual(Array(20).fill(201));
    // identical responses, to the byte
    for (const r of res) expect(r.text).toBe(res[0].text);
    // and the same content type, the first answer and the replays alike (the stored text is sent as it is)
    expect(new Set(res.map((r) => r.headers['content-type']))).toEqual(new Set(['application/json; charset=utf-8']));
    expect(res.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    expect((await t.sql(`SELECT id FROM sp2d WHERE spm_id = $1`, [spmId]))).toHaveLength(1);
    expect(await line(t, id)).toMatchObject({ disbursed: '80000.00' });
    const other = await t.post('/penatausahaan/sp2d', { spmId: '00000000-0000-4000-8000-000000000000' }, 'cash-authority', { 'Idempotency-Key': key });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // keys are per user: the same key from another cash authority is a new request (here refused: already issued)
    const mine = await t.post('/penatausahaan/sp2d', { spmId }, 'cash-authority-2', { 'Idempotency-Key': key });
    expect(mine.status).toBe(409);
    expect(mine.body.code).toBe('SP2D_ALREADY_ISSUED');
    await ledgerClean(t);
  });

  it('replays SPD, SPP, SPM and SPJ creation by key', async () => {
    const id = await allottedLine(t, '12000000.00', '1000000.00');
    const spdBody = { fiscalYear: 2026, organizationId: orgA, month: 12, lines: [{ budgetLineId: id, amount: '1.00' }] };
    const a = await t.post('/penatausahaan/spd', spdBody, 'cash-authority', { 'Idempotency-Key': 'spd-key-0001' });
    const b = await t.post('/penatausahaan/spd', spdBody, 'cash-authority', { 'Idempotency-Key': 'spd-key-0001' });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    const sppBody = { type: 'LS', organizationId: orgA, payee: SUPPLIER, lines: [{ budgetLineId: id, amount: '5.00' }] };
    const s1 = await t.post('/penatausahaan/spp', sppBody, 'treasurer-a', { 'Idempotency-Key': 'spp-key-0001' });
    const s2 = await t.post('/penatausahaan/spp', sppBody, 'treasurer-a', { 'Idempotency-Key': 'spp-key-0001' });
    expect(s2.body.id).toBe(s1.body.id);
    const s3 = await t.post('/penatausahaan/spp', { ...sppBody, lines: [{ budgetLineId: id, amount: '6.00' }] }, 'treasurer-a', { 'Idempotency-Key': 'spp-key-0001' });
    expect(s3.status).toBe(409);
    expect((await t.sql(`SELECT 1 FROM spp s JOIN spp_lines l ON l.spp_id = s.id WHERE l.budget_line_id = $1`, [id]))).toHaveLength(1);
    await t.post(`/penatausahaan/spp/${s1.body.id}/submit`, {}, 'treasurer-a');
    const m1 = await t.post('/penatausahaan/spm', { sppId: s1.body.id }, 'finance-officer-a', { 'Idempotency-Key': 'spm-key-0001' });
    const m2 = await t.post('/penatausahaan/spm', { sppId: s1.body.id }, 'finance-officer-a', { 'Idempotency-Key': 'spm-key-0001' });
    expect([m1.status, m2.status]).toEqual([201, 201]);
    expect(m2.body.id).toBe(m1.body.id);
  });
});
