import { startTestApp, TestApp } from './support/test-app';

describe('reference data', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('loads the real code lists in full', async () => {
    const counts = await t.sql<{ t: string; n: number }>(`
      SELECT 'accounts' AS t, count(*)::int AS n FROM accounts UNION ALL SELECT 'nomenclature', count(*)::int FROM nomenclature
      UNION ALL SELECT 'funding_sources', count(*)::int FROM funding_sources UNION ALL SELECT 'functions', count(*)::int FROM functions`);
    expect(Object.fromEntries(counts.map((c) => [c.t, c.n]))).toEqual({ accounts: 3967, nomenclature: 3041, funding_sources: 198, functions: 56 });
  });

  it('lists nomenclature by level and parent, with level names', async () => {
    const res = await t.get('/nomenclature?level=SUB_KEGIATAN&parentCode=1.01.02.1.01', 'planner-a');
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({ code: '1.01.02.1.01.01', level: 'SUB_KEGIATAN', parentCode: '1.01.02.1.01', leaf: true });
    const kegiatan = await t.get('/nomenclature?level=KEGIATAN&q=sekolah menengah', 'planner-a');
    expect(kegiatan.body.data.map((r: { code: string }) => r.code)).toContain('1.01.02.1.01');
  });

  it('lists accounts as { code, name, level, parentCode }', async () => {
    const res = await t.get('/accounts?parentCode=5.1.02.01.01&q=alat tulis', 'planner-a');
    expect(res.body.data[0]).toMatchObject({ code: '5.1.02.01.01.001', name: 'Belanja Alat Tulis Kantor', level: 'SUB_RINCIAN_OBJEK', parentCode: '5.1.02.01.01' });
    expect((await t.get('/accounts?level=AKUN', 'planner-a')).body.data.map((r: { code: string }) => r.code)).toEqual(['4', '5', '6']);
    expect((await t.get('/accounts?level=BOGUS', 'planner-a')).status).toBe(400);
  });

  it('lists funding sources and organizations', async () => {
    const fs = await t.get('/funding-sources?q=dana alokasi umum', 'treasurer-a');
    expect(fs.body.data.map((r: { code: string }) => r.code)).toContain('1.2.1.01.02');
    const orgs = await t.get('/organizations?kind=OPD', 'treasurer-a');
    expect(orgs.body.meta.total).toBeGreaterThanOrEqual(10);
    expect(orgs.body.data.find((o: { shortName: string }) => o.shortName === 'Disdikbud')).toBeDefined();
  });

  it('moves fiscal years forward only, by ADMIN', async () => {
    expect((await t.post('/fiscal-years', { year: 2028, status: 'PLANNING' }, 'admin')).status).toBe(201);
    expect((await t.post('/fiscal-years', { year: 2028, status: 'PLANNING' }, 'admin')).body.code).toBe('FISCAL_YEAR_EXISTS');
    expect((await t.patch('/fiscal-years/2028', { status: 'CLOSED' }, 'admin')).status).toBe(409);
    expect((await t.patch('/fiscal-years/2028', { status: 'EXECUTION' }, 'admin')).body.status).toBe('EXECUTION');
    expect((await t.patch('/fiscal-years/2028', { status: 'CLOSED' }, 'admin')).body.status).toBe('CLOSED');
    expect((await t.patch('/fiscal-years/2028', { status: 'EXECUTION' }, 'admin')).status).toBe(409);
    expect((await t.patch('/fiscal-years/2099', { status: 'EXECUTION' }, 'admin')).status).toBe(404);
    const list = await t.get('/fiscal-years', 'planner-a');
    expect(list.body.data.find((y: { year: number }) => y.year === 2026).status).toBe('EXECUTION');
    expect(list.body.data.find((y: { year: number }) => y.year === 2027).status).toBe('PLANNING');
  });

  it('lets ADMIN add an organization unit under an OPD', async () => {
    const parent = await t.orgId('A');
    const res = await t.post('/organizations', { code: '1.01.0.00.0.00.01.0001', name: 'Cabang Dinas Pendidikan Wilayah I', kind: 'UNIT', parentId: parent }, 'admin');
    expect(res.status).toBe(201);
    expect(res.body.parentId).toBe(parent);
    expect((await t.post('/organizations', { code: 'abc', name: 'X', kind: 'UNIT' }, 'admin')).status).toBe(400);
  });
});
