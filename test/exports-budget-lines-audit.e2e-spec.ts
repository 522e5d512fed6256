import ExcelJS from 'exceljs';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The fields of one CSV row (RFC 4180 quotes; a formula-safe apostrophe stays). */
function csvFields(row: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (row[i] === '"') {
      for (i++; i < row.length; i++) {
        if (row[i] === '"' && row[i + 1] === '"') { field += '"'; i++; } else if (row[i] === '"') { i++; break; } else field += row[i];
      }
    } else {
      const end = row.indexOf(',', i);
      field = row.slice(i, end < 0 ? row.length : end);
      i = end < 0 ? row.length : end;
    }
    fields.push(field);
    if (row[i] !== ',') return fields;
    i++;
  }
}

describe('exports: budget lines and audit events as csv and xlsx', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  const xlsx = async (path: string, user: string): Promise<{ headers: Record<string, string>; ws: ExcelJS.Worksheet }> => {
    const res = await request(t.app.getHttpServer()).get(`/api/v1${path}`)
      .set('Authorization', `Bearer ${await t.token(user)}`).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    return { headers: res.headers as Record<string, string>, ws: wb.worksheets[0] };
  };

  it('downloads every budget line of the filters with codes and names, never ids', async () => {
    const json = await t.get('/budget-lines?fiscalYear=2026&limit=1', 'auditor');
    const total = json.body.meta.total as number;
    expect(total).toBeGreaterThan(1); // more than the page of one asked beside it
    const csv = await t.get('/budget-lines?fiscalYear=2026&limit=1&format=csv', 'auditor');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/budget-lines-2026\.csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('Tahun,Kode OPD,OPD,Kode Sub Kegiatan,Sub Kegiatan,Kode Rekening,Rekening,Kode Sumber Dana,Sumber Dana,Pagu,SPD,Komitmen,Realisasi,Sisa Pagu,SPD belum direalisasi,Per tanggal');
    expect(lines).toHaveLength(total + 1);
    expect(csv.text).not.toMatch(UUID);
    const first = json.body.data[0];
    expect(lines[1]).toContain(`2026,${first.organizationCode},`);
    expect(lines[1]).toContain(`,${first.accountCode},`);
    expect(lines[1]).toContain(`,${first.appropriated},`);

    // an OPD role downloads its own OPD only, as it sees in JSON
    const own = await t.get('/budget-lines?fiscalYear=2026&format=csv', 'planner-a');
    const ownTotal = (await t.get('/budget-lines?fiscalYear=2026', 'planner-a')).body.meta.total as number;
    expect(ownTotal).toBeLessThan(total);
    expect(own.text.trim().split('\r\n')).toHaveLength(ownTotal + 1);

    const book = await xlsx('/budget-lines?fiscalYear=2026&format=xlsx', 'auditor');
    expect(book.headers['content-disposition']).toMatch(/budget-lines-2026\.xlsx/);
    expect(book.ws.rowCount).toBe(total + 1);
    expect(book.ws.getRow(1).getCell(2).value).toBe('Kode OPD');
    // Pagu is a summable number cell
    expect(typeof book.ws.getRow(2).getCell(10).value).toBe('number');
    // the streamed XLSX carries the CSV's figures, row for row and cell for cell: texts as
    // they are, money as the same amount (a number cell), no id anywhere
    const csvRows = csv.text.trimEnd().split('\r\n').map(csvFields);
    expect(book.ws.rowCount).toBe(csvRows.length);
    book.ws.eachRow((row, n) => {
      const want = csvRows[n - 1];
      expect(want).toHaveLength(16);
      want.forEach((field, i) => {
        const v = row.getCell(i + 1).value;
        if (n > 1 && i >= 9 && i <= 14) expect(typeof v === 'number' ? v.toFixed(2) : v).toBe(field);
        else expect(v === null ? '' : String(v)).toBe(field);
        expect(String(v ?? '')).not.toMatch(UUID);
      });
    });

    const bad = await t.get('/budget-lines?format=pdf', 'auditor');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('format');
  });

  it('downloads the audit events of the filters with the actor by username', async () => {
    expect((await t.req('post', '/fiscal-years', { user: 'admin', body: { year: 2031, status: 'PLANNING' }, headers: { 'X-Request-Id': 'req-export-1' } })).status).toBe(201);
    expect((await t.patch('/fiscal-years/2031', { status: 'EXECUTION' }, 'admin')).status).toBe(200);
    const admin = (await t.get('/auth/me', 'admin')).body;

    const csv = await t.get('/audit/events?entityType=FiscalYear&entityId=2031&limit=1&format=csv', 'auditor');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/filename="audit-events\.csv"/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('No rantai,Waktu,Pengguna,Request ID,Aksi,Entitas,Nomor / nama,ID entitas,Sebelum,Sesudah,Hash');
    expect(lines).toHaveLength(3); // both events, though limit=1
    expect(lines[2]).toMatch(/^\d+,\d{4}-\d{2}-\d{2}T[^,]+,admin,req-export-1,FISCAL_YEAR\.CREATE,FiscalYear,,2031,,"\{.*""year"":2031.*\}",[0-9a-f]{64}$/);
    expect(lines[1]).toContain(',FISCAL_YEAR.UPDATE,FiscalYear,,2031,');
    expect(csv.text).not.toContain(admin.id);

    const today = new Date().toISOString().slice(0, 10);
    const book = await xlsx(`/audit/events?entityType=FiscalYear&entityId=2031&from=${today}&to=${today}&format=xlsx`, 'auditor');
    expect(book.headers['content-disposition']).toMatch(new RegExp(`audit-events-${today}-${today}\\.xlsx`));
    expect(book.ws.rowCount).toBe(3);
    expect(book.ws.getRow(3).getCell(3).value).toBe('admin');

    // the permission is that of the JSON list
    expect((await t.get('/audit/events?format=csv', 'planner-a')).status).toBe(403);
  });
});
