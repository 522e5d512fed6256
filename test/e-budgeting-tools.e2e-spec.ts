import ExcelJS from 'exceljs';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

// Bulk entry and exports: items from XLSX (all or nothing), a whole OPD's
// cash plan from XLSX, the RKA/DPA sheet, and the integrity review.
describe('e-budgeting bulk tools', () => {
  let t: TestApp;
  let orgA: string;
  const sheet = async (rows: unknown[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const upload = async (path: string, file: Buffer, fields: Record<string, string> = {}) => {
    let r = request(t.app.getHttpServer()).post(`/api/v1${path}`).set('Authorization', `Bearer ${await t.token('planner-a')}`);
    for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
    return r.attach('file', file, 'upload.xlsx');
  };

  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
  });
  afterAll(async () => { await t.close(); });

  it('imports a document\'s items from XLSX, refusing the whole file when one row is bad', async () => {
    const doc = (await t.post('/budgeting/documents', { fiscalYear: 2027, organizationId: orgA, subActivityCode: '1.01.02.1.01.0010', stage: 'MURNI' }, 'planner-a')).body;
    const header = ['Kode Rekening', 'Sumber Dana', 'Kode HSB', 'Uraian', 'Koefisien', 'Harga Satuan', 'PPN', 'Justifikasi'];
    const good = ['5.1.02.01.01.0024', '1.1.1.01', 'SSH.ATK.0001', 'Kertas HVS A4', '10 sekolah x 20 rim', 55000, 'tidak', ''];
    const bad = await upload(`/budgeting/documents/${doc.id}/items/imports`, await sheet([header, good,
      ['5.1.02.02.01.0004', '1.1.1.01', 'SBU.HON.0002', 'Honor anggota', '5 orang x 12 bulan', 1000001, 'tidak', ''],
      ['5.1.02.01.01.0024', '1.1.1.01', '', 'Spidol', 'sepuluh buah', 9000, 'tidak', '']]));
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
    expect(bad.body.errors[0].message).toContain('EXCEEDS_HSB_CEILING');
    expect((await t.get(`/budgeting/documents/${doc.id}`, 'planner-a')).body.itemCount).toBe(0);
    const ok = await upload(`/budgeting/documents/${doc.id}/items/imports`, await sheet([header, good,
      ['5.1.02.02.01.0004', '1.1.1.01', 'SBU.HON.0002', 'Honor anggota', '5 orang x 12 bulan', 1000000, 'tidak', ''],
      ['5.1.02.01.01.0024', '1.1.1.01', '', 'Spidol', '2,5 lusin', 90000, 'ya', '']]));
    expect(ok.status).toBe(200);
    // 200 x 55,000 + 60 x 1,000,000 + 2.5 x 90,000 x 1.11
    expect(ok.body).toMatchObject({ imported: 3, total: '71249750.00' });
  });

  it('answers for the document before reading the file: unknown or another OPD\'s 404, not a draft 409, whatever the file holds', async () => {
    const headerless = await sheet([['no', 'such', 'columns']]);
    const unknown = await upload('/budgeting/documents/00000000-0000-4000-8000-000000000000/items/imports', headerless);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    const orgB = await t.orgId('B');
    const [other] = (await t.get(`/budgeting/documents?fiscalYear=2026&organizationId=${orgB}&limit=1`, 'auditor')).body.data;
    const foreign = await upload(`/budgeting/documents/${other.id}/items/imports`, headerless);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
    const [approved] = (await t.get(`/budgeting/documents?fiscalYear=2026&organizationId=${orgA}&status=APPROVED&limit=1`, 'planner-a')).body.data;
    const notDraft = await upload(`/budgeting/documents/${approved.id}/items/imports`, headerless);
    expect([notDraft.status, notDraft.body.code]).toEqual([409, 'DOCUMENT_NOT_DRAFT']);
  });

  it('exports the DPA as XLSX grouped by account, and as JSON', async () => {
    const [dpa] = (await t.get(`/budgeting/documents?fiscalYear=2026&organizationId=${orgA}&subActivityCode=1.01.02.1.01.0072&status=APPROVED`, 'planner-a')).body.data;
    const json = await t.get(`/budgeting/documents/${dpa.id}/export`, 'auditor');
    expect(json.body.title).toContain('DPA');
    expect(json.body.rows.filter((r: { kind: string }) => r.kind === 'ACCOUNT').map((r: { code: string; total: string }) => [r.code, r.total]))
      .toEqual([['5.1.02.01.01.0024', '150000000.00'], ['5.2.02.10.01.0001', '2450000000.00']]);
    expect(json.body.rows.at(-1)).toMatchObject({ kind: 'TOTAL', total: '2600000000.00' });
    const x = await request(t.app.getHttpServer()).get(`/api/v1/budgeting/documents/${dpa.id}/export?format=xlsx`)
      .set('Authorization', `Bearer ${await t.token('planner-a')}`).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(x.status).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.headers['content-disposition']).toMatch(/attachment; filename="DPA-2026-1\.01\.02\.1\.01\.0072-MURNI-r0\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body);
    const values = wb.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    const codes = values.map((r) => r[0]);
    expect(codes.slice(6)).toEqual(['5.1.02.01.01.0024', 'SSH.ATK.0001', 'SSH.ATK.0002', 'SSH.ATK.0003', '5.2.02.10.01.0001', 'SSH.TIK.0001', '']);
    expect(values[10].slice(0, 2)).toEqual(['5.2.02.10.01.0001', 'Belanja Modal Komputer Jaringan']);
    expect(values[10][7]).toBe(2450000000);
    expect(values[11].slice(2, 8)).toEqual(['10 sekolah x 1 paket', 10, 'sekolah-paket', 245000000, 0, 2450000000]);
    expect((await t.get(`/budgeting/documents/${dpa.id}/export`, 'planner-b')).status).toBe(404);
  });

  it('imports a whole OPD\'s cash plan from XLSX; a row off by one sen refuses the file', async () => {
    const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
    const header = ['Sub Kegiatan', 'Kode Rekening', 'Sumber Dana', ...months];
    const row = (sub: string, acc: string, fs: string, m: number[]) => [sub, acc, fs, ...m];
    const honor = row('1.01.02.1.01.0070', '5.1.02.02.01.0004', '1.1.1.01', [...Array(11).fill(7000000), 10500000]);
    const atk = row('1.01.02.1.01.0072', '5.1.02.01.01.0024', '1.2.1.01.02', [...Array(11).fill(12500000), 12500000.01]);
    const bad = await upload('/budgeting/cash-plans/imports', await sheet([header, honor, atk]), { fiscalYear: '2026', organizationId: orgA });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ row: 3, field: 'Januari..Desember', column: 'D:O', apiField: 'months', message: expect.stringContaining('difference 0.01') })]);
    atk[14] = 12500000;
    const ok = await upload('/budgeting/cash-plans/imports', await sheet([header, honor, atk]), { fiscalYear: '2026', organizationId: orgA });
    expect(ok.status).toBe(200);
    expect(ok.body.imported).toBe(2);
    const plans = (await t.get(`/budgeting/cash-plans?fiscalYear=2026&organizationId=${orgA}`, 'planner-a')).body.data;
    const hon = plans.find((p: { accountCode: string }) => p.accountCode === '5.1.02.02.01.0004');
    expect(hon.months[11]).toBe('10500000.00');
    const other = await upload('/budgeting/cash-plans/imports', await sheet([header, honor]), { fiscalYear: '2026', organizationId: await t.orgId('B') });
    expect(other.status).toBe(404);
  });

  it('reviews a document: above the catalogue price, quantity outliers, newer catalogue versions', async () => {
    const [kons] = (await t.get('/hsb/items?fiscalYear=2027&q=SSH.ATK.0002', 'planner-a')).body.data;
    const docs: string[] = [];
    for (const [sub, qty] of [['1.01.02.1.01.0011', '10'], ['1.01.02.1.01.0012', '12'], ['1.01.02.1.01.0013', '11'], ['1.01.02.1.01.0014', '500']] as const) {
      const d = (await t.post('/budgeting/documents', { fiscalYear: 2027, organizationId: orgA, subActivityCode: sub, stage: 'MURNI' }, 'planner-a')).body;
      const r = await t.post(`/budgeting/documents/${d.id}/items`, { accountCode: '5.1.02.01.01.0024', fundingSourceCode: '1.1.1.01', hsbItemId: kons.id, description: 'Tinta printer',
        coefficients: [{ quantity: qty, unit: 'botol' }], unitPrice: sub.endsWith('0014') ? '99000' : '95000', vat: false, justification: 'harga naik' }, 'planner-a');
      expect(r.status).toBe(201);
      docs.push(d.id);
    }
    await t.patch(`/hsb/items/${kons.id}`, { price: '97000' }, 'price-admin');
    const rev = await t.get(`/budgeting/documents/${docs[3]}/review`, 'verifier');
    expect(rev.status).toBe(200);
    expect(rev.body.flags.map((f: { code: string }) => f.code).sort()).toEqual(['ABOVE_CATALOGUE_PRICE', 'NEWER_CATALOGUE_VERSION', 'QUANTITY_OUTLIER']);
    expect(rev.body.flaggedItems).toBe(1);
    const calm = await t.get(`/budgeting/documents/${docs[0]}/review`, 'verifier');
    expect(calm.body.flags.map((f: { code: string }) => f.code)).toEqual(['NEWER_CATALOGUE_VERSION']);
  });
});
