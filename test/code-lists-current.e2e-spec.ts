import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

// The demo runs on today's code lists (Kepmendagri 050-5889/2021 and its
// 2023 amendment): a new user finds today's accounts and sub kegiatan, the
// city price list lands on the right accounts, and a fiscal year keeps the
// codes of its own version.
describe('code lists per fiscal year, on the current lists', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('lists 5.1.02.01.01.0024 office stationery among the accounts of the demo year', async () => {
    const res = await t.get('/accounts?fiscalYear=2026&q=5.1.02.01.01.0024', 'planner-a');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([expect.objectContaining({
      code: '5.1.02.01.01.0024', name: 'Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor', level: 'SUB_RINCIAN_OBJEK', leaf: true, version: 'KMDN5889-2023',
    })]);
    // revenue and financing are in the chart too (from the 2019 list until a current one is loaded)
    const groups = await t.get('/accounts?fiscalYear=2026&level=KELOMPOK&limit=50', 'planner-a');
    expect(groups.body.data.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['4.1', '4.2', '5.1', '5.2', '6.1', '6.2']));
  });

  it('shows a sub kegiatan with its output indicator and unit', async () => {
    const res = await t.get('/nomenclature?fiscalYear=2026&q=1.01.02.1.01.0072', 'planner-a');
    expect(res.body.data).toEqual([expect.objectContaining({
      code: '1.01.02.1.01.0072', name: 'Pembangunan Ruang Kelas Baru', level: 'SUB_KEGIATAN',
      indicator: 'Jumlah Ruang Kelas Baru yang Bertambah', unit: 'Ruang',
    })]);
  });

  it('puts the city price list\'s office stationery on 5.1.02.01.01.0024, not on sports or disaster supplies', async () => {
    const file = readFileSync(join(__dirname, '..', 'data', 'reference', 'ssh_items_sample.csv'));
    const res = await request(t.app.getHttpServer()).post('/api/v1/hsb/imports').set('Authorization', `Bearer ${await t.token('price-admin')}`)
      .field('fiscalYear', '2027').field('profile', 'kota-malang-ssh').field('mode', 'partial')
      .attach('file', file, 'ssh_items_sample.csv');
    expect(res.status).toBe(200);
    // a row whose account does not exist in the year's version is refused, naming the account and the version
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({
      field: 'KODE REKENING', message: expect.stringMatching(/5\.1\.02\.01\.001\.00079 is not an expenditure account leaf of code list version KMDN5889-2023/),
    })]));
    const stationery = await t.sql<{ accounts: string[]; n: number }>(
      `SELECT account_codes AS accounts, count(*)::int AS n FROM hsb_items
       WHERE fiscal_year = 2027 AND code LIKE '1.1.12.01.03.0001.%' GROUP BY account_codes ORDER BY n DESC`);
    expect(stationery.reduce((s, r) => s + r.n, 0)).toBe(601);
    expect(stationery.every((r) => r.accounts.includes('5.1.02.01.01.0024'))).toBe(true);
    const onThatAccount = await t.get('/hsb/items?fiscalYear=2027&accountCode=5.1.02.01.01.0024&q=spidol&limit=1', 'planner-a');
    expect(onThatAccount.body.meta.total).toBeGreaterThan(0);
    // nothing of the list lands on sports consumables (0034 today) or on the 2019 numbers 024 (disaster relief) and 025 (sports)
    const wrong = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM hsb_items WHERE fiscal_year = 2027 AND code LIKE '1.1.12.%'
       AND account_codes && ARRAY['5.1.02.01.01.0034', '5.1.02.01.01.024', '5.1.02.01.01.025']`);
    expect(wrong[0].n).toBe(0);
  });

  it('refuses a 2019 code in a year on the current lists, naming the code, the version and the crosswalk\'s answer', async () => {
    const orgA = await t.orgId('A');
    const doc = await t.post('/budgeting/documents', { fiscalYear: 2027, organizationId: orgA, subActivityCode: '1.01.02.1.01.02', stage: 'MURNI' }, 'planner-a');
    expect([doc.status, doc.body.code]).toEqual([422, 'UNKNOWN_SUB_ACTIVITY']);
    expect(doc.body.detail).toContain('1.01.02.1.01.02 is not in code list version KMDN5889-2023 used by fiscal year 2027 (it belongs to version PMDN90-2019');
    const item = { fiscalYear: 2027, code: 'V.ATK.001', name: 'Pulpen', specification: 'tinta hitam', unit: 'Buah', price: '3500', category: 'SSH', ceiling: 'ESTIMATE' };
    const old = await t.post('/hsb/items', { ...item, accountCodes: ['5.2.02.10.01.001'] }, 'price-admin');
    expect([old.status, old.body.code]).toEqual([422, 'UNKNOWN_ACCOUNT']);
    expect(old.body.detail).toContain('5.2.02.10.01.001');
    expect(old.body.detail).toContain('KMDN5889-2023');
  });

  it('keeps a year on the version it names: a year on the 2019 lists takes 2019 codes and refuses current ones', async () => {
    const year = await t.post('/fiscal-years', { year: 2030, status: 'PLANNING', codeListVersion: 'PMDN90-2019' }, 'admin');
    expect([year.status, year.body.codeListVersion]).toEqual([201, 'PMDN90-2019']);
    const item = { fiscalYear: 2030, code: 'V.ATK.002', name: 'Pulpen', specification: 'tinta hitam', unit: 'Buah', price: '3500', category: 'SSH', ceiling: 'ESTIMATE' };
    const current = await t.post('/hsb/items', { ...item, accountCodes: ['5.1.02.01.01.0024'] }, 'price-admin');
    expect([current.status, current.body.code]).toEqual([422, 'UNKNOWN_ACCOUNT']);
    expect(current.body.detail).toContain('PMDN90-2019');
    const old = await t.post('/hsb/items', { ...item, accountCodes: ['5.1.02.01.01.001'] }, 'price-admin');
    expect(old.status).toBe(201);
    expect((await t.get('/accounts?fiscalYear=2030&q=5.1.02.01.01.001', 'planner-a')).body.data[0]).toMatchObject({ name: 'Belanja Alat Tulis Kantor', version: 'PMDN90-2019' });
    // the database holds the rule too: a catalogue row on a code outside its year's version is refused
    await expect(t.sql(`UPDATE hsb_items SET account_codes = ARRAY['5.1.02.01.01.0024'] WHERE id = $1`, [old.body.id])).rejects.toThrow(/not in the code list version of fiscal year 2030/);
    // so does a budget line of the demo year on a 2019 account
    await expect(t.sql(`INSERT INTO budget_lines (fiscal_year, organization_id, sub_activity_code, account_code, funding_source_code)
      VALUES (2026, $1, '1.01.02.1.01.0072', '5.1.02.01.01.001', '1.1.1.01')`, [await t.orgId('A')])).rejects.toThrow(/accounts code 5\.1\.02\.01\.01\.001 is not in the code list version of fiscal year 2026/);
    // and the year's version cannot change once it holds budget data
    await expect(t.sql(`UPDATE fiscal_years SET code_list_version = 'KMDN5889-2023' WHERE year = 2030`)).rejects.toThrow(/cannot change/);
  });
});
