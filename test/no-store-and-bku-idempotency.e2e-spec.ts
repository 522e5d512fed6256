import { startTestApp, TestApp } from './support/test-app';

// Authenticated answers are never cached; a manual BKU entry retried with
// the same Idempotency-Key is written once.
describe('Cache-Control and BKU idempotency', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  it('answers every API response, exports and problems included, with Cache-Control: no-store', async () => {
    const responses = [
      await t.post('/auth/login', { username: 'auditor', password: 'grms-demo' }),
      await t.get('/auth/me', 'auditor'),
      await t.get('/budget-lines?fiscalYear=2026', 'planner-a'),
      await t.get(`/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026&format=csv`, 'auditor'),
      await t.get(`/penatausahaan/sp2d/register?fiscalYear=2026&format=xlsx`, 'auditor'),
      await t.get('/users/00000000-0000-4000-8000-000000000000', 'admin'),
      await t.get('/budget-lines'),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 404, 401]);
    for (const r of responses) expect(r.headers['cache-control']).toBe('no-store');
  });

  it('writes a BKU entry once when it is retried with the same Idempotency-Key, and refuses the key with another body', async () => {
    const body = { organizationId: orgA, entryDate: new Date().toISOString().slice(0, 10), subLedger: 'TAX', direction: 'IN', amount: '2500.00', description: 'PPh 21 dipungut' };
    const headers = { 'Idempotency-Key': 'bku-entry-0001' };
    const first = await t.post('/penatausahaan/bku/entries', body, 'treasurer-a', headers);
    expect(first.status).toBe(201);
    const again = await t.post('/penatausahaan/bku/entries', body, 'treasurer-a', headers);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM bku_entries WHERE description = 'PPh 21 dipungut'`);
    expect(n).toBe(1);
    const other = await t.post('/penatausahaan/bku/entries', { ...body, amount: '2600.00' }, 'treasurer-a', headers);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
