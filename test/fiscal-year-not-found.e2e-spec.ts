import { startTestApp, TestApp } from './support/test-app';

// A fiscal year that does not exist is answered the same way on every route
// that takes one, in the query, the path or the body: 404
// FISCAL_YEAR_NOT_FOUND naming the year and the field (decision 0040). A
// malformed year is still a 400, and the role check still comes first.
describe('an unknown fiscal year: 404 FISCAL_YEAR_NOT_FOUND on every route', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
  });
  afterAll(async () => { await t.close(); });

  const expectNotFound = (res: { status: number; body: { code?: string; detail?: string; errors?: { field: string }[] } }, what: string, field = 'fiscalYear') => {
    expect({ what, status: res.status, code: res.body.code }).toEqual({ what, status: 404, code: 'FISCAL_YEAR_NOT_FOUND' });
    expect(res.body.detail).toBe('fiscal year 2099 does not exist');
    expect(res.body.errors?.[0]?.field).toBe(field);
  };

  it('answers every read that takes a fiscal year in its query or path', async () => {
    const reads = [
      '/nomenclature?fiscalYear=2099', '/accounts?fiscalYear=2099', '/funding-sources?fiscalYear=2099', '/budget-lines?fiscalYear=2099',
      '/ledger/periods?fiscalYear=2099', '/tax-rates?fiscalYear=2099', '/hsb/items?fiscalYear=2099', '/budgeting/cash-plans?fiscalYear=2099',
      '/budgeting/ceilings?fiscalYear=2099', '/budgeting/documents?fiscalYear=2099', '/project-planning/packages?fiscalYear=2099',
      '/project-planning/thresholds?fiscalYear=2099', '/project-planning/rup?fiscalYear=2099', `/project-planning/rko?fiscalYear=2099&organizationId=${orgA}`,
      '/delivery/contracts?fiscalYear=2099', '/delivery/ocds?fiscalYear=2099', '/delivery/handovers?fiscalYear=2099',
      '/penatausahaan/spd?fiscalYear=2099', '/penatausahaan/spp?fiscalYear=2099', '/penatausahaan/spm?fiscalYear=2099', '/penatausahaan/sp2d?fiscalYear=2099',
      '/penatausahaan/sp2d/register?fiscalYear=2099', '/penatausahaan/spj?fiscalYear=2099', `/penatausahaan/bku?fiscalYear=2099&organizationId=${orgA}`,
      `/penatausahaan/bku/books/cash?fiscalYear=2099&organizationId=${orgA}`, `/penatausahaan/up-limits/2099/${orgA}`,
      `/penatausahaan/tax-deposits?fiscalYear=2099&organizationId=${orgA}`, `/penatausahaan/receipts?fiscalYear=2099&organizationId=${orgA}`,
      `/penatausahaan/cash-counts?fiscalYear=2099&organizationId=${orgA}`,
    ];
    for (const path of reads) expectNotFound(await t.get(path, 'admin'), `GET ${path}`);
    // the year of `from` when the BKU is asked without one
    expectNotFound(await t.get(`/penatausahaan/bku?organizationId=${orgA}&from=2099-01-01`, 'admin'), 'GET bku?from', 'from');
    // a year that exists is answered as before
    expect((await t.get('/budget-lines?fiscalYear=2026&limit=1', 'admin')).status).toBe(200);
  });

  it('answers writes that name a fiscal year in the path or the body', async () => {
    const line = (await t.get(`/budget-lines?fiscalYear=2026&organizationId=${orgA}&limit=1`, 'admin')).body.data[0].id as string;
    expectNotFound(await t.patch('/fiscal-years/2099', { status: 'EXECUTION' }, 'admin'), 'PATCH fiscal-years', 'year');
    expectNotFound(await t.put('/tax-rates/2099/PPH23', { name: 'PPh 23', rate: '2' }, 'admin'), 'PUT tax-rates');
    expectNotFound(await t.put('/project-planning/thresholds/2099/GOODS', { directMax: '200000000.00', regulation: 'Perpres 46/2025' }, 'admin'), 'PUT thresholds');
    expectNotFound(await t.put(`/penatausahaan/up-limits/2099/${orgA}`, { amount: '1000000.00' }, 'admin'), 'PUT up-limits');
    expectNotFound(await t.post('/ledger/periods/2099/3/close', {}, 'admin'), 'POST close');
    expectNotFound(await t.post('/hsb/locks', { fiscalYear: 2099, locked: true }, 'price-admin'), 'POST hsb/locks');
    const probe: [string, string, Record<string, unknown>][] = [
      ['price-admin', '/hsb/items', { fiscalYear: 2099, code: 'SBU.HON.0104', name: 'Honorarium Narasumber', unit: 'OJ', price: '1000000', category: 'SBU', accountCodes: ['5.1.02.02.01.0004'], ceiling: 'HARD' }],
      ['verifier', '/budgeting/ceilings', { fiscalYear: 2099, organizationId: orgA, amount: '3200000000' }],
      ['planner-a', '/budgeting/documents', { fiscalYear: 2099, organizationId: orgA, subActivityCode: '1.01.02.1.01.0003', stage: 'MURNI' }],
      ['project-officer-a', '/project-planning/packages', { fiscalYear: 2099, organizationId: orgA, subActivityCode: '1.01.02.1.01.0003', name: 'Pengadaan meubelair kelas', volume: '40', unit: 'set',
        locations: [{ regionCode: '33.74', detail: 'SMA N 1 Semarang' }], type: 'GOODS', method: 'DIRECT_PROCUREMENT', value: '150000000',
        fundingLines: [{ budgetLineId: line, amount: '150000000' }], procurementStart: '2099-02-01', procurementEnd: '2099-02-28', executionStart: '2099-03-01', executionEnd: '2099-05-31' }],
      ['cash-authority', '/penatausahaan/spd', { fiscalYear: 2099, organizationId: orgA, month: 3, lines: [{ budgetLineId: line, amount: '300000' }] }],
    ];
    for (const [user, path, body] of probe) expectNotFound(await t.post(path, body, user), `POST ${path}`);
  });

  it('keeps a malformed year a 400 and the role check first', async () => {
    const bad = await t.get('/budget-lines?fiscalYear=abc', 'admin');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('fiscalYear');
    expect((await t.get('/audit/events?entityType=FiscalYear', 'planner-a')).status).toBe(403);
    expect((await t.put('/tax-rates/2099/PPH23', { name: 'PPh 23', rate: '2' }, 'planner-a')).status).toBe(403);
  });
});
