import { startTestApp, TestApp } from './support/test-app';

// The RUP's JSON is a list as API.md writes every list: `{ data, meta: { page,
// limit, total } }`, pages in report order (OPD code, RUP code) that add up
// to the whole plan the CSV download carries; limit at most 500.
describe('e-project planning: the RUP answers one page with its total', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('pages the demo province\'s RUP, the pages together being the download', async () => {
    const all = await t.get('/project-planning/rup?fiscalYear=2026&limit=500', 'auditor');
    expect(all.status).toBe(200);
    const total = all.body.meta.total as number;
    expect(total).toBeGreaterThanOrEqual(3);
    expect(all.body.meta).toEqual({ page: 1, limit: 500, total });
    const codes = all.body.data.map((r: { rupCode: string }) => r.rupCode);
    expect(codes).toHaveLength(total);

    const paged: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 2); page++) {
      const res = await t.get(`/project-planning/rup?fiscalYear=2026&page=${page}&limit=2`, 'auditor');
      expect(res.body.meta).toEqual({ page, limit: 2, total });
      paged.push(...res.body.data.map((r: { rupCode: string }) => r.rupCode));
    }
    expect(paged).toEqual(codes);

    const csv = await t.get('/project-planning/rup?fiscalYear=2026&format=csv', 'auditor');
    expect(csv.text.trim().split('\r\n')).toHaveLength(total + 1);
    expect((await t.get('/project-planning/rup?fiscalYear=2026&limit=501', 'auditor')).body.errors[0].field).toBe('limit');
  });
});
