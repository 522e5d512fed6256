import { startTestApp, TestApp } from './support/test-app';

describe('reference data', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('loads both code-list versions in full: the 2019 lists and the current ones', async () => {
    const res = await t.get('/code-list-versions', 'auditor');
    expect(res.status).toBe(200);
    expect(res.body.data.map((v: { id: string; accounts: number; nomenclature: number; fundingSources: number }) => [v.id, v.accounts, v.nomenclature, v.fundingSources])).toEqual([
      ['PMDN90-2019', 3967, 3041, 198],
      // 4,276 expenditure accounts of 050-5889/2021 + 1317/2023, and the 1,425 revenue and financing accounts of 2019 until a current list exists
      ['KMDN5889-2023', 4276 + 1425, 5220, 198],
    ]);
    expect(res.body.data[1].fiscalYears).toEqual(expect.arrayContaining([2026, 2027]));
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM functions`);
    expect(n).toBe(56);
  });

  it('lists nomenclature by level and parent, with level names, indicator and unit', async () => {
    const res = await t.get('/nomenclature?fiscalYear=2026&level=SUB_KEGIATAN&parentCode=1.01.02.1.01', 'planner-a');
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({
      code: '1.01.02.1.01.0001', level: 'SUB_KEGIATAN', parentCode: '1.01.02.1.01', leaf: true, version: 'KMDN5889-2023',
      indicator: 'Jumlah Sekolah Baru yang Telah Dibangun', unit: 'Unit',
    });
    const kegiatan = await t.get('/nomenclature?level=KEGIATAN&q=sekolah menengah', 'planner-a');
    expect(kegiatan.body.data.map((r: { code: string }) => r.code)).toContain('1.01.02.1.01');
    const old = await t.get('/nomenclature?version=PMDN90-2019&level=SUB_KEGIATAN&parentCode=1.01.02.1.01', 'planner-a');
    expect(old.body.data[0]).toMatchObject({ code: '1.01.02.1.01.01', version: 'PMDN90-2019', indicator: null, unit: null });
  });

  it('lists accounts as { code, name, level, parentCode } of the version asked for', async () => {
    const res = await t.get('/accounts?fiscalYear=2026&parentCode=5.1.02.01.01&q=alat tulis', 'planner-a');
    expect(res.body.data[0]).toMatchObject({ code: '5.1.02.01.01.0024', name: 'Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor', level: 'SUB_RINCIAN_OBJEK', parentCode: '5.1.02.01.01' });
    expect((await t.get('/accounts?level=AKUN', 'planner-a')).body.data.map((r: { code: string }) => r.code)).toEqual(['4', '5', '6']);
    expect((await t.get('/accounts?level=BOGUS', 'planner-a')).status).toBe(400);
    const old = await t.get('/accounts?version=PMDN90-2019&parentCode=5.1.02.01.01&q=alat tulis', 'planner-a');
    expect(old.body.data[0]).toMatchObject({ code: '5.1.02.01.01.001', name: 'Belanja Alat Tulis Kantor', version: 'PMDN90-2019' });
    expect((await t.get('/accounts?version=NOPE', 'planner-a')).status).toBe(404);
    expect((await t.get('/accounts?fiscalYear=2099', 'planner-a')).status).toBe(404);
  });

  it('lists funding sources and organizations', async () => {
    const fs = await t.get('/funding-sources?q=dana alokasi umum', 'treasurer-a');
    expect(fs.body.data.map((r: { code: string }) => r.code)).toContain('1.2.1.01.02');
    const orgs = await t.get('/organizations?kind=OPD', 'treasurer-a');
    expect(orgs.body.meta.total).toBeGreaterThanOrEqual(10);
    expect(orgs.body.data.find((o: { shortName: string }) => o.shortName === 'Disdikbud')).toBeDefined();
  });

  it('moves fiscal years forward only, by ADMIN', async () => {
    const created = await t.post('/fiscal-years', { year: 2028, status: 'PLANNING' }, 'admin');
    expect([created.status, created.body.codeListVersion]).toEqual([201, 'KMDN5889-2023']);
    expect((await t.post('/fiscal-years', { year: 2029, status: 'PLANNING', codeListVersion: 'NOPE' }, 'admin')).body.code).toBe('UNKNOWN_CODE_LIST_VERSION');
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
