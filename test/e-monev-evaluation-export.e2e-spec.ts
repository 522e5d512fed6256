import { LedgerKind } from '@grms/budget';
import Decimal from 'decimal.js';
import { evaluationFiles, openWindows, postDated, realize } from './support/monev-fixtures';
import { freshLine } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

type Row = { organizationCode: string; code: string; indicator: string; achievement: string | null; band: string | null; realization: string | null;
  targetAmount: string; disbursed: string; quarters: { amount: string | null; value: string | null }[] };
type Footer = { organizationCode: string; averageAchievement: string | null; appropriated: string; disbursed: string };

const money = (v: string) => (v === '' ? '' : new Decimal(v).toFixed(2));
const BANDS: Record<string, string> = { 'Sangat Tinggi': 'SANGAT_TINGGI', Tinggi: 'TINGGI', Sedang: 'SEDANG', Rendah: 'RENDAH', 'Sangat Rendah': 'SANGAT_RENDAH' };

// The evaluation download over the whole province, as the auditor pulls it
// (streamed from one snapshot): the demo's OPD A and OPD B's new indicators;
// every row of the JSON (all pages) is in the CSV and the XLSX with the same
// figures, each OPD's footer follows its rows with the JSON footer's figures,
// the average of all closes the file; the filters (quarter, organization,
// program) narrow the file as they narrow the JSON; a year or an OPD the
// user may not see is refused before any byte of a file.
describe('e-monev: the evaluation report as CSV and XLSX', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); orgB = await t.orgId('B'); await openWindows(t); });
  afterAll(async () => { await t.close(); });

  it('carries every row and footer of the JSON, and follows its filters', async () => {
    const lineId = await freshLine(t, 'B', '250000000.00');
    const [{ sub }] = await t.sql<{ sub: string }>(`SELECT sub_activity_code AS sub FROM budget_lines WHERE id = $1`, [lineId]);
    await postDated(t, lineId, LedgerKind.ALLOTMENT, '200000000', '2026-01-10');
    await postDated(t, lineId, LedgerKind.DISBURSEMENT, '12345678.91', '2026-03-02');
    await postDated(t, lineId, LedgerKind.DISBURSEMENT, '20000000.09', '2026-04-20');
    const ind = await t.post('/monev/indicators', { fiscalYear: 2026, level: 'SUB_KEGIATAN', code: sub, target: '6', quarterlyTargets: ['2', '3', '5', '6'] }, 'planner-b');
    expect(ind.status).toBe(201);
    const prog = await t.post('/monev/indicators', { fiscalYear: 2026, level: 'PROGRAM', code: sub.split('.').slice(0, 3).join('.'), name: 'Indeks layanan', unit: 'Indeks', target: '80', aggregation: 'AVERAGE' }, 'planner-b');
    await realize(t, ind.body.id, 1, '2', 'verify', 'planner-b');
    await realize(t, ind.body.id, 2, '0.5', 'verify', 'planner-b');
    await realize(t, prog.body.id, 1, '70', 'verify', 'planner-b');

    const q = '/monev/evaluation?fiscalYear=2026&quarter=2';
    const rows: Row[] = [];
    let json: { body: { meta: { total: number }; footer: { averageAchievement: string; organizations: Footer[] } } } | undefined;
    for (let page = 1; ; page++) {
      const res = await t.get(`${q}&limit=2&page=${page}`, 'auditor');
      expect(res.status).toBe(200);
      json = res;
      rows.push(...res.body.data);
      if (page * 2 >= res.body.meta.total) break;
    }
    const footer = json!.body.footer;
    expect(footer.organizations.map((o) => o.organizationCode).length).toBeGreaterThanOrEqual(2);

    const files = await evaluationFiles(t, q);
    for (const lines of [files.csv, files.xlsx]) {
      const rowLines = lines.filter((l) => l['Indikator Kinerja'] !== '');
      expect(rowLines.length).toBe(json!.body.meta.total);
      // in the JSON's order, with its figures
      rows.forEach((r, i) => {
        const l = rowLines[i];
        expect({ org: l['Kode OPD'], code: l['Kode'], ind: l['Indikator Kinerja'], k: l['Realisasi s/d TW (K)'] || null, ach: l['Capaian Kinerja (%)'] || null,
          band: BANDS[l['Predikat']] ?? null, rp: money(l['Target Tahun Ini (Rp)']), tw1: money(l['TW I (Rp)']), tw2: money(l['TW II (Rp)']),
          tw3: l['TW III (Rp)'], dis: money(l['Realisasi s/d TW (Rp)']) })
          .toEqual({ org: r.organizationCode, code: r.code, ind: r.indicator, k: r.realization, ach: r.achievement, band: r.band, rp: r.targetAmount,
            tw1: r.quarters[0].amount, tw2: r.quarters[1].amount, tw3: '', dis: r.disbursed });
      });
      // each OPD's footer right after its last row, with the JSON footer's figures
      for (const f of footer.organizations) {
        const at = lines.findIndex((l) => l['Kode OPD'] === f.organizationCode && l['Kode'] === 'Rata-rata capaian kinerja (%)');
        expect(lines[at - 1]['Kode OPD']).toBe(f.organizationCode);
        expect(lines[at - 1]['Indikator Kinerja']).not.toBe('');
        expect(lines.slice(at + 1).some((l) => l['Kode OPD'] === f.organizationCode && l['Indikator Kinerja'] !== '')).toBe(false);
        const text = (label: string) => lines.find((l) => l['Kode OPD'] === f.organizationCode && l['Kode'] === label)!['Program/Kegiatan/Sub Kegiatan'];
        expect([text('Rata-rata capaian kinerja (%)') || null, money(text('Anggaran OPD (Rp)')), money(text('Realisasi anggaran OPD s/d TW (Rp)'))])
          .toEqual([f.averageAchievement, f.appropriated, f.disbursed]);
      }
      const last = lines[lines.length - 2];
      expect([last['Perangkat Daerah'], last['Kode'], last['Program/Kegiatan/Sub Kegiatan']]).toEqual(['Seluruh Perangkat Daerah', 'Rata-rata capaian kinerja (%)', footer.averageAchievement]);
    }

    // filters: quarter, organization, program narrow the file as the JSON
    const narrow = `/monev/evaluation?fiscalYear=2026&quarter=1&organizationId=${orgB}&programCode=${sub.split('.').slice(0, 3).join('.')}`;
    const nj = await t.get(narrow, 'auditor');
    const nf = await evaluationFiles(t, narrow);
    for (const lines of [nf.csv, nf.xlsx]) {
      const rowLines = lines.filter((l) => l['Indikator Kinerja'] !== '');
      expect(rowLines.map((l) => [l['Indikator Kinerja'], l['Capaian Kinerja (%)'] || null, money(l['TW I (Rp)']), l['TW II (Rp)']]))
        .toEqual(nj.body.data.map((r: Row) => [r.indicator, r.achievement, r.quarters[0].amount, '']));
      expect(lines.some((l) => l['Perangkat Daerah'] === 'Seluruh Perangkat Daerah')).toBe(false);
    }
    // the OPD's planner: its own OPD only; another OPD or an unknown year refused before the file
    const own = await evaluationFiles(t, q, 'planner-b');
    expect(new Set(own.csv.map((l) => l['Kode OPD']))).toEqual(new Set([footer.organizations.find((f) => rows.some((r) => r.organizationCode === f.organizationCode && r.indicator === 'Indeks layanan'))!.organizationCode]));
    const other = await t.get(`${q}&organizationId=${orgA}&format=csv`, 'planner-b');
    expect([other.status, other.body.code]).toEqual([404, 'NOT_FOUND']);
    const year = await t.get('/monev/evaluation?fiscalYear=2099&quarter=2&format=xlsx', 'auditor');
    expect([year.status, year.body.code]).toEqual([404, 'FISCAL_YEAR_NOT_FOUND']);
  });
});
