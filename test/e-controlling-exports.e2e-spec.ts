import { Money } from '@grms/core';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { allRows, Row } from './support/controlling-fixtures';
import { xlsxRows } from './support/monev-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// The auditor downloads the RFK (live and frozen), the critical-contract list
// and the early warnings as CSV and XLSX, filtered by month or date, OPD and
// program: each file carries the rows and figures of the JSON with the same
// filters, with codes, names and document numbers and never an id.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const OPD_A = '1.01.0.00.0.00.01.0000';

describe('e-controlling: CSV and XLSX of the RFK, critical contracts and warnings', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  /** The CSV and the XLSX of `path` as records by header; money cells of the XLSX as decimal strings. */
  async function files(path: string, user: string, money: string[]): Promise<{ csv: Record<string, string>[]; xlsx: Record<string, string>[] }> {
    const token = await t.token(user);
    const csv = await request(t.app.getHttpServer()).get(`/api/v1${path}&format=csv`).set('Authorization', `Bearer ${token}`);
    expect({ path, status: csv.status }).toEqual({ path, status: 200 });
    expect(csv.headers['content-type']).toContain('text/csv');
    const xlsx = await request(t.app.getHttpServer()).get(`/api/v1${path}&format=xlsx`).set('Authorization', `Bearer ${token}`)
      .buffer(true).parse((res, cb) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks))); });
    expect({ path, status: xlsx.status }).toEqual({ path, status: 200 });
    const [headers, ...cells] = await xlsxRows(xlsx.body as Buffer);
    expect(csv.text).not.toMatch(UUID);
    for (const r of cells) for (const c of r) expect(String(c ?? '')).not.toMatch(UUID);
    const records = cells.map((r) => Object.fromEntries(headers.map((h, i) => [h, money.includes(h) && (r[i] ?? '') !== '' ? Money.of(r[i]).toString() : r[i] ?? ''])));
    return { csv: parse(csv.text, { columns: true }) as Record<string, string>[], xlsx: records };
  }

  const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

  it('the RFK, live and frozen, whole and by OPD and program, as CSV and XLSX carries the JSON\'s rows and figures', async () => {
    const [{ id: orgA }] = await t.sql<{ id: string }>(`SELECT id FROM organizations WHERE code = $1`, [OPD_A]);
    const whole = await allRows(t, '/controlling/rfk?fiscalYear=2026&month=12', 'auditor');
    const program = String(whole.find((r) => r.level === 'PROGRAM' && r.organizationCode === OPD_A)!.code);
    const frozen = await t.get('/controlling/rfk?fiscalYear=2026&month=9&limit=1', 'auditor');
    expect(frozen.body.report.frozen).toBe(true);
    const live = await t.get('/controlling/rfk?fiscalYear=2026&month=12&limit=1', 'auditor');
    expect(live.body.report.frozen).toBe(false);

    for (const q of ['month=12', `month=12&organizationId=${orgA}`, `month=12&programCode=${program}`, 'month=9', `month=9&organizationId=${orgA}&programCode=${program}`]) {
      const path = `/controlling/rfk?fiscalYear=2026&${q}`;
      const json = await allRows(t, path, 'auditor');
      expect(json.length).toBeGreaterThan(0);
      const { csv, xlsx } = await files(path, 'auditor', ['Pagu', 'Target Keuangan (Rp)', 'Realisasi Keuangan (Rp)', 'Sisa Anggaran']);
      expect({ q, csv: csv.length, xlsx: xlsx.length }).toEqual({ q, csv: json.length, xlsx: json.length });
      json.forEach((j, i) => {
        const want = { No: s(j.rowNo), Tingkat: s(j.level), 'Kode OPD': s(j.organizationCode), Kode: s(j.code), Pagu: s(j.budget), 'Bobot %': s(j.weight),
          'Realisasi Fisik %': s(j.physicalRealisation), 'Fisik Tertimbang %': s(j.weightedPhysical), 'Target Keuangan (Rp)': s(j.financialTarget),
          'Realisasi Keuangan (Rp)': s(j.financialRealisation), 'Sisa Anggaran': s(j.remainingBudget), Status: s(j.status), 'Tindak Lanjut': s(j.followUp) };
        expect({ q, i, ...csv[i] }).toMatchObject({ q, i, ...want });
        expect({ q, i, ...xlsx[i] }).toMatchObject({ q, i, ...want });
      });
      if (q.includes('programCode')) {
        // a program's rows keep the numbers and figures they have in the whole report; the OPD total is left out
        expect(json.every((r) => r.level !== 'OPD')).toBe(true);
        expect(json[0]).toMatchObject({ level: 'PROGRAM', code: program });
        const full = q.startsWith('month=12') ? whole : await allRows(t, '/controlling/rfk?fiscalYear=2026&month=9', 'auditor');
        for (const r of json) expect(full.find((f) => f.rowNo === r.rowNo)).toEqual(r);
      }
      if (q.includes('organizationId')) expect(json.every((r) => r.organizationCode === OPD_A)).toBe(true);
    }
  });

  it('the critical-contract list and the early warnings as CSV and XLSX carry the JSON\'s rows', async () => {
    const critical = await allRows(t, '/controlling/packages?fiscalYear=2026&month=9&status=CRITICAL', 'auditor');
    expect(critical.map((r) => r.contractNumber)).toContain('KTR/004/DISDIKBUD/2026');
    const pk = await files('/controlling/packages?fiscalYear=2026&month=9&status=CRITICAL', 'auditor', ['Nilai', 'Rencana Keuangan', 'Realisasi Keuangan']);
    for (const f of [pk.csv, pk.xlsx]) {
      expect(f.length).toBe(critical.length);
      critical.forEach((j, i) => expect(f[i]).toMatchObject({ 'Kode Paket': s(j.packageCode), 'No Kontrak': s(j.contractNumber), Nilai: s(j.value), 'Rencana Fisik %': s(j.plannedPhysical),
        'Realisasi Fisik %': s(j.actualPhysical), 'Realisasi Keuangan': s(j.realisedFinancial), Status: 'CRITICAL', Alasan: s(j.reason) }));
    }
    const k4 = pk.csv.find((r) => r['No Kontrak'] === 'KTR/004/DISDIKBUD/2026')!;
    expect(k4).toMatchObject({ 'Rencana Fisik %': '40.00', 'Realisasi Fisik %': '28.00', 'Deviasi Fisik': '-12.00' });
    // a date, not a month end; and one OPD's PPK sees the same file as the auditor's for that OPD
    const mid = await allRows(t, '/controlling/packages?fiscalYear=2026&asOf=2026-09-15', 'project-officer-a');
    const midFiles = await files('/controlling/packages?fiscalYear=2026&asOf=2026-09-15', 'project-officer-a', ['Nilai', 'Rencana Keuangan', 'Realisasi Keuangan']);
    expect(midFiles.csv.map((r) => [r['Kode Paket'], r['Rencana Fisik %'], r.Status])).toEqual(mid.map((r) => [r.packageCode, r.plannedPhysical, r.status]));
    expect(midFiles.xlsx.map((r) => [r['Kode Paket'], r['Rencana Fisik %'], r.Status])).toEqual(mid.map((r) => [r.packageCode, r.plannedPhysical, r.status]));

    for (const path of ['/controlling/warnings?fiscalYear=2026&month=10', '/controlling/warnings?fiscalYear=2026&asOf=2026-11-20']) {
      const json = await allRows(t, path, 'auditor');
      expect(json.length).toBeGreaterThan(0);
      const w = await files(path, 'auditor', []);
      const want = json.map((r: Row) => ({ Jenis: s(r.kind), 'Kode OPD': s(r.organizationCode), Subjek: s(r.subject), Keterangan: s(r.detail) }));
      expect(w.csv.map((r) => ({ Jenis: r.Jenis, 'Kode OPD': r['Kode OPD'], Subjek: r.Subjek, Keterangan: r.Keterangan }))).toEqual(want);
      expect(w.xlsx.map((r) => ({ Jenis: r.Jenis, 'Kode OPD': r['Kode OPD'], Subjek: r.Subjek, Keterangan: r.Keterangan }))).toEqual(want);
    }
  });
});
